// Benchmark of the experiment-statistics engine: analyses per second for every method and metric, as a
// ratio to the rate of raw Student-t CDF calls measured in the same run, plus the budget
// (100 metrics × 5 variants with every method < 50 ms). Run: node --import tsx bench/experiments.ts
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { analyzeExperiment } from "#engines/experiments";

const analysesPerCase = Number(process.env.BENCH_EXPERIMENT_ANALYSES ?? 100_000);
const budgetRuns = 30;
const budgetMs = 50;
const metrics = ["mean", "proportion", "cuped", "ratio"] as const;
const methods = ["frequentist", "sequential", "bayesian"] as const;
type MetricName = (typeof metrics)[number];

// Deterministic pseudo-random aggregates (a linear congruential generator), so runs compare.
let seed = 42;
function draw(): number {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
}

function buildVariant(metric: MetricName, name: string): Record<string, unknown> {
  const n = 1000 + Math.floor(draw() * 9000);
  const mean = 5 + draw();
  const sd = 2 + draw();
  const moments = (m: number, s: number) => ({ sum: n * m, sumSquares: (n - 1) * s * s + n * m * m });
  if (metric === "mean") return { name, n, ...moments(mean, sd) };
  if (metric === "proportion") return { name, n, sum: Math.round(n * (0.1 + 0.02 * draw())) };
  if (metric === "cuped") {
    return {
      name,
      n,
      post: moments(mean, sd),
      pre: moments(5, 2),
      postPreSumOfProducts: (n - 1) * 0.6 * sd * 2 + n * mean * 5,
    };
  }
  return { name, n, m: moments(mean, sd), d: moments(2, 1), mdSumOfProducts: (n - 1) * 0.3 * sd + n * mean * 2 };
}

function buildInputs(metric: MetricName, method: string, variants: number, count: number): unknown[] {
  return Array.from({ length: count }, () => ({
    metric,
    method,
    variants: Array.from({ length: variants }, (_, index) =>
      buildVariant(metric, index === 0 ? "control" : `v${index}`),
    ),
  }));
}

function measureRate(run: (iteration: number) => void, iterations: number): { seconds: number; perSecond: number } {
  for (let i = 0; i < Math.min(iterations, 5000); i += 1) run(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) run(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, perSecond: iterations / seconds };
}

let sink = 0;
const reference = measureRate((i) => {
  sink += tCdf(-1 - (i % 1000) / 500, 10 + (i % 50));
}, 2_000_000);

const results = [];
for (const method of methods) {
  for (const metric of metrics) {
    const inputs = buildInputs(metric, method, 2, 100);
    const rate = measureRate((i) => {
      sink += analyzeExperiment(inputs[i % inputs.length]).variants[0].estimate;
    }, analysesPerCase);
    results.push({
      method,
      metric,
      analyses: analysesPerCase,
      seconds: round(rate.seconds, 3),
      analysesPerSecond: Math.round(rate.perSecond),
      ratioToTCdfCalls: round(rate.perSecond / reference.perSecond, 5),
    });
  }
}

// The budget: 100 metrics (25 of each kind) × 5 variants, analysed with all three methods.
const batch = methods.flatMap((method) => metrics.flatMap((metric) => buildInputs(metric, method, 5, 25)));
const batchTimes: number[] = [];
for (let run = 0; run < budgetRuns + 5; run += 1) {
  const start = process.hrtime.bigint();
  for (const input of batch) sink += analyzeExperiment(input).srmPValue;
  if (run >= 5) batchTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
batchTimes.sort((a, b) => a - b);
const medianMs = batchTimes[Math.floor(batchTimes.length / 2)];
const worstMs = batchTimes[batchTimes.length - 1];

const report = {
  benchmark: "experiments",
  date: new Date().toISOString(),
  machine: {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  },
  reference: {
    name: "Student-t CDF calls (@stdlib/stats-base-dists-t-cdf)",
    perSecond: Math.round(reference.perSecond),
  },
  results,
  budget: {
    description: "100 metrics × 5 variants (400 comparisons) with each of the 3 methods: 300 analyses",
    runs: budgetRuns,
    medianMs: round(medianMs, 2),
    worstMs: round(worstMs, 2),
    budgetMs,
    withinBudget: medianMs < budgetMs,
  },
};

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "experiments.json"), `${JSON.stringify(report, null, 2)}\n`);

console.log(`experiments engine — ${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${process.version}`);
console.log(`reference: ${report.reference.perSecond.toLocaleString("en")} t-CDF calls/s`);
console.log("method       metric       analyses/s   ratio to t-CDF calls");
for (const row of results) {
  console.log(
    `${row.method.padEnd(12)} ${row.metric.padEnd(12)} ${String(row.analysesPerSecond).padStart(10)}   ${row.ratioToTCdfCalls}`,
  );
}
console.log(
  `budget: 100 metrics × 5 variants × 3 methods in ${report.budget.medianMs} ms (median of ${budgetRuns}; worst ${report.budget.worstMs} ms) — ` +
    `${report.budget.withinBudget ? "within" : "OVER"} the ${budgetMs} ms budget`,
);
if (Number.isNaN(sink)) console.log("(sink)");
process.exitCode = report.budget.withinBudget ? 0 : 1;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
