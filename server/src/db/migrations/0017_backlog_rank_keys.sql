ALTER TABLE "request" ALTER COLUMN "rank" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "request" ALTER COLUMN "rank" SET DEFAULT 'kAzL8n0Y58m8';