CREATE TABLE "attribution_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"models" text[] NOT NULL,
	"markov_order" integer NOT NULL,
	"lookback_days" integer NOT NULL,
	"half_life_days" double precision NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"currency" text NOT NULL,
	"inputs" jsonb,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_path" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"channels" text[] NOT NULL,
	"conversions" double precision NOT NULL,
	"value" double precision NOT NULL,
	"nulls" double precision NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_path_period" CHECK ("journey_path"."period_start" <= "journey_path"."period_end")
);
--> statement-breakpoint
CREATE TABLE "outcome" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"journey_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_value_nonnegative" CHECK ("outcome"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "spend_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"channel" text NOT NULL,
	"campaign" text DEFAULT '' NOT NULL,
	"initiative" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(15, 2) NOT NULL,
	"currency" text NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "spend_line_amount_nonnegative" CHECK ("spend_line"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "touchpoint" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"journey_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"lines" integer NOT NULL,
	"imported" integer NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attribution_run" ADD CONSTRAINT "attribution_run_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_run" ADD CONSTRAINT "attribution_run_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_path" ADD CONSTRAINT "journey_path_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_path" ADD CONSTRAINT "journey_path_import_id_value_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."value_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_import_id_value_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."value_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_line" ADD CONSTRAINT "spend_line_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_line" ADD CONSTRAINT "spend_line_import_id_value_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."value_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint" ADD CONSTRAINT "touchpoint_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint" ADD CONSTRAINT "touchpoint_import_id_value_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."value_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import" ADD CONSTRAINT "value_import_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import" ADD CONSTRAINT "value_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attribution_run_workspace_created_idx" ON "attribution_run" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "journey_path_workspace_period_idx" ON "journey_path" USING btree ("workspace_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "outcome_workspace_time_idx" ON "outcome" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "spend_line_workspace_date_idx" ON "spend_line" USING btree ("workspace_id","spent_on","id");--> statement-breakpoint
CREATE INDEX "spend_line_workspace_amount_idx" ON "spend_line" USING btree ("workspace_id","amount","id");--> statement-breakpoint
CREATE INDEX "spend_line_workspace_channel_idx" ON "spend_line" USING btree ("workspace_id","channel","spent_on");--> statement-breakpoint
CREATE INDEX "touchpoint_workspace_time_idx" ON "touchpoint" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "value_import_workspace_created_idx" ON "value_import" USING btree ("workspace_id","created_at");