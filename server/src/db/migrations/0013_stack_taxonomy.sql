CREATE TABLE "stack_taxonomy" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"subcategories" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stack_taxonomy" ADD CONSTRAINT "stack_taxonomy_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE no action ON UPDATE no action;