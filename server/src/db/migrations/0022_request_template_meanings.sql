ALTER TABLE "request" ADD COLUMN "success_measure" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "systems" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "data_needs" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "non_functional_needs" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "term_meanings" jsonb DEFAULT '[]'::jsonb NOT NULL;