ALTER TABLE "notification" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "email_attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "notification_unsent_idx" ON "notification" USING btree ("created_at") WHERE "notification"."emailed_at" IS NULL;