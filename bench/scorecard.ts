// Scorecard benchmark on PostgreSQL: 200 KPIs × 5 years of weekly measurements (52,000 values). Measures the KPI
// series API (the chart's answer) at 20 connections against bare Fastify + one prepared query of 50 rows measured in
// the same run, plus one KPI read as of a date and the business review of all 200 KPIs (trend and status each).
// The server runs in its own process (`scorecard.ts serve PORT`) so the load generator does not share its CPU time.
// Writes bench/results/scorecard.json.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../server/src/app";
import { openDatabase } from "../server/src/db/client";
import { migrate } from "../server/src/db/migrate";
import { startSession } from "../server/src/modules/sessions/sessions.service";
import { insertUser } from "../server/src/modules/users/users.queries";
import { createWorkspace } from "../server/src/modules/workspaces/workspaces.commands";
import { scratchDatabase } from "./database";
import { describeMachine, writeResult } from "./machine";
import { seedScorecardData } from "./scorecard-data";

const KPIS = 200;
const OBJECTIVES = 10;
const YEARS = 5;
const CONNECTIONS = 20;
const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const PERIOD_END = "2026-11-30";
const PERIOD_START = "2021-12-06";

// Statements the server process sends to PostgreSQL, read by the floor server's /queries (the profile's count).
let statements = 0;

async function serve(port: number) {
  const send = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
  const scratch = await scratchDatabase("scorecard");
  const database = await openDatabase({ url: scratch.url }, { poolSize: 10 });
  process.on("SIGTERM", () => {
    void database
      .close()
      .then(() => scratch.drop())
      .then(() => process.exit(0));
  });
  await migrate(database);
  const now = new Date(`${PERIOD_END}T12:00:00Z`);
  const { workspace, teams } = await createWorkspace(database.db, "Bench Co", now);
  const teamOf = (kind: string) => teams.find((team) => team.kind === kind) ?? teams[0];
  const owner = async (kind: string, email: string) =>
    insertUser(database.db, {
      workspaceId: workspace.id,
      teamId: teamOf(kind).id,
      email,
      name: email,
      passwordHash: "not-a-hash",
      role: "admin",
    });
  const marketing = await owner("marketing", "cmo@bench.test");
  const it = await owner("it", "cio@bench.test");
  const measurements = await seedScorecardData(database, {
    workspaceId: workspace.id,
    marketingId: marketing.id,
    itId: it.id,
    periodStart: PERIOD_START,
    periodEnd: PERIOD_END,
    objectives: OBJECTIVES,
    kpis: KPIS,
    years: YEARS,
  });
  await database.exec("ANALYZE");
  const kpiIds = (await database.query<{ id: string }>("SELECT id FROM kpi ORDER BY name")).map((row) => row.id);
  const { token } = await startSession(database.db, marketing, { ip: "127.0.0.1", userAgent: "bench", now });
  // The read cache keeps each person's series answers (BENCH_SCORECARD_CACHE_MB=0: every answer read from the database).
  const cacheMegabytes = Number(process.env.BENCH_SCORECARD_CACHE_MB ?? 64);
  const app = await buildApp({ database, webDir: null, now: () => now, cacheMegabytes });
  await app.listen({ port, host: "127.0.0.1" });
  await serveFloor(scratch.url, workspace.id, port + 1);
  console.log(JSON.stringify({ ready: true, cookie: `__Host-tandem_session=${token}`, kpiIds, measurements }));
}

/**
 * The floor of the series answer: bare Fastify on the same database with the same single prepared query and the
 * same JSON, but none of Tandem's plumbing (no session, no hooks, no schema check of the answer). Loaded only
 * while the Tandem server is idle.
 */
async function serveFloor(url: string, workspaceId: string, port: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Dropping the scratch database at the end ends its idle connections: not an error of the benchmark.
  pool.on("error", () => undefined);
  const floor = Fastify();
  floor.get<{ Params: { id: string } }>("/series/:id", async (request, reply) => {
    const { rows } = await pool.query({
      name: "floor_series",
      text: `SELECT k.id, k.unit, k.currency, k.direction, k.baseline, k.target, k.thresholds,
                    o.period_start::text AS "periodStart", o.period_end::text AS "periodEnd",
                    (SELECT json_agg(json_build_array(m.date, m.value) ORDER BY m.date) FROM kpi_measurement m
                     WHERE m.kpi_id = k.id AND m.date >= o.period_start AND m.date <= o.period_end) AS points
             FROM kpi k JOIN objective o ON o.id = k.objective_id WHERE k.workspace_id = $1 AND k.id = $2`,
      values: [workspaceId, request.params.id],
    });
    const row = rows[0];
    if (!row) return reply.status(404).send({ status: 404 });
    return {
      kpiId: row.id,
      unit: row.unit,
      currency: row.currency,
      direction: row.direction,
      baseline: row.baseline,
      target: row.target,
      thresholds: row.thresholds ?? null,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      points: (row.points ?? []).map(([date, value]: [string, number]) => ({ date, value })),
      plan: [
        { date: row.periodStart, value: row.baseline },
        { date: row.periodEnd, value: row.target },
      ],
    };
  });
  floor.get("/queries", async () => ({ statements }));
  floor.get<{ Params: { id: string } }>("/explain/:id", async (request) => {
    const { rows } = await pool.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT json_agg(json_build_array(m.date, m.value) ORDER BY m.date)
       FROM kpi_measurement m JOIN kpi k ON k.id = m.kpi_id JOIN objective o ON o.id = k.objective_id
       WHERE m.kpi_id = $1 AND m.date >= o.period_start AND m.date <= o.period_end`,
      [request.params.id],
    );
    return rows[0]["QUERY PLAN"][0];
  });
  await floor.listen({ port, host: "127.0.0.1" });
}

function start(script: string, args: string[]): Promise<{ child: ChildProcess; info: Record<string, unknown> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk) => {
      buffer += chunk;
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, info: JSON.parse(line) });
    });
    child.on("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

async function load(url: string, options: { headers?: Record<string, string>; paths?: string[] } = {}) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: options.headers ?? {},
    requests: options.paths?.map((requestPath) => ({ method: "GET" as const, path: requestPath })),
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors };
}

async function median(url: string, headers: Record<string, string>, times = 7) {
  const timings: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    bytes = (await response.arrayBuffer()).byteLength;
    timings.push(performance.now() - started);
  }
  return { medianMs: Math.round(timings.sort((a, b) => a - b)[Math.floor(times / 2)]), bytes };
}

/** Statements per series request (sequential requests, counted in the server) and the query's plan and time. */
async function profileSeries(base: string, floorBase: string, headers: Record<string, string>, kpiIds: string[]) {
  const count = async () => ((await (await fetch(`${floorBase}/queries`)).json()) as { statements: number }).statements;
  await fetch(`${base}/api/v1/kpis/${kpiIds[0]}/series`, { headers }); // the session is resolved once, then kept
  const before = await count();
  const requests = 50;
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const response = await fetch(`${base}/api/v1/kpis/${kpiIds[i % kpiIds.length]}/series`, { headers });
    bytes = (await response.arrayBuffer()).byteLength;
  }
  const statementsPerRequest = ((await count()) - before) / requests;
  const plan = (await (await fetch(`${floorBase}/explain/${kpiIds[0]}`)).json()) as {
    "Execution Time": number;
    Plan: Record<string, unknown>;
  };
  const scans: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (typeof node["Index Name"] === "string") scans.push(`${node["Node Type"]} on ${node["Index Name"]}`);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan.Plan);
  return { statementsPerRequest, executionMs: plan["Execution Time"], plan: scans.join(", "), bytes };
}

async function main() {
  const referencePort = 3990;
  const reference = await start("serve.ts", ["hello-pg", String(referencePort)]);
  const referenceFigures = await load(`http://127.0.0.1:${referencePort}/`);
  await stop(reference.child);
  console.log(
    `reference (bare Fastify + 1 prepared query of 50 rows, ${CONNECTIONS} connections): ${referenceFigures.requestsPerSecond} req/s, p99 ${referenceFigures.p99Ms} ms`,
  );
  const port = 3991;
  const server = await start("scorecard.ts", ["serve", String(port)]);
  const headers = { cookie: String(server.info.cookie) };
  const kpiIds = server.info.kpiIds as string[];
  const base = `http://127.0.0.1:${port}`;
  const profile = await profileSeries(base, `http://127.0.0.1:${port + 1}`, headers, kpiIds);
  console.log(
    `profile of one series answer: ${profile.statementsPerRequest} statement(s) to PostgreSQL per request, ${profile.executionMs} ms executing it (${profile.plan}), ${Math.round(profile.bytes / 1024)} KB of JSON`,
  );
  // Every request asks for another KPI's whole five-year series (261 points), round-robin over the 200.
  const series = await load(base, { headers, paths: kpiIds.map((id) => `/api/v1/kpis/${id}/series`) });
  const ratio = Math.round((series.requestsPerSecond / referenceFigures.requestsPerSecond) * 1000) / 1000;
  console.log(
    `KPI series (${KPIS} KPIs × ${YEARS} years weekly, ${CONNECTIONS} connections): ${series.requestsPerSecond} req/s (${(ratio * 100).toFixed(1)}% of the reference), p99 ${series.p99Ms} ms, errors ${series.errors}`,
  );
  const floor = await load(`http://127.0.0.1:${port + 1}`, { paths: kpiIds.map((id) => `/series/${id}`) });
  const floorRatio = Math.round((series.p99Ms / floor.p99Ms) * 100) / 100;
  console.log(
    `floor of the series answer (bare Fastify, same query and JSON, no session or answer check): ${floor.requestsPerSecond} req/s, p99 ${floor.p99Ms} ms; Tandem's p99 is ${floorRatio}× the floor's`,
  );
  const reading = await load(base, { headers, paths: kpiIds.map((id) => `/api/v1/kpis/${id}?asOf=2024-06-30`) });
  console.log(
    `one KPI as of a date: ${reading.requestsPerSecond} req/s, p99 ${reading.p99Ms} ms, errors ${reading.errors}`,
  );
  const review = await median(`${base}/api/v1/scorecard/review`, headers);
  console.log(
    `business review of ${KPIS} KPIs (status, reason, 12-point trend each): median ${review.medianMs} ms, ${Math.round(review.bytes / 1024)} KB`,
  );
  await stop(server.child);
  writeResult("scorecard", {
    benchmark: "scorecard",
    machine: describeMachine(),
    data: {
      kpis: KPIS,
      objectives: OBJECTIVES,
      years: YEARS,
      measurements: server.info.measurements,
      database: "postgres",
    },
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    reference: { name: "bare Fastify + one prepared PostgreSQL query of 50 rows", ...referenceFigures },
    seriesProfile: profile,
    kpiSeries: { ...series, ratioToReference: ratio, budgetP99Ms: 50, p99RatioToFloor: floorRatio },
    seriesFloor: {
      name: "bare Fastify + the same prepared query and JSON answer (no session, hooks or answer check)",
      ...floor,
    },
    kpiAsOf: reading,
    businessReview: review,
  });
}

const [mode, portText] = process.argv.slice(2);
if (mode === "serve") await serve(Number(portText));
else await main();
