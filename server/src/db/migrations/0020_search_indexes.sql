CREATE INDEX "experiment_search_idx" ON "experiment" USING gin (to_tsvector('simple'::regconfig, "name"));--> statement-breakpoint
CREATE INDEX "app_user_search_idx" ON "app_user" USING gin (to_tsvector('simple'::regconfig, "name"));--> statement-breakpoint
CREATE INDEX "request_search_idx" ON "request" USING gin (to_tsvector('simple'::regconfig, "title"));--> statement-breakpoint
CREATE INDEX "kpi_search_idx" ON "kpi" USING gin (to_tsvector('simple'::regconfig, "name"));--> statement-breakpoint
CREATE INDEX "objective_search_idx" ON "objective" USING gin (to_tsvector('simple'::regconfig, "title"));--> statement-breakpoint
CREATE INDEX "tool_search_idx" ON "tool" USING gin (to_tsvector('simple'::regconfig, "name" || ' ' || "vendor"));--> statement-breakpoint
CREATE INDEX "tool_vendor_search_idx" ON "tool" USING gin (to_tsvector('simple'::regconfig, "vendor"));--> statement-breakpoint
CREATE INDEX "spend_line_search_idx" ON "spend_line" USING gin (to_tsvector('simple'::regconfig, "channel" || ' ' || "campaign" || ' ' || "initiative"));