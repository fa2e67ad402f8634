// Benchmark of the `tandem` process as a whole (issue 11 item 10): start-up of the compiled CLI, measured from
// outside like a user's shell sees it. Targets: `tandem --help` < 150 ms; `tandem attribution --model markov` on
// 11,122 aggregated paths < 500 ms; `tandem policy evaluate` on 100,000 inputs < 5 s; `tandem start` to /readyz
// on an existing embedded database < 2 s. Same-run reference: `node -e 0`, the floor of any Node process here.
// Wall time and the child's CPU time (user + system, from bash's `time`) are the median of a few runs: on a
// shared, loaded machine wall time includes waiting for a core; CPU time does not.
// Run: node --import tsx bench/cli-start.ts
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { buildServer, ensureServerBuild, sourceSignature } from "../scripts/server-build.mjs";
import { describeMachine, writeResult } from "./machine";

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
const PATHS = 11_122;
const POLICY_INPUTS = 100_000;
const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/tandem.mjs");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cli-start-"));
const round = (value: number) => Math.round(value);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A small seeded PRNG (mulberry32): the same files on every run and machine. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = createRandom(20261202);

/** 11,122 distinct paths over twelve channels, one to eight touches, with conversions, value and nulls. */
function writePaths(file: string) {
  const channels = ["Search", "Social", "Email", "Display", "Video", "Affiliate", "Direct", "Referral"];
  channels.push("Podcast", "Events", "SMS", "Partners");
  const seen = new Set<string>();
  const lines = ["path,total_conversions,total_conversion_value,total_null"];
  while (seen.size < PATHS) {
    const length = 1 + Math.floor(random() * 8);
    const path = Array.from({ length }, () => channels[Math.floor(random() ** 1.5 * channels.length)]).join(" > ");
    if (seen.has(path)) continue;
    seen.add(path);
    const conversions = Math.floor(random() * 20);
    lines.push(
      `${path},${conversions},${(conversions * (50 + random() * 100)).toFixed(2)},${Math.floor(random() * 400)}`,
    );
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

/** 100,000 purchase requests for the example policy (four rules). */
function writePolicyInputs(file: string) {
  const classes = ["none", "contact", "personal", "sensitive_personal", "financial"];
  const inputs = Array.from({ length: POLICY_INPUTS }, (_, i) => ({
    request: {
      vendor: i % 997 === 0 ? "Acme Spyware" : `Vendor ${i % 400}`,
      annualCost: Math.round(random() * 120_000),
      seats: Math.floor(random() * 300),
      dataClasses: [classes[Math.floor(random() * classes.length)]],
      sso: random() < 0.7,
    },
    stack: { overlapping: random() < 0.3 ? [{ name: "Tool", seatsBought: 50, seatsUsed: 20 }] : [] },
  }));
  fs.writeFileSync(file, JSON.stringify(inputs));
}

const outputFile = path.join(folder, "out.txt");
const errorFile = path.join(folder, "err.txt");

/** One whole process, timed by bash: its wall and CPU milliseconds. */
function runOnce(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const script = `TIMEFORMAT='%3R %3U %3S'; { time "$@" > "${outputFile}" 2> "${errorFile}"; } 2>&1`;
  const result = spawnSync("bash", ["-c", script, "bash", ...argv], { encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed: ${fs.readFileSync(errorFile, "utf8")}`);
  const [real, user, system] = result.stdout.trim().split(/\s+/).slice(-3).map(Number);
  return { wallMs: real * 1000, cpuMs: (user + system) * 1000 };
}

/** The median wall and CPU time of RUNS runs (after one unmeasured warm-up run). */
function measure(argv: string[], env?: NodeJS.ProcessEnv) {
  runOnce(argv, env);
  const runs = Array.from({ length: RUNS }, () => runOnce(argv, env));
  return { wallMs: round(median(runs.map((r) => r.wallMs))), cpuMs: round(median(runs.map((r) => r.cpuMs))) };
}

function exitOf(child: ChildProcess) {
  return new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve())));
}

/** Milliseconds from spawning `tandem start` to its first 200 on /readyz, then a clean SIGTERM stop. */
async function startToReady(dataDir: string, port: number) {
  const { DATABASE_URL: _outside, ...embedded } = process.env;
  const env = { ...embedded, TANDEM_DATA_DIR: dataDir, TANDEM_SKIP_WEB_BUILD: "1", LOG_LEVEL: "warn" };
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "start"], { env: { ...env, PORT: String(port) }, stdio: "ignore" });
  const exited = exitOf(child);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tandem start exited ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    if (performance.now() - started > 120_000) throw new Error("tandem start: not ready after 120 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyMs = performance.now() - started;
  child.kill("SIGTERM");
  await exited;
  return readyMs;
}

try {
  // The build itself (what the first start after an install or update pays), then made current for the runs.
  const buildStarted = performance.now();
  await buildServer(sourceSignature());
  const buildMs = round(performance.now() - buildStarted);
  await ensureServerBuild();

  const pathsFile = path.join(folder, "paths.csv");
  writePaths(pathsFile);
  const policyFile = path.join(folder, "policy.json");
  fs.writeFileSync(policyFile, JSON.stringify(EXAMPLE_POLICY));
  const inputFile = path.join(folder, "inputs.json");
  writePolicyInputs(inputFile);

  const node = process.execPath;
  const floor = measure([node, "-e", "0"]);
  const help = measure([node, bin, "--help"]);
  const attribution = measure([node, bin, "attribution", "--paths", pathsFile, "--model", "markov"]);
  const policy = measure([node, bin, "policy", "evaluate", "--policy", policyFile, "--input", inputFile]);
  const fromSource = measure([node, bin, "--help"], { ...process.env, TANDEM_FROM_SOURCE: "1" });

  // An existing embedded database: created and migrated once by `tandem migrate`, then started RUNS times.
  const dataDir = path.join(folder, "data");
  const { DATABASE_URL: _outside, ...embedded } = process.env;
  runOnce([node, bin, "migrate"], { ...embedded, TANDEM_DATA_DIR: dataDir });
  const port = 20_000 + Math.floor(random() * 20_000);
  await startToReady(dataDir, port);
  const readies: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) readies.push(await startToReady(dataDir, port));
  const readyMs = round(median(readies));

  const rows = [
    { name: "node -e 0 (the floor)", ...floor, targetMs: null },
    { name: "tandem --help", ...help, targetMs: 150 },
    { name: "tandem --help from the sources through tsx (TANDEM_FROM_SOURCE=1)", ...fromSource, targetMs: null },
    { name: `tandem attribution --paths (${PATHS} paths) --model markov`, ...attribution, targetMs: 500 },
    { name: `tandem policy evaluate (${POLICY_INPUTS} inputs, example policy)`, ...policy, targetMs: 5000 },
    { name: "tandem start to /readyz (existing embedded database)", wallMs: readyMs, cpuMs: null, targetMs: 2000 },
  ];
  writeResult("cli-start", { machine: describeMachine(), loadAverage: os.loadavg(), buildMs, rows });
  console.log(`build of the server and CLI: ${buildMs} ms (once after install or update)`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
  for (const row of rows) {
    const cpu = row.cpuMs === null ? "" : `, CPU ${row.cpuMs} ms`;
    const target =
      row.targetMs === null ? "" : ` (target < ${row.targetMs} ms: ${row.wallMs < row.targetMs ? "met" : "missed"})`;
    console.log(`${row.name}: ${row.wallMs} ms${cpu}, ${(row.wallMs / floor.wallMs).toFixed(1)}× the floor${target}`);
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
