CREATE TABLE "experiment_snapshot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by_id" uuid,
	"metrics" jsonb NOT NULL,
	"total_units" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hypothesis_change" text NOT NULL,
	"hypothesis_outcome" text NOT NULL,
	"hypothesis_measure" text NOT NULL,
	"hypothesis_rationale" text DEFAULT '' NOT NULL,
	"kpi" text NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"request_id" uuid,
	"parent_id" uuid,
	"owner_id" uuid,
	"it_partner_id" uuid,
	"status" text NOT NULL,
	"variants" jsonb NOT NULL,
	"primary_metric" jsonb NOT NULL,
	"other_metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"outcome" text,
	"decision_reason" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"learnings" text DEFAULT '' NOT NULL,
	"headline" jsonb,
	"snapshot_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experiment_decided_has_decision" CHECK (("experiment"."status" = 'decided') = ("experiment"."outcome" IS NOT NULL AND "experiment"."decision_reason" IS NOT NULL AND "experiment"."decided_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "experiment_snapshot" ADD CONSTRAINT "experiment_snapshot_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_snapshot" ADD CONSTRAINT "experiment_snapshot_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_snapshot" ADD CONSTRAINT "experiment_snapshot_entered_by_id_app_user_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_parent_id_experiment_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."experiment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_it_partner_id_app_user_id_fk" FOREIGN KEY ("it_partner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_decided_by_id_app_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_snapshot_seq_key" ON "experiment_snapshot" USING btree ("experiment_id","seq");--> statement-breakpoint
CREATE INDEX "experiment_workspace_updated_idx" ON "experiment" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "experiment_workspace_created_idx" ON "experiment" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "experiment_workspace_name_idx" ON "experiment" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "experiment_workspace_decided_idx" ON "experiment" USING btree ("workspace_id","decided_at","id");--> statement-breakpoint
CREATE INDEX "experiment_parent_idx" ON "experiment" USING btree ("parent_id");