CREATE TABLE "health_answer" (
	"response_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"value" smallint NOT NULL,
	CONSTRAINT "health_answer_response_id_item_id_pk" PRIMARY KEY("response_id","item_id"),
	CONSTRAINT "health_answer_scale" CHECK ("health_answer"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "health_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"code" text NOT NULL,
	"criterion" text NOT NULL,
	"text_marketing" text NOT NULL,
	"text_it" text NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"live" boolean DEFAULT false NOT NULL,
	"published_figure" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_participation" (
	"survey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	CONSTRAINT "health_participation_survey_id_user_id_pk" PRIMARY KEY("survey_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "health_release" (
	"survey_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"group_key" text NOT NULL,
	"side" text NOT NULL,
	"item_id" uuid NOT NULL,
	"respondents" integer NOT NULL,
	"answers" integer NOT NULL,
	"total" integer NOT NULL,
	"agree" integer NOT NULL,
	CONSTRAINT "health_release_survey_id_scope_group_key_item_id_pk" PRIMARY KEY("survey_id","scope","group_key","item_id")
);
--> statement-breakpoint
CREATE TABLE "health_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"side" text NOT NULL,
	"team_id" uuid,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "health_survey_item" (
	"survey_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "health_survey_item_survey_id_item_id_pk" PRIMARY KEY("survey_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "health_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"items_per_pulse" integer DEFAULT 6 NOT NULL,
	"closes_on" date NOT NULL,
	"launched_on" date,
	"closed_on" date,
	"invited_marketing" integer DEFAULT 0 NOT NULL,
	"invited_it" integer DEFAULT 0 NOT NULL,
	"signals" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "health_survey_k_range" CHECK ("health_survey"."k" between 3 and 10)
);
--> statement-breakpoint
ALTER TABLE "health_answer" ADD CONSTRAINT "health_answer_response_id_health_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."health_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_answer" ADD CONSTRAINT "health_answer_item_id_health_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."health_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_item" ADD CONSTRAINT "health_item_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_participation" ADD CONSTRAINT "health_participation_survey_id_health_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."health_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_participation" ADD CONSTRAINT "health_participation_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_release" ADD CONSTRAINT "health_release_survey_id_health_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."health_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_release" ADD CONSTRAINT "health_release_item_id_health_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."health_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_response" ADD CONSTRAINT "health_response_survey_id_health_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."health_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_response" ADD CONSTRAINT "health_response_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_survey_item" ADD CONSTRAINT "health_survey_item_survey_id_health_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."health_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_survey_item" ADD CONSTRAINT "health_survey_item_item_id_health_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."health_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_survey" ADD CONSTRAINT "health_survey_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_item_workspace_code_key" ON "health_item" USING btree ("workspace_id","code");--> statement-breakpoint
CREATE INDEX "health_response_survey_idx" ON "health_response" USING btree ("survey_id","side");--> statement-breakpoint
CREATE INDEX "health_survey_workspace_idx" ON "health_survey" USING btree ("workspace_id","status","closed_on");