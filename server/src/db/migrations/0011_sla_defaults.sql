-- Every workspace created before workspaces got their working calendar and service levels at creation gets the
-- defaults now: Monday to Friday, 09:00–17:00 UTC; targets per class in business minutes.
INSERT INTO "work_calendar" ("workspace_id", "name", "time_zone", "working_days", "start_time", "end_time", "is_default")
SELECT w."id", 'Office hours', 'UTC', '{1,2,3,4,5}', '09:00', '17:00', true
FROM "workspace" w
WHERE NOT EXISTS (SELECT 1 FROM "work_calendar" c WHERE c."workspace_id" = w."id");
--> statement-breakpoint
INSERT INTO "sla_policy" ("workspace_id", "priority", "calendar_id", "first_response_minutes", "decision_minutes", "delivery_minutes")
SELECT w."id", p."priority", c."id", p."first_response", p."decision", p."delivery"
FROM "workspace" w
JOIN "work_calendar" c ON c."workspace_id" = w."id" AND c."is_default"
CROSS JOIN (VALUES ('crucial', 240, 1440, 7200), ('secondary', 480, 4800, 19200), ('nice_to_have', 960, 9600, 28800))
  AS p("priority", "first_response", "decision", "delivery")
ON CONFLICT DO NOTHING;
