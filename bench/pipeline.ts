// Pipeline benchmark on PostgreSQL: the service-level report over 100,000 requests with 1,000,000 events
// (budget < 1 s), against a full count of the events table measured in the same run; and the recount of every
// request's three clocks from its events through engines/sla (what a calendar change on the whole history costs).
// Run: node --import tsx bench/pipeline.ts   (TANDEM_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
import { buildApp } from "../server/src/app";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { clockColumns } from "../server/src/modules/pipeline/pipeline.clocks";
import { listClockEvents } from "../server/src/modules/pipeline/pipeline.queries";
import { clocksOf, loadServiceLevels } from "../server/src/modules/pipeline/sla.service";
import { startSession } from "../server/src/modules/sessions/sessions.service";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";

const REQUESTS = Number(process.env.BENCH_PIPELINE_REQUESTS ?? 100_000);
const _EVENTS_PER_REQUEST = 10;
const RUNS = 10;
const BUDGET_MS = 1000;

const scratch = await scratchDatabase("pipeline");
const database = await openDatabase({ url: scratch.url }, { poolSize: 4 });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

try {
  await migrate(database);
  const now = new Date("2026-11-23T12:00:00Z");
  const { workspace, teams } = await createWorkspace(database.db, "Bench Co", now);
  const person = await insertUser(database.db, {
    workspaceId: workspace.id,
    teamId: teams[1].id,
    email: "admin@bench.test",
    name: "Admin",
    passwordHash: "not-a-hash",
    role: "admin",
  });
  const seeding = performance.now();
  // A year of requests: submitted through the year, answered within hours to days, decided and delivered later;
  // the last ~3% still open. Ten events each: six stage changes and two waits on the requester.
  await database.query(
    `INSERT INTO request (workspace_id, number, type, title, requester_id, priority, stage, stage_changed_at,
                          submitted_at, first_response_at, decided_at, delivered_at, rank)
     SELECT $1, g, (ARRAY['change','capability','data','purchase','project'])[1 + g % 5], 'Request ' || g, $2,
            (ARRAY['crucial','secondary','secondary','nice_to_have'])[1 + g % 4],
            CASE WHEN g % 33 = 0 THEN 'delivery' ELSE 'closed' END, s + interval '40 days',
            s, s + (g % 29 + 1) * interval '1 hour', s + (g % 17 + 2) * interval '1 day',
            CASE WHEN g % 33 = 0 THEN NULL ELSE s + (g % 53 + 20) * interval '1 day' END,
            'k' || lpad(g::text, 11, '0') -- a backlog key (fractional indexing) in the order of g
     FROM (SELECT g, timestamptz '2025-11-01 09:00+00' + (g * 311 % 525600) * interval '1 minute' AS s
           FROM generate_series(1, $3::int) AS g) AS seeded`,
    [workspace.id, person.id, REQUESTS],
  );
  await database.query(
    `INSERT INTO request_event (workspace_id, request_id, kind, to_stage, at)
     SELECT r.workspace_id, r.id, e.kind, e.stage, r.submitted_at + e.offset_hours * interval '1 hour'
     FROM request r
     CROSS JOIN (VALUES ('stage', 'submitted', 0), ('paused', NULL, 2), ('resumed', NULL, 20), ('stage', 'triage', 30),
                        ('stage', 'planning', 60), ('paused', NULL, 70), ('resumed', NULL, 90), ('stage', 'decision', 100),
                        ('stage', 'delivery', 120), ('stage', 'delivered', 900)) AS e(kind, stage, offset_hours)
     WHERE r.workspace_id = $1`,
    [workspace.id],
  );
  const seededMs = performance.now() - seeding;
  const [{ count: events }] = await database.query<{ count: string }>("SELECT count(*) FROM request_event");

  // The recount: every request's clocks from its events, through the engine, written back in batches.
  const recounting = performance.now();
  const levels = await loadServiceLevels(database.db, workspace.id);
  const all = await database.db.query.requests.findMany({ where: (r, { eq }) => eq(r.workspaceId, workspace.id) });
  const pauses = await listClockEvents(
    database.db,
    all.map((r) => r.id),
  );
  const byRequest = new Map<string, { kind: string; toStage: string | null; at: Date }[]>();
  for (const event of pauses) {
    const list = byRequest.get(event.requestId) ?? [];
    list.push(event);
    byRequest.set(event.requestId, list);
  }
  const computed = all.map((request) => ({
    id: request.id,
    ...clockColumns(clocksOf(levels, request, byRequest.get(request.id) ?? [], now)),
  }));
  const computeMs = performance.now() - recounting;
  for (let i = 0; i < computed.length; i += 5000) {
    const batch = computed.slice(i, i + 5000);
    await database.query(
      `UPDATE request SET first_response_minutes = c.frm, decision_minutes = c.dm, delivery_minutes = c.dlm,
              first_response_met = c.frmet, decision_met = c.dmet, delivery_met = c.dlmet, breached = c.breached
       FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::float8[], $5::bool[], $6::bool[], $7::bool[], $8::bool[])
            AS c(id, frm, dm, dlm, frmet, dmet, dlmet, breached)
       WHERE request.id = c.id`,
      [
        batch.map((c) => c.id),
        batch.map((c) => c.firstResponseMinutes),
        batch.map((c) => c.decisionMinutes),
        batch.map((c) => c.deliveryMinutes),
        batch.map((c) => c.firstResponseMet),
        batch.map((c) => c.decisionMet),
        batch.map((c) => c.deliveryMet),
        batch.map((c) => c.breached),
      ],
    );
  }
  const recountMs = performance.now() - recounting;
  await database.exec("ANALYZE");

  const app = await buildApp({ database, webDir: null, now: () => now });
  await app.ready();
  const { token } = await startSession(database.db, person, { ip: "127.0.0.1", userAgent: "bench", now });
  const cookie = `__Host-tandem_session=${token}`;
  const report = () =>
    app.inject({ url: "/api/v1/sla/report?from=2025-11-01&to=2026-11-23", headers: { cookie } }).then((response) => {
      if (response.statusCode !== 200) throw new Error(`report answered ${response.statusCode}: ${response.body}`);
      return response.json();
    });
  const sample = await report();
  const scan = () => database.query("SELECT count(*) FROM request_event");
  await scan();
  const reportTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    reportTimes.push(await time(report));
    scanTimes.push(await time(scan));
  }
  await app.close();

  const figures = {
    machine: describeMachine(),
    requests: all.length,
    events: Number(events),
    seedSeconds: Math.round(seededMs / 100) / 10,
    report: {
      medianMs: Math.round(median(reportTimes)),
      maxMs: Math.round(Math.max(...reportTimes)),
      budgetMs: BUDGET_MS,
      withinBudget: Math.max(...reportTimes) < BUDGET_MS,
      referenceEventCountMs: Math.round(median(scanTimes)),
      ratioToEventCount: Math.round((median(reportTimes) / median(scanTimes)) * 100) / 100,
      decided: sample.timeToDecision.count,
      overallDecisionShare: sample.overall.decision.share,
    },
    recount: {
      clocks: computed.length * 3,
      computeMs: Math.round(computeMs),
      totalWithWritesMs: Math.round(recountMs),
    },
  };
  console.log(
    `SLA report over ${figures.requests.toLocaleString("en")} requests and ${figures.events.toLocaleString("en")} events: ` +
      `median ${figures.report.medianMs} ms, max ${figures.report.maxMs} ms (budget < ${BUDGET_MS} ms: ` +
      `${figures.report.withinBudget ? "met" : "MISSED"}); ${figures.report.ratioToEventCount}× a count(*) of the events ` +
      `(${figures.report.referenceEventCountMs} ms) in the same run`,
  );
  console.log(
    `Recount of ${figures.recount.clocks.toLocaleString("en")} clocks from their events: ${figures.recount.computeMs} ms ` +
      `to load and compute, ${figures.recount.totalWithWritesMs} ms with the writes`,
  );
  writeResult("pipeline", figures);
  if (!figures.report.withinBudget) process.exitCode = 1;
} finally {
  await database.close();
  await scratch.drop();
}
