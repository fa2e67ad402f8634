CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipeline_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"scoring" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raci_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_type" text NOT NULL,
	"activities" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_raci" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"role" text NOT NULL,
	"team_id" uuid,
	"user_id" uuid,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"deadline" date,
	"deadline_reason" text DEFAULT '' NOT NULL,
	"data_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_benefit" numeric(15, 2),
	"soft_hours" numeric(12, 2),
	"hourly_rate" numeric(12, 2),
	"cost_estimate" numeric(15, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"confidence" smallint,
	"requester_id" uuid NOT NULL,
	"sponsor_id" uuid,
	"it_partner_id" uuid,
	"team_id" uuid,
	"priority" text,
	"reach" numeric(12, 2),
	"value_score" smallint,
	"urgency_score" smallint,
	"risk_score" smallint,
	"effort" numeric(8, 2),
	"score" double precision,
	"rank" double precision DEFAULT 0 NOT NULL,
	"ranked_manually" boolean DEFAULT false NOT NULL,
	"stage" text NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"waiting_on_requester" boolean DEFAULT false NOT NULL,
	"architecture_notes" text DEFAULT '' NOT NULL,
	"integration_notes" text DEFAULT '' NOT NULL,
	"security_notes" text DEFAULT '' NOT NULL,
	"compliance_notes" text DEFAULT '' NOT NULL,
	"tool_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"decision" text,
	"decision_reason" text,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by_id" uuid,
	"appealed_at" timestamp with time zone,
	"appeal_comment" text,
	"alternative_accepted_at" timestamp with time zone,
	"review_due_on" date,
	"realised_benefit" numeric(15, 2),
	"review_notes" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"first_response_minutes" double precision,
	"decision_minutes" double precision,
	"delivery_minutes" double precision,
	"first_response_met" boolean,
	"decision_met" boolean,
	"delivery_met" boolean,
	"first_response_due_at" timestamp with time zone,
	"decision_due_at" timestamp with time zone,
	"delivery_due_at" timestamp with time zone,
	"breached" boolean DEFAULT false NOT NULL,
	"at_risk_notified_at" timestamp with time zone,
	"breach_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "request_confidence_range" CHECK ("request"."confidence" BETWEEN 0 AND 100),
	CONSTRAINT "request_scores_range" CHECK ("request"."value_score" BETWEEN 1 AND 10 AND "request"."urgency_score" BETWEEN 1 AND 10 AND "request"."risk_score" BETWEEN 1 AND 10)
);
--> statement-breakpoint
CREATE TABLE "sla_policy" (
	"workspace_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"calendar_id" uuid NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"decision_minutes" integer NOT NULL,
	"delivery_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sla_policy_workspace_id_priority_pk" PRIMARY KEY("workspace_id","priority"),
	CONSTRAINT "sla_policy_positive" CHECK ("sla_policy"."first_response_minutes" > 0 AND "sla_policy"."decision_minutes" > 0 AND "sla_policy"."delivery_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "request_watcher" (
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "request_watcher_request_id_user_id_pk" PRIMARY KEY("request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "work_calendar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"working_days" smallint[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"holidays" date[] DEFAULT '{}'::date[] NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comment" ADD CONSTRAINT "request_comment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comment" ADD CONSTRAINT "request_comment_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comment" ADD CONSTRAINT "request_comment_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_settings" ADD CONSTRAINT "pipeline_settings_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_template" ADD CONSTRAINT "raci_template_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_raci" ADD CONSTRAINT "request_raci_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_raci" ADD CONSTRAINT "request_raci_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_raci" ADD CONSTRAINT "request_raci_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_raci" ADD CONSTRAINT "request_raci_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_requester_id_app_user_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_sponsor_id_app_user_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_it_partner_id_app_user_id_fk" FOREIGN KEY ("it_partner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_decided_by_id_app_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_calendar_id_work_calendar_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."work_calendar"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_watcher" ADD CONSTRAINT "request_watcher_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_watcher" ADD CONSTRAINT "request_watcher_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_calendar" ADD CONSTRAINT "work_calendar_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "request_comment_request_idx" ON "request_comment" USING btree ("request_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "raci_template_workspace_type_key" ON "raci_template" USING btree ("workspace_id","request_type");--> statement-breakpoint
CREATE INDEX "request_event_request_idx" ON "request_event" USING btree ("request_id","at","id");--> statement-breakpoint
CREATE INDEX "request_raci_request_idx" ON "request_raci" USING btree ("request_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "request_workspace_number_key" ON "request" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "request_workspace_rank_idx" ON "request" USING btree ("workspace_id","rank","id");--> statement-breakpoint
CREATE INDEX "request_workspace_updated_idx" ON "request" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "request_workspace_stage_idx" ON "request" USING btree ("workspace_id","stage");--> statement-breakpoint
CREATE INDEX "request_workspace_submitted_idx" ON "request" USING btree ("workspace_id","submitted_at");--> statement-breakpoint
CREATE INDEX "request_requester_idx" ON "request" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "request_watcher_user_idx" ON "request_watcher" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_calendar_workspace_name_key" ON "work_calendar" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "work_calendar_workspace_default_key" ON "work_calendar" USING btree ("workspace_id") WHERE "work_calendar"."is_default";