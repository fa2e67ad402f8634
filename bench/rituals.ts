// Rituals benchmark on PostgreSQL: building a meeting's agenda (POST /meetings/:id/prepare's work: the snapshot read
// through the modules' commands, the pure builder, the rows written in one transaction) over a workspace with 5,000
// tools, 100,000 requests and 500 KPIs (a year of weekly values each). Budget < 200 ms. Also times the snapshot
// read and the pure builder alone, and a bare `SELECT count(*) FROM request` as the machine's yardstick.
// Run: node --import tsx bench/rituals.ts   (TANDEM_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
import { randomUUID } from "node:crypto";
import { SERIES_TEMPLATES } from "#contracts/rituals";
import { buildAgenda } from "#engines/agenda";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { readWorkspaceFacts } from "../server/src/modules/rituals/agenda.sources";
import { prepareMeeting, systemCtx } from "../server/src/modules/rituals/rituals.commands";
import { insertMeeting, insertSeries, replaceParticipants } from "../server/src/modules/rituals/rituals.queries";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";
import { seedScorecardData } from "./scorecard-data";

const TOOLS = Number(process.env.BENCH_RITUALS_TOOLS ?? 5_000);
const REQUESTS = Number(process.env.BENCH_RITUALS_REQUESTS ?? 100_000);
const KPIS = Number(process.env.BENCH_RITUALS_KPIS ?? 500);
const RUNS = 15;
const BUDGET_MS = 200;

const scratch = await scratchDatabase("rituals");
const database = await openDatabase({ url: scratch.url }, { poolSize: 4 });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];
async function time(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
const round = (ms: number) => Math.round(ms * 10) / 10;

try {
  await migrate(database);
  const now = new Date("2026-11-23T12:00:00Z");
  const { workspace, teams } = await createWorkspace(database.db, "Bench Co", now);
  const teamOf = (kind: string) => teams.find((team) => team.kind === kind) ?? teams[0];
  const person = (kind: string, email: string) =>
    insertUser(database.db, {
      workspaceId: workspace.id,
      teamId: teamOf(kind).id,
      email,
      name: email,
      passwordHash: "not-a-hash",
      role: "admin",
    });
  const marketing = await person("marketing", "cmo@bench.test");
  const it = await person("it", "cio@bench.test");
  const seeding = performance.now();
  // Tools: a fifth with a renewal in the coming year (a few of them with a cancel-by date before next week).
  await database.query(
    `INSERT INTO tool (workspace_id, name, category, subcategory, status, lifecycle, business_owner_id,
                       technical_owner_id, annual_cost, currency, renewal_date, notice_days, auto_renew)
     SELECT $1, 'Tool ' || lpad(g::text, 5, '0'), (ARRAY['advertising','content','social','commerce','data','management'])[1 + g % 6],
            'Sub ' || (g % 40), (ARRAY['sanctioned','under_review','shadow'])[1 + g % 3],
            (ARRAY['plan','phase_in','active','active','active','phase_out','retired'])[1 + g % 7], $2, $3,
            CASE WHEN g % 5 = 0 THEN 1000 + g ELSE NULL END, CASE WHEN g % 5 = 0 THEN 'EUR' ELSE NULL END,
            CASE WHEN g % 5 = 0 THEN date '2026-11-23' + (g % 365) ELSE NULL END,
            CASE WHEN g % 5 = 0 THEN 30 ELSE NULL END, g % 2 = 0
     FROM generate_series(1, $4::int) AS g`,
    [workspace.id, marketing.id, it.id, TOOLS],
  );
  // Requests: a year of them, most closed; 1 in 50 waiting on a decision, 1 in 97 open and past a target.
  await database.query(
    `INSERT INTO request (workspace_id, number, type, title, requester_id, sponsor_id, it_partner_id, priority, stage,
                          stage_changed_at, submitted_at, breached, rank)
     SELECT $1, g, (ARRAY['change','capability','data','purchase','project'])[1 + g % 5], 'Request ' || g, $2, $2, $3,
            (ARRAY['crucial','secondary','secondary','nice_to_have'])[1 + g % 4],
            CASE WHEN g % 50 = 0 THEN 'decision' WHEN g % 97 = 0 THEN 'planning' WHEN g % 31 = 0 THEN 'delivery'
                 ELSE 'closed' END,
            s + interval '40 days', s, g % 97 = 0,
            'k' || lpad(g::text, 11, '0')
     FROM (SELECT g, timestamptz '2025-11-01 09:00+00' + (g * 311 % 525600) * interval '1 minute' AS s
           FROM generate_series(1, $4::int) AS g) AS seeded`,
    [workspace.id, marketing.id, it.id, REQUESTS],
  );
  const measurements = await seedScorecardData(database, {
    workspaceId: workspace.id,
    marketingId: marketing.id,
    itId: it.id,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    objectives: 25,
    kpis: KPIS,
    years: 1,
  });
  // The weekly sync and its meeting tomorrow; 300 action items, a tenth still open.
  const template = SERIES_TEMPLATES.cmo_cio_weekly_sync;
  const seriesId = randomUUID();
  await insertSeries(database.db, {
    id: seriesId,
    workspaceId: workspace.id,
    template: "cmo_cio_weekly_sync",
    title: template.title,
    cadence: template.cadence,
    startDate: "2025-11-25",
    startTime: "09:30",
    timeZone: "Europe/Berlin",
    durationMinutes: 45,
    sections: template.sections,
    icsUid: `${seriesId}@tandem`,
  });
  await replaceParticipants(database.db, workspace.id, seriesId, [marketing.id, it.id], now);
  const meetingId = randomUUID();
  await insertMeeting(database.db, {
    id: meetingId,
    workspaceId: workspace.id,
    seriesId,
    startsAt: new Date("2026-11-24T08:30:00Z"),
    endsAt: new Date("2026-11-24T09:15:00Z"),
    icsUid: `${meetingId}@tandem`,
  });
  await database.query(
    `INSERT INTO action_item (workspace_id, title, owner_id, side, due_date, status, completed_at)
     SELECT $1, 'Commitment ' || g, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END,
            CASE WHEN g % 2 = 0 THEN 'marketing' ELSE 'it' END, date '2025-12-01' + g,
            CASE WHEN g % 10 = 0 THEN 'open' ELSE 'done' END,
            CASE WHEN g % 10 = 0 THEN NULL ELSE timestamptz '2025-12-01 12:00+00' + g * interval '1 day' END
     FROM generate_series(1, 300) AS g`,
    [workspace.id, marketing.id, it.id],
  );
  const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;
  await database.exec("ANALYZE");

  const ctx = { ...systemCtx(database, workspace.id, now) };
  const prepare = () => prepareMeeting(ctx, meetingId, { audit: false });
  const facts = () => readWorkspaceFacts(ctx, "2026-11-24", new Date("2026-12-01T08:30:00Z"));
  const scan = () => database.query("SELECT count(*) FROM request");
  const first = await prepare();
  const sample = await facts();
  await scan();
  const prepareTimes: number[] = [];
  const factsTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    prepareTimes.push(await time(prepare));
    factsTimes.push(await time(facts));
    scanTimes.push(await time(scan));
  }
  // The pure builder alone, on the snapshot just read.
  const snapshot = {
    now,
    meeting: { id: meetingId, startsAt: new Date("2026-11-24T08:30:00Z"), durationMinutes: 45 },
    nextStartsAt: new Date("2026-12-01T08:30:00Z"),
    sections: template.sections,
    ...sample,
    actionItems: [],
    current: [],
    previous: null,
  };
  const builderTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    buildAgenda(snapshot);
    builderTimes.push(performance.now() - started);
  }
  const items = first.sections.flatMap((section) => section.items);
  if (process.env.BENCH_RITUALS_PROBE) {
    const { readKpiStatuses } = await import("../server/src/modules/scorecard/scorecard.commands");
    const { readRequestList } = await import("../server/src/modules/pipeline/pipeline.commands");
    const { listWorkspaceReviews } = await import("../server/src/modules/guardrails/guardrails.commands");
    const { readRenewalsBetween } = await import("../server/src/modules/stack/stack.commands");
    const { readExperimentList } = await import("../server/src/modules/experiments/experiments.commands");
    const { listClashes } = await import("../server/src/modules/glossary/glossary.commands");
    const probes: Record<string, () => Promise<unknown>> = {
      kpis: () => readKpiStatuses(ctx, "2026-11-24"),
      decision: () => readRequestList(ctx, { stage: "decision", limit: 100 }),
      breached: () => readRequestList(ctx, { stage: "open", breached: "true", limit: 100 }),
      reviews: () => listWorkspaceReviews(ctx, { status: "open" }),
      renewals: () => readRenewalsBetween(ctx, "2026-10-24", "2026-12-01"),
      experiments: () => readExperimentList(ctx, { status: "stopped", limit: 100 }),
      clashes: () => listClashes(ctx, { status: "open" }),
    };
    for (const [name, probe] of Object.entries(probes)) {
      await probe();
      const times: number[] = [];
      for (let i = 0; i < 7; i++) times.push(await time(probe));
      console.log(name, round(median(times)));
    }
  }
  const figures = {
    machine: describeMachine(),
    workspace: { tools: TOOLS, requests: REQUESTS, kpis: KPIS, measurements, seedSeconds },
    agenda: {
      items: items.length,
      kinds: [...new Set(items.map((item) => item.kind))].sort(),
      totalMinutes: first.totalMinutes,
      more: first.more,
    },
    prepareMs: { median: round(median(prepareTimes)), p90: round(p90(prepareTimes)), budget: BUDGET_MS },
    snapshotMs: { median: round(median(factsTimes)), p90: round(p90(factsTimes)) },
    builderMs: { median: round(median(builderTimes) * 1000) / 1000 },
    requestCountMs: { median: round(median(scanTimes)) },
    withinBudget: median(prepareTimes) < BUDGET_MS,
  };
  console.log(JSON.stringify(figures, null, 2));
  writeResult("rituals", figures);
  if (!figures.withinBudget) process.exitCode = 1;
} finally {
  await database.close();
  await scratch.drop();
}
