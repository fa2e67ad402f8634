ALTER TABLE "attribution_run" ADD COLUMN "progress" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "attribution_run" ADD COLUMN "progress_note" text DEFAULT '' NOT NULL;