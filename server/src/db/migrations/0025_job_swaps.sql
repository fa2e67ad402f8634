CREATE TABLE "job_swap" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text DEFAULT 'swap' NOT NULL,
	"marketing_person_id" uuid NOT NULL,
	"it_person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"goals" text NOT NULL,
	"marketing_reflection" text,
	"marketing_reflected_at" timestamp with time zone,
	"it_reflection" text,
	"it_reflected_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "job_swap_date_order" CHECK ("job_swap"."end_date" >= "job_swap"."start_date"),
	CONSTRAINT "job_swap_two_people" CHECK ("job_swap"."marketing_person_id" <> "job_swap"."it_person_id"),
	CONSTRAINT "job_swap_marketing_reflection_dated" CHECK (("job_swap"."marketing_reflection" IS NULL) = ("job_swap"."marketing_reflected_at" IS NULL)),
	CONSTRAINT "job_swap_it_reflection_dated" CHECK (("job_swap"."it_reflection" IS NULL) = ("job_swap"."it_reflected_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "attachment" jsonb;--> statement-breakpoint
ALTER TABLE "job_swap" ADD CONSTRAINT "job_swap_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_swap" ADD CONSTRAINT "job_swap_marketing_person_id_app_user_id_fk" FOREIGN KEY ("marketing_person_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_swap" ADD CONSTRAINT "job_swap_it_person_id_app_user_id_fk" FOREIGN KEY ("it_person_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_swap" ADD CONSTRAINT "job_swap_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_swap_workspace_start_idx" ON "job_swap" USING btree ("workspace_id","start_date","id");--> statement-breakpoint
CREATE INDEX "job_swap_workspace_end_idx" ON "job_swap" USING btree ("workspace_id","end_date","id");--> statement-breakpoint
CREATE INDEX "job_swap_marketing_person_idx" ON "job_swap" USING btree ("marketing_person_id");--> statement-breakpoint
CREATE INDEX "job_swap_it_person_idx" ON "job_swap" USING btree ("it_person_id");