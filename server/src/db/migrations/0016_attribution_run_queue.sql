-- Runs left running by a stopped process start again from the queue (and one running run per workspace holds).
UPDATE "attribution_run" SET "status" = 'queued' WHERE "status" = 'running';--> statement-breakpoint
DROP INDEX "outcome_workspace_time_idx";--> statement-breakpoint
DROP INDEX "touchpoint_workspace_time_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "attribution_run_one_running_idx" ON "attribution_run" USING btree ("workspace_id") WHERE "attribution_run"."status" = 'running';--> statement-breakpoint
CREATE INDEX "outcome_workspace_time_id_idx" ON "outcome" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "touchpoint_workspace_time_id_idx" ON "touchpoint" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
ALTER TABLE "attribution_run" ADD CONSTRAINT "attribution_run_status" CHECK ("attribution_run"."status" in ('queued', 'running', 'done', 'failed', 'cancelled'));