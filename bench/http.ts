// HTTP benchmark: Tandem's API against a bare Fastify hello-world measured in the same run, on PGlite and
// PostgreSQL; plus cold start to /readyz and idle memory. Writes bench/results/http.json.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { describeMachine, writeResult } from "./machine";

const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 50;
let nextPort = 3900;

function startServer(args: string[]): Promise<{ child: ChildProcess; info: Record<string, string> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/serve.ts"), ...args], {
    cwd: root,
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

async function load(url: string, headers: Record<string, string> = {}, connections = CONNECTIONS) {
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  const errors = result.non2xx + result.errors + result.timeouts;
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors };
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function measureStartup(dataDir: string) {
  const port = nextPort++;
  const started = performance.now();
  // The embedded database: what `npm start` uses on a fresh machine.
  const { DATABASE_URL: _external, ...env } = process.env;
  const child = spawn(process.execPath, [path.join(root, "bin/tandem.mjs"), "start"], {
    env: { ...env, TANDEM_DATA_DIR: dataDir, PORT: String(port), TANDEM_SKIP_WEB_BUILD: "1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tandem start exited with ${child.exitCode}`);
    if (performance.now() - started > 120_000) throw new Error("tandem start was not ready after 120 s");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const coldStartMs = Math.round(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idleRssBytes = rssOf(child.pid as number);
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return { coldStartMs, idleRssMb: Math.round(idleRssBytes / 1024 / 1024) };
}

const results: Record<string, unknown> = {
  machine: describeMachine(),
  durationSeconds: DURATION,
  connections: CONNECTIONS,
};

const hello = await startServer(["hello", String(nextPort)]);
const helloPort = nextPort++;
const reference = await load(`http://127.0.0.1:${helloPort}/`);
await stop(hello.child);
results.reference = { name: "bare Fastify hello-world", ...reference };

const helloPg = await startServer(["hello-pg", String(nextPort)]);
const helloPgPort = nextPort++;
const databaseReference = await load(`http://127.0.0.1:${helloPgPort}/`);
await stop(helloPg.child);
results.databaseReference = { name: "bare Fastify + one prepared PostgreSQL query of 50 rows", ...databaseReference };
console.log(
  `database reference (bare Fastify + 1 query of 50 rows): ${databaseReference.requestsPerSecond} req/s, p99 ${databaseReference.p99Ms} ms`,
);
console.log(`reference (bare Fastify): ${reference.requestsPerSecond} req/s, p99 ${reference.p99Ms} ms`);

// Tandem as it runs (the read cache on: repeated reads are answered from memory until the data changes),
// and on PostgreSQL with the cache off too (TANDEM_CACHE_MB=0: every request reads the database).
const runs = [
  { name: "pglite", kind: "pglite", cacheMb: "64" },
  { name: "postgres", kind: "postgres", cacheMb: "64" },
  { name: "postgresCacheOff", kind: "postgres", cacheMb: "0" },
] as const;
for (const { name: kind, kind: database, cacheMb } of runs) {
  const port = nextPort++;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(["tandem", String(port), database, process.env.BENCH_ROWS ?? "100000", cacheMb]);
  } catch (error) {
    results[kind] = { skipped: (error as Error).message };
    console.log(`${kind}: skipped (${(error as Error).message})`);
    continue;
  }
  const headers = { cookie: server.info.cookie };
  const endpoints = {
    me: `/api/v1/me`,
    usersFirstPage: `/api/v1/users?limit=50&sort=name`,
    usersDeepPage: `/api/v1/users?limit=50&sort=name&cursor=${server.info.deepCursor}`,
    toolsFirstPage: `/api/v1/tools?limit=50`,
  };
  const figures: Record<string, unknown> = {};
  for (const [name, url] of Object.entries(endpoints)) {
    // The Stack's issue sets its catalog target at 20 connections; the foundation's at 50.
    const connections = name.startsWith("tools") ? 20 : CONNECTIONS;
    const figure = await load(`http://127.0.0.1:${port}${url}`, headers, connections);
    const ratio = Math.round((figure.requestsPerSecond / reference.requestsPerSecond) * 1000) / 1000;
    const ratioToDatabaseReference =
      Math.round((figure.requestsPerSecond / databaseReference.requestsPerSecond) * 1000) / 1000;
    figures[name] = { ...figure, connections, ratioToReference: ratio, ratioToDatabaseReference };
    console.log(
      `${kind} ${name} (${connections} connections): ${figure.requestsPerSecond} req/s (${(ratio * 100).toFixed(1)}% of bare Fastify, ${(ratioToDatabaseReference * 100).toFixed(1)}% of Fastify + 1 query), p99 ${figure.p99Ms} ms, errors ${figure.errors}`,
    );
  }
  // The Stack's graph payload: every live tool and integration (5,000 and 20,000) in one answer.
  const timings: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/stack/graph`, { headers });
    const body = await response.arrayBuffer();
    timings.push(performance.now() - started);
    if (i === 0) figures.graphPayloadBytes = body.byteLength;
  }
  figures.graphPayloadMs = Math.round(timings.sort((a, b) => a - b)[2]);
  console.log(
    `${kind} stack graph payload (5,000 tools, 20,000 integrations): median ${figures.graphPayloadMs} ms of 5, ${Math.round(Number(figures.graphPayloadBytes) / 1024)} KB`,
  );
  await stop(server.child);
  results[kind] = figures;
}

// The first start creates the embedded database and migrates it; a restart opens what is there.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cold-"));
results.firstStart = await measureStartup(dataDir);
results.startup = await measureStartup(dataDir);
console.log(
  `first start on a new data folder to /readyz: ${(results.firstStart as { coldStartMs: number }).coldStartMs} ms`,
);
console.log(
  `cold start to /readyz: ${(results.startup as { coldStartMs: number }).coldStartMs} ms; idle RSS ${(results.startup as { idleRssMb: number }).idleRssMb} MB`,
);
writeResult("http", results);
