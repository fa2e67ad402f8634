CREATE TABLE "integration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"from_tool_id" uuid NOT NULL,
	"to_tool_id" uuid NOT NULL,
	"data_objects" text[] DEFAULT '{}'::text[] NOT NULL,
	"method" text NOT NULL,
	"direction" text NOT NULL,
	"owner_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "integration_not_self" CHECK ("integration"."from_tool_id" <> "integration"."to_tool_id")
);
--> statement-breakpoint
CREATE TABLE "tool" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"lifecycle" text NOT NULL,
	"phase_in_on" date,
	"active_on" date,
	"phase_out_on" date,
	"retired_on" date,
	"business_owner_id" uuid,
	"technical_owner_id" uuid,
	"functional_fit" smallint,
	"technical_fit" smallint,
	"annual_cost" numeric(15, 2),
	"currency" text,
	"seats_bought" integer,
	"seats_used" integer,
	"contract_start" date,
	"renewal_date" date,
	"notice_days" integer,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"data_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sso" boolean DEFAULT false NOT NULL,
	"dpa_signed" boolean DEFAULT false NOT NULL,
	"security_review_date" date,
	"security_review_expiry" date,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"hosting_region" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tool_fit_range" CHECK ("tool"."functional_fit" BETWEEN 1 AND 5 AND "tool"."technical_fit" BETWEEN 1 AND 5),
	CONSTRAINT "tool_cost_has_currency" CHECK (("tool"."annual_cost" IS NULL) = ("tool"."currency" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_from_tool_id_tool_id_fk" FOREIGN KEY ("from_tool_id") REFERENCES "public"."tool"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_to_tool_id_tool_id_fk" FOREIGN KEY ("to_tool_id") REFERENCES "public"."tool"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool" ADD CONSTRAINT "tool_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool" ADD CONSTRAINT "tool_business_owner_id_app_user_id_fk" FOREIGN KEY ("business_owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool" ADD CONSTRAINT "tool_technical_owner_id_app_user_id_fk" FOREIGN KEY ("technical_owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_workspace_created_idx" ON "integration" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "integration_from_idx" ON "integration" USING btree ("from_tool_id");--> statement-breakpoint
CREATE INDEX "integration_to_idx" ON "integration" USING btree ("to_tool_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_workspace_name_key" ON "tool" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "tool_workspace_name_idx" ON "tool" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "tool_workspace_updated_idx" ON "tool" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tool_workspace_renewal_idx" ON "tool" USING btree ("workspace_id","renewal_date","id");--> statement-breakpoint
CREATE INDEX "tool_workspace_category_idx" ON "tool" USING btree ("workspace_id","category","subcategory");