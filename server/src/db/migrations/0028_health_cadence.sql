CREATE TABLE "health_cadence" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"cadence" text DEFAULT 'off' NOT NULL,
	"starts_on" date,
	"k" integer DEFAULT 5 NOT NULL,
	"items_per_pulse" integer DEFAULT 8 NOT NULL,
	"length_days" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "health_cadence_k_range" CHECK ("health_cadence"."k" between 3 and 10),
	CONSTRAINT "health_cadence_items_range" CHECK ("health_cadence"."items_per_pulse" between 6 and 8),
	CONSTRAINT "health_cadence_length_range" CHECK ("health_cadence"."length_days" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "health_state" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health_survey" ADD COLUMN "scheduled_on" date;--> statement-breakpoint
ALTER TABLE "health_cadence" ADD CONSTRAINT "health_cadence_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_state" ADD CONSTRAINT "health_state_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_survey_scheduled_key" ON "health_survey" USING btree ("workspace_id","scheduled_on");