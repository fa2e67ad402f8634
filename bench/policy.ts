// Benchmark of the purchase-policy engine (issue 15). Budgets: a 200-rule policy decides one request in < 1 ms
// after compilation; 100,000 inputs through `tandem policy evaluate` in array mode in < 5 s (the whole process).
// Same-run reference: the same 200 conditions written as plain JavaScript functions, with the same decision
// rules; its answers must equal the engine's on every measured request. For the CLI, the floor (`tandem --help`,
// the same process start without the policy work) and the command's own time in this process are measured too.
// Run: node --import tsx bench/policy.ts
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { compilePolicy, evaluatePolicy, type PolicyResult, type PolicyRule, type ReviewerKind } from "#engines/policy";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { runPolicyCommand } from "../server/src/cli/policy";
import { describeMachine, writeResult } from "./machine";

const RULES = 200;
const SINGLE_REQUESTS = Number(process.env.BENCH_POLICY_REQUESTS ?? 20_000);
const CLI_INPUTS = Number(process.env.BENCH_POLICY_CLI_INPUTS ?? 100_000);
const bin = path.join(import.meta.dirname, "..", "bin", "tandem.mjs");

/** A small seeded PRNG (mulberry32): the same inputs on every run and machine. */
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
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const DATA_CLASSES = ["none", "contact", "personal", "sensitive_personal", "financial"] as const;
const REGIONS = ["eu", "us", "uk", "apac"] as const;
const CAPABILITIES = Array.from({ length: 40 }, (_, i) => `cap${i}`);

type Request = {
  vendor: string;
  annualCost: number;
  seats: number;
  dataClasses: string[];
  sso: boolean;
  dpa: boolean;
  hostingRegion: string;
  capabilities: string[];
  agencyManaged: boolean;
};
type Stack = {
  overlapping: { name: string; seatsBought: number; seatsUsed: number }[];
  integrations: { name: string; dataClasses: string[]; compliant: boolean }[];
};

function buildInput(): { request: Request; stack: Stack } {
  return {
    request: {
      vendor: `Vendor ${Math.floor(random() * 400)}`,
      annualCost: Math.round(random() * 120_000),
      seats: Math.floor(random() * 300),
      dataClasses: Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(DATA_CLASSES)),
      sso: random() < 0.7,
      dpa: random() < 0.6,
      hostingRegion: pick(REGIONS),
      capabilities: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(CAPABILITIES)),
      agencyManaged: random() < 0.2,
    },
    stack: {
      overlapping: Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({
        name: `Tool ${i}`,
        seatsBought: 50,
        seatsUsed: Math.floor(random() * 50),
      })),
      integrations: Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({
        name: `System ${i}`,
        dataClasses: [pick(DATA_CLASSES)],
        compliant: random() < 0.8,
      })),
    },
  };
}

// 200 rules from eight kinds of condition a purchase policy has, each with its plain-JavaScript twin.
type Twin = (request: Request, stack: Stack) => boolean;
const rules: PolicyRule[] = [];
const twins: Twin[] = [];
const review = (...require: ReviewerKind[]) => ({ outcome: "review" as const, require });
for (let i = 0; i < RULES; i++) {
  const k = 1000 * (5 + (i % 50));
  const n = 5 + (i % 40);
  const cls = DATA_CLASSES[1 + (i % 4)];
  const region = REGIONS[i % REGIONS.length];
  const id = `rule-${i}`;
  const kinds: [string, Omit<PolicyRule, "id" | "when">, Twin][] = [
    [
      `request.annualCost > ${k}.0 && request.seats >= ${n}.0`,
      review("finance"),
      (r) => r.annualCost > k && r.seats >= n,
    ],
    [
      `request.dataClasses.exists(d, d == '${cls}') && !request.dpa`,
      review("legal", "security"),
      (r) => r.dataClasses.some((d) => d === cls) && !r.dpa,
    ],
    [
      `request.vendor in ['Vendor ${i}', 'Vendor ${i + 200}']`,
      { outcome: "block" },
      (r) => r.vendor === `Vendor ${i}` || r.vendor === `Vendor ${i + 200}`,
    ],
    [
      `request.hostingRegion == '${region}' && request.annualCost > ${k}.0`,
      review("security"),
      (r) => r.hostingRegion === region && r.annualCost > k,
    ],
    [`size(stack.overlapping) > ${i % 3}`, review("it"), (_r, s) => s.overlapping.length > i % 3],
    [
      `stack.integrations.exists(t, !t.compliant && t.dataClasses.exists(d, d == '${cls}'))`,
      review("security"),
      (_r, s) => s.integrations.some((t) => !t.compliant && t.dataClasses.some((d) => d === cls)),
    ],
    [
      `request.capabilities.exists(c, c == 'cap${i % 40}') && request.agencyManaged`,
      review("marketing"),
      (r) => r.capabilities.some((c) => c === `cap${i % 40}`) && r.agencyManaged,
    ],
    [
      `request.sso && request.annualCost < ${k}.0 && request.dataClasses.all(d, d == 'none')`,
      { outcome: "approve", explain: "Low cost, no personal data, SSO" },
      (r) => r.sso && r.annualCost < k && r.dataClasses.every((d) => d === "none"),
    ],
  ];
  const [when, decision, twin] = kinds[i % kinds.length];
  rules.push({ id, when, ...decision });
  twins.push(twin);
}
const policyDocument = { rules };

/** The reference: the same decision rules over the twins' verdicts. */
function referenceDecide(input: { request: Request; stack: Stack }) {
  const matched: string[] = [];
  const kinds = new Set<string>();
  let blocked = false;
  let reviewed = false;
  for (let i = 0; i < rules.length; i++) {
    if (!twins[i](input.request, input.stack)) continue;
    matched.push(rules[i].id);
    if (rules[i].outcome === "block") blocked = true;
    else if (rules[i].outcome === "review") {
      reviewed = true;
      for (const kind of rules[i].require ?? []) kinds.add(kind);
    }
  }
  if (matched.length === 0) {
    reviewed = true;
    kinds.add("it");
  }
  const outcome = blocked ? "block" : reviewed ? "review" : "approve";
  return { outcome, reviews: outcome === "review" ? [...kinds].sort() : [], matched };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
// CPU time of this process: on a shared, loaded machine wall time counts the waits for a core; CPU time does not.
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};
function measure<T>(work: () => T): { value: T; wallMs: number; cpuMs: number } {
  const wall = now();
  const cpu = cpuNow();
  const value = work();
  return { value, wallMs: now() - wall, cpuMs: cpuNow() - cpu };
}

// 1. Compilation, then one request at a time (each timed alone), then the same requests in a loop.
const compiled = measure(() => compilePolicy(policyDocument));
const policy = compiled.value;
const inputs = Array.from({ length: SINGLE_REQUESTS }, buildInput);
let sink = 0;
for (const input of inputs.slice(0, 500)) sink += evaluatePolicy(policy, input).matched.length; // warm-up
for (const input of inputs.slice(0, 500)) sink += referenceDecide(input).matched.length;
const engineMs: number[] = [];
let mismatches = 0;
const outcomes: Record<string, number> = { approve: 0, review: 0, block: 0 };
for (const input of inputs) {
  const started = now();
  const result: PolicyResult = evaluatePolicy(policy, input);
  engineMs.push(now() - started);
  const expected = referenceDecide(input);
  outcomes[result.outcome]++;
  if (
    result.errors.length > 0 ||
    result.outcome !== expected.outcome ||
    result.reviews.join() !== expected.reviews.join() ||
    result.matched.join() !== expected.matched.join()
  )
    mismatches++;
}
const engineLoop = measure(() => {
  for (const input of inputs) sink += evaluatePolicy(policy, input).matched.length;
});
const referenceLoop = measure(() => {
  for (const input of inputs) sink += referenceDecide(input).matched.length;
});
const matchedPerRequest = inputs.reduce((sum, input) => sum + referenceDecide(input).matched.length, 0) / inputs.length;

// 2. The CLI on 100,000 inputs: the whole process, its floor, and the command's own work in this process.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-policy-"));
const cliInputs = Array.from({ length: CLI_INPUTS }, buildInput);
const inputFile = path.join(folder, "inputs.json");
fs.writeFileSync(inputFile, JSON.stringify(cliInputs));
const cliInputBytes = fs.statSync(inputFile).size;
const examplePolicyFile = path.join(folder, "example-policy.json");
fs.writeFileSync(examplePolicyFile, JSON.stringify(EXAMPLE_POLICY));
const bigPolicyFile = path.join(folder, "policy-200.json");
fs.writeFileSync(bigPolicyFile, JSON.stringify(policyDocument));
const outputFile = path.join(folder, "out.json");
const errorFile = path.join(folder, "err.txt");

// bash's `time` gives the child's user and system CPU beside its wall time.
function runProcess(args: string[]): { wallMs: number; cpuMs: number } {
  const script = `TIMEFORMAT='%3R %3U %3S'; { time "$@" > "${outputFile}" 2> "${errorFile}"; } 2>&1`;
  const result = spawnSync("bash", ["-c", script, "bash", process.execPath, bin, ...args], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`tandem ${args.join(" ")} exited ${result.status}: ${fs.readFileSync(errorFile, "utf8")}`);
  }
  const [real, user, system] = result.stdout.trim().split(/\s+/).slice(-3).map(Number);
  return { wallMs: Math.round(real * 1000), cpuMs: Math.round((user + system) * 1000) };
}
function bestOf(times: number, run: () => { wallMs: number; cpuMs: number }) {
  const runs = Array.from({ length: times }, run);
  return { wallMs: Math.min(...runs.map((r) => r.wallMs)), cpuMs: Math.min(...runs.map((r) => r.cpuMs)) };
}

const floor = bestOf(3, () => runProcess(["--help"]));
const commandFloor = bestOf(3, () => runProcess(["policy", "--help"]));
const processRuns: {
  policy: string;
  rules: number;
  wallMs: number;
  cpuMs: number;
  outputBytes: number;
  checked: boolean;
}[] = [];
for (const [name, file, document] of [
  ["the issue's example", examplePolicyFile, EXAMPLE_POLICY],
  ["200 rules", bigPolicyFile, policyDocument],
] as const) {
  const timing = bestOf(2, () => runProcess(["policy", "evaluate", "--policy", file, "--input", inputFile]));
  const printed = JSON.parse(fs.readFileSync(outputFile, "utf8")) as PolicyResult[];
  const again = compilePolicy(document);
  const sample = [0, 1, 2, Math.floor(CLI_INPUTS / 2), CLI_INPUTS - 1];
  const checked =
    printed.length === CLI_INPUTS &&
    sample.every((i) => JSON.stringify(printed[i]) === JSON.stringify(evaluatePolicy(again, cliInputs[i])));
  processRuns.push({
    policy: name,
    rules: document.rules.length,
    ...timing,
    outputBytes: fs.statSync(outputFile).size,
    checked,
  });
}

// The command in this process (no start-up): read, parse, check, evaluate and print to a file.
async function runInProcess(policyFile: string) {
  const file = fs.createWriteStream(outputFile);
  const wall = now();
  const cpu = cpuNow();
  const code = await runPolicyCommand(["evaluate", "--policy", policyFile, "--input", inputFile], {
    stdin: process.stdin,
    stdout: file,
    stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  await new Promise<void>((resolve) => file.end(resolve));
  if (code !== 0) throw new Error(`in-process command exited ${code}`);
  return { wallMs: Math.round(now() - wall), cpuMs: Math.round(cpuNow() - cpu) };
}
const inProcessExample = await runInProcess(examplePolicyFile);
const inProcess200 = await runInProcess(bigPolicyFile);
// The reference pipeline: the same file read and parsed, the JavaScript twins, the same JSON printed.
const referencePipeline = measure(() => {
  const parsed = JSON.parse(fs.readFileSync(inputFile, "utf8")) as { request: Request; stack: Stack }[];
  const lines = parsed.map((input) => JSON.stringify(referenceDecide(input)));
  fs.writeFileSync(outputFile, `[\n${lines.join(",\n")}\n]\n`);
});
fs.rmSync(folder, { recursive: true, force: true });

const perRequest = (ms: number) => round(ms / inputs.length, 4);
const figures = {
  benchmark: "policy",
  machine: { ...describeMachine(), loadAverage1m: round(os.loadavg()[0], 1) },
  library: "@marcbachmann/cel-js 8.0.0",
  data: {
    rules: RULES,
    requests: inputs.length,
    matchedRulesPerRequest: round(matchedPerRequest, 2),
    outcomes,
    cliInputs: CLI_INPUTS,
    cliInputBytes,
  },
  reference: {
    name: "the same 200 conditions as plain JavaScript functions, same decision rules",
    mismatches,
    loopCpuMsPerRequest: perRequest(referenceLoop.cpuMs),
  },
  compile: { wallMs: round(compiled.wallMs, 1), cpuMs: round(compiled.cpuMs, 1) },
  oneRequest: {
    budgetMs: 1,
    wallMedianMs: round(quantile(engineMs, 0.5), 4),
    wallP99Ms: round(quantile(engineMs, 0.99), 4),
    wallMaxMs: round(Math.max(...engineMs), 3),
    loopCpuMsPerRequest: perRequest(engineLoop.cpuMs),
    loopWallMsPerRequest: perRequest(engineLoop.wallMs),
    ratioToReference: round(engineLoop.cpuMs / referenceLoop.cpuMs, 1),
  },
  cli: {
    budgetMs: 5000,
    floor: { tandemHelp: floor, policyHelp: commandFloor },
    wholeProcess: processRuns,
    inProcess: { example: inProcessExample, rules200: inProcess200 },
    referencePipeline: { wallMs: Math.round(referencePipeline.wallMs), cpuMs: Math.round(referencePipeline.cpuMs) },
  },
};
writeResult("policy", figures);
console.log(JSON.stringify(figures, null, 2));
console.log(
  `200 rules, one request: ${figures.oneRequest.wallMedianMs} ms median, ${figures.oneRequest.wallP99Ms} ms p99 wall; ` +
    `${figures.oneRequest.loopCpuMsPerRequest} ms CPU in a loop (budget 1 ms; reference ${figures.reference.loopCpuMsPerRequest} ms). ` +
    `CLI, 100,000 inputs: ${processRuns.map((run) => `${run.policy} ${run.wallMs} ms wall / ${run.cpuMs} ms CPU`).join(", ")} ` +
    `(budget 5000 ms; floor tandem --help ${floor.wallMs} ms wall / ${floor.cpuMs} ms CPU). Mismatches: ${mismatches}.` +
    (sink > 0 ? "" : " "),
);
if (mismatches > 0 || processRuns.some((run) => !run.checked)) process.exit(1);
