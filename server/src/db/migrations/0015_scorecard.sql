CREATE TABLE "customer_segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_measurement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"date" date NOT NULL,
	"value" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"confidence" integer,
	"source" text NOT NULL,
	"computed_from" jsonb,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpi_measurement_confidence_range" CHECK ("kpi_measurement"."confidence" IS NULL OR "kpi_measurement"."confidence" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "kpi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"currency" text,
	"direction" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"thresholds" jsonb,
	"cadence" text NOT NULL,
	"category" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"segment_id" uuid,
	"source" text NOT NULL,
	"measure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpi_target_differs" CHECK ("kpi"."target" <> "kpi"."baseline"),
	CONSTRAINT "kpi_computed_has_measure" CHECK (("kpi"."source" = 'computed') = ("kpi"."measure" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "objective" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"marketing_owner_id" uuid,
	"it_owner_id" uuid,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "objective_period_order" CHECK ("objective"."period_end" >= "objective"."period_start")
);
--> statement-breakpoint
CREATE TABLE "request_kpi" (
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_kpi_request_id_kpi_id_pk" PRIMARY KEY("request_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "tool_kpi" (
	"workspace_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_kpi_tool_id_kpi_id_pk" PRIMARY KEY("tool_id","kpi_id")
);
--> statement-breakpoint
ALTER TABLE "experiment" ADD COLUMN "kpi_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_segment" ADD CONSTRAINT "customer_segment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement" ADD CONSTRAINT "kpi_measurement_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement" ADD CONSTRAINT "kpi_measurement_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement" ADD CONSTRAINT "kpi_measurement_recorded_by_id_app_user_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_segment_id_customer_segment_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."customer_segment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_marketing_owner_id_app_user_id_fk" FOREIGN KEY ("marketing_owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_it_owner_id_app_user_id_fk" FOREIGN KEY ("it_owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_parent_id_objective_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_kpi" ADD CONSTRAINT "request_kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_kpi" ADD CONSTRAINT "request_kpi_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_kpi" ADD CONSTRAINT "request_kpi_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_kpi" ADD CONSTRAINT "tool_kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_kpi" ADD CONSTRAINT "tool_kpi_tool_id_tool_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tool"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_kpi" ADD CONSTRAINT "tool_kpi_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_segment_workspace_name_key" ON "customer_segment" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_measurement_kpi_date_key" ON "kpi_measurement" USING btree ("kpi_id","date");--> statement-breakpoint
CREATE INDEX "kpi_measurement_workspace_idx" ON "kpi_measurement" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "kpi_workspace_name_idx" ON "kpi" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "kpi_objective_idx" ON "kpi" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "kpi_owner_idx" ON "kpi" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "kpi_segment_idx" ON "kpi" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "objective_workspace_period_idx" ON "objective" USING btree ("workspace_id","period_start","id");--> statement-breakpoint
CREATE INDEX "objective_parent_idx" ON "objective" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "request_kpi_kpi_idx" ON "request_kpi" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "tool_kpi_kpi_idx" ON "tool_kpi" USING btree ("kpi_id");--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_kpi_idx" ON "experiment" USING btree ("kpi_id");