CREATE TABLE "discovery_dismissal" (
	"workspace_id" uuid NOT NULL,
	"merchant_key" text NOT NULL,
	"dismissed_by_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"imported_by_id" uuid NOT NULL,
	"line_count" integer NOT NULL,
	"matched_count" integer NOT NULL,
	"first_date" date,
	"last_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"merchant_key" text NOT NULL,
	"amount" numeric(15, 2) NOT NULL,
	"currency" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"employee" text DEFAULT '' NOT NULL,
	"tool_id" uuid,
	"match_score" real,
	"software_like" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discovery_dismissal" ADD CONSTRAINT "discovery_dismissal_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discovery_dismissal" ADD CONSTRAINT "discovery_dismissal_dismissed_by_id_app_user_id_fk" FOREIGN KEY ("dismissed_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_import" ADD CONSTRAINT "expense_import_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_import" ADD CONSTRAINT "expense_import_imported_by_id_app_user_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_line" ADD CONSTRAINT "expense_line_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_line" ADD CONSTRAINT "expense_line_import_id_expense_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."expense_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_line" ADD CONSTRAINT "expense_line_tool_id_tool_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tool"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "discovery_dismissal_key" ON "discovery_dismissal" USING btree ("workspace_id","merchant_key");--> statement-breakpoint
CREATE INDEX "expense_import_workspace_idx" ON "expense_import" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "expense_line_workspace_merchant_idx" ON "expense_line" USING btree ("workspace_id","merchant_key");--> statement-breakpoint
CREATE INDEX "expense_line_import_idx" ON "expense_line" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "expense_line_tool_idx" ON "expense_line" USING btree ("tool_id");