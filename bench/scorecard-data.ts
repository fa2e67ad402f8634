// The Scorecard benchmarks' data: objectives owned by both sides, KPIs under them and weekly measurements over
// the whole period, written by SQL in a few statements (used by bench/scorecard.ts and bench/web-pages.ts).
import type { Database } from "../server/src/db/client";

/** Inserts `objectives` objectives, `kpis` KPIs and a weekly value per KPI from periodStart to periodEnd. */
export async function seedScorecardData(
  database: Database,
  options: {
    workspaceId: string;
    marketingId: string;
    itId: string;
    periodStart: string;
    periodEnd: string;
    objectives: number;
    kpis: number;
    years: number;
  },
): Promise<number> {
  const { workspaceId, marketingId, itId, periodStart, periodEnd } = options;
  await database.query(
    `INSERT INTO objective (workspace_id, title, period_start, period_end, marketing_owner_id, it_owner_id)
     SELECT $1, 'Objective ' || g, $2::date, $3::date, $4, $5 FROM generate_series(1, $6::int) AS g`,
    [workspaceId, periodStart, periodEnd, marketingId, itId, options.objectives],
  );
  await database.query(
    `INSERT INTO kpi (workspace_id, objective_id, name, unit, direction, baseline, target, cadence, category, owner_id, source)
     SELECT $1, o.id, 'KPI ' || lpad(g::text, 3, '0'), 'percent', CASE WHEN g % 3 = 0 THEN 'down' ELSE 'up' END,
            CASE WHEN g % 3 = 0 THEN 60 ELSE 20 END, CASE WHEN g % 3 = 0 THEN 30 ELSE 70 END, 'weekly',
            CASE WHEN g % 2 = 0 THEN 'revenue' ELSE 'operations' END, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END,
            'manual'
     FROM generate_series(1, $4::int) AS g
     JOIN (SELECT id, row_number() OVER (ORDER BY title) AS n FROM objective WHERE workspace_id = $1) o
       ON o.n = 1 + (g % $5::int)`,
    [workspaceId, marketingId, itId, options.kpis, options.objectives],
  );
  // Weekly values from the period's first week to its end, wandering from the baseline toward the target.
  await database.query(
    `INSERT INTO kpi_measurement (workspace_id, kpi_id, date, value, source, confidence)
     SELECT $1, k.id, d::date,
            round((k.baseline + (k.target - k.baseline) * (w / ($3::float * 52)) * (0.8 + 0.3 * sin(w + k.baseline)))::numeric, 2),
            'check_in', 3
     FROM kpi k
     CROSS JOIN LATERAL generate_series($2::date + 6, $4::date, interval '7 days') WITH ORDINALITY AS s(d, w)
     WHERE k.workspace_id = $1`,
    [workspaceId, periodStart, options.years, periodEnd],
  );
  const [{ count }] = await database.query<{ count: string }>(
    "SELECT count(*) FROM kpi_measurement WHERE workspace_id = $1",
    [workspaceId],
  );
  return Number(count);
}
