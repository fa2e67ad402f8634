// Benchmark of the shadow-IT matching engine (issue 3, item 8): 100,000 card-statement lines against a catalog of
// 5,000 tools, budget well under 10 s for buildMatcher + matchLines. Synthetic but bank-shaped: brand names
// printed with processor prefixes (PAYPAL *, SQ *, FS *, STRIPE*), references, phone numbers, cities,
// countries, legal suffixes, billing words, 22-character truncation and the odd typo; 30 % of the lines are
// merchants that are not in the catalog (SaaS and restaurants, taxis, hotels). Measured in the same run:
//   - reference: normaliseMerchant on every line plus a plain Map lookup of the exact normalised key — the
//     cheapest matcher that still understands bank text; the ratio shows what fuzzy matching and grouping cost;
//   - the exhaustive scan (`search: "scan"`, every catalog text compared) on a sample of distinct descriptions,
//     whose results must equal the trigram index's; the ratio shows what the index saves.
// Accuracy against the generated truth: precision and recall of catalog matches, for the engine and the reference.
// The engine's fuzzy similarity is Levenshtein's (fastest-levenshtein), 1 − distance / longer length, at the default
// threshold; the trigram index only finds the catalog texts to measure.
// Run: node --import tsx bench/discovery.ts
import {
  buildMatcher,
  type CatalogTool,
  DiscoveryDefaults,
  type ExpenseLine,
  type MatchResult,
  matchDescription,
  matchLines,
  normaliseMerchant,
} from "#engines/discovery";
import { describeMachine, writeResult } from "./machine";

const TOOLS = Number(process.env.BENCH_DISCOVERY_TOOLS ?? 5_000);
const LINES = Number(process.env.BENCH_DISCOVERY_LINES ?? 100_000);
const UNKNOWN_MERCHANTS = 3_000;
const UNKNOWN_SHARE = 0.3;
const RUNS = 3;
const BUDGET_MS = 10_000;
const SCAN_SAMPLE = 300;

/** A small seeded PRNG (mulberry32): the same data on every run and machine. */
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
const random = createRandom(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;
// Skewed towards the front: expense files repeat a few merchants a lot.
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2.5)];

const SYLLABLES = (
  "zen tro va qui li fy nex or lum ka bri dex mo sta flo ve rra pix el cor vi sol tix ar no ly gra phi mi xa " +
  "ter bo lo ri chi pa ne tu wa ze qo fu ma do si ku re te hal vex yon bel dra ski ple om ux jo"
).split(" ");
const PRODUCT_WORDS =
  "Analytics CRM Ads Mail Social Forms Cloud Studio Insights Pages Chat Flow Sign Reviews Events Video Data Desk".split(
    " ",
  );
const TLDS = ["io", "com", "ai", "app", "co"];
const LEGAL = ["INC", "LTD", "GMBH", "LLC", "BV", "SA", "AB", "PTY LTD", "LIMITED", "S.A."];
const CITIES = ["DUBLIN", "SAN FRANCISCO", "LONDON", "AMSTERDAM", "BERLIN", "NEW YORK", "TEL AVIV", "SYDNEY", "PARIS"];
const COUNTRIES = ["US", "IE", "GB", "NL", "DE", "USA", "IRL", "CA", "FR"];
const PROCESSORS = ["PAYPAL *", "SQ *", "FS *", "STRIPE*", "PADDLE.NET* ", "2CO*", "PP*"];
const BILLING = ["*MONTHLY", "SUBSCRIPTION", "*ANNUAL", "RENEWAL", "SUBS"];
const NOT_SOFTWARE = [
  ["CAFE", ""],
  ["", "COFFEE"],
  ["", "RESTAURANT"],
  ["HOTEL", ""],
  ["", "TAXI"],
  ["", "PARKING"],
];

const usedKeys = new Set<string>();
function brand(): string {
  for (;;) {
    const count = 3 + Math.floor(random() * 2);
    let text = "";
    for (let s = 0; s < count; s += 1) text += pick(SYLLABLES);
    const key = normaliseMerchant(text).key;
    if (key.length >= 6 && !usedKeys.has(key)) {
      usedKeys.add(key);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
}

interface Merchant {
  /** Texts the bank may print for it. */
  printed: string[];
  toolId: string | null;
  price: number;
  currency: string;
}

// The catalog: most vendors sell one product; one in ten sells 2–6 products named "<Vendor> <Word>".
const tools: CatalogTool[] = [];
const merchants: Merchant[] = [];
while (tools.length < TOOLS) {
  const vendor = brand();
  const products = chance(0.1) ? 2 + Math.floor(random() * 5) : 1;
  const words = [...PRODUCT_WORDS].sort(() => random() - 0.5);
  for (let p = 0; p < products && tools.length < TOOLS; p += 1) {
    const id = `tool-${String(tools.length).padStart(5, "0")}`;
    const name = products === 1 ? vendor : `${vendor} ${words[p]}`;
    const domain = `${vendor.toLowerCase()}.${pick(TLDS)}`;
    const aliases = chance(0.3) ? [domain] : [];
    tools.push({ id, name, vendor: products === 1 ? `${vendor} ${pick(LEGAL)}` : vendor, aliases });
    // A shared vendor's bare name would be ambiguous, so its products are printed by product name only.
    const printed = products === 1 ? [name, name, vendor, domain] : [name];
    merchants.push({
      printed,
      toolId: id,
      price: 5 + Math.round(random() * 500),
      currency: pick(["EUR", "USD", "GBP"]),
    });
  }
}
const unknownMerchants: Merchant[] = [];
for (let u = 0; u < UNKNOWN_MERCHANTS; u += 1) {
  const name = brand();
  const printed = chance(0.3)
    ? [(([before, after]) => `${before} ${name} ${after}`.trim())(pick(NOT_SOFTWARE))]
    : [name, `${name.toLowerCase()}.${pick(TLDS)}`];
  unknownMerchants.push({
    printed,
    toolId: null,
    price: 3 + Math.round(random() * 300),
    currency: pick(["EUR", "USD"]),
  });
}

function digits(count: number): string {
  let text = "";
  for (let d = 0; d < count; d += 1) text += Math.floor(random() * 10);
  return text;
}
function typo(text: string): string {
  if (text.length < 8 || text.includes(".")) return text;
  const at = 2 + Math.floor(random() * (text.length - 3));
  return text.slice(0, at) + text.slice(at + 1);
}
function render(merchant: Merchant): string {
  let text = pick(merchant.printed);
  if (chance(0.05)) text = typo(text);
  if (chance(0.8)) text = text.toUpperCase();
  const parts = [text];
  if (chance(0.2)) parts.push(pick(BILLING));
  if (chance(0.2) && !text.includes(".")) parts.push(pick(LEGAL));
  if (chance(0.5))
    parts.push(chance(0.5) ? digits(6 + Math.floor(random() * 5)) : `${pick(["T", "P", "E"])}${digits(4)}`);
  if (chance(0.15)) parts.push(`${digits(3)}-${digits(3)}-${digits(4)}`);
  if (chance(0.25)) parts.push(pick(CITIES));
  if (chance(0.2)) parts.push(pick(COUNTRIES));
  let description = (chance(0.25) ? pick(PROCESSORS) : "") + parts.join(" ");
  if (chance(0.1)) description = description.slice(0, 22);
  return description;
}

const employees = Array.from({ length: 200 }, (_, i) => `employee-${i}`);
const lines: ExpenseLine[] = [];
const truth = new Map<number, string | null>();
for (let n = 1; n <= LINES; n += 1) {
  const merchant = chance(UNKNOWN_SHARE) ? pickSkewed(unknownMerchants) : pickSkewed(merchants);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  lines.push({
    line: n + 1,
    date: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    description: render(merchant),
    amount: Math.round(merchant.price * (0.9 + random() * 0.2) * 100) / 100,
    currency: merchant.currency,
    employee: pick(employees),
  });
  truth.set(n + 1, merchant.toolId);
}

let sink = 0;
function time<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const buildMs: number[] = [];
const matchMs: number[] = [];
const totalMs: number[] = [];
const referenceMs: number[] = [];
let result: MatchResult | null = null;
let referenceMatches = new Map<number, string>();
for (let run = 0; run < RUNS; run += 1) {
  const [matcher, build] = time(() => buildMatcher(tools));
  const [matched, match] = time(() => matchLines(matcher, lines));
  buildMs.push(build);
  matchMs.push(match);
  totalMs.push(build + match);
  result = matched;
  sink += matched.matches.length;
  const [reference, referenceTime] = time(() => exactLookup(tools, lines));
  referenceMs.push(referenceTime);
  referenceMatches = reference;
}
const coldMs = totalMs[0];

/** The reference: the same normaliser on every line, then a Map of exact normalised catalog texts. */
function exactLookup(catalog: readonly CatalogTool[], expenseLines: readonly ExpenseLine[]): Map<number, string> {
  const byKey = new Map<string, string>();
  for (const tool of catalog) {
    for (const text of [tool.name, tool.vendor, ...(tool.aliases ?? [])]) {
      const key = normaliseMerchant(text).key;
      if (key !== "" && !byKey.has(key)) byKey.set(key, tool.id);
    }
  }
  const found = new Map<number, string>();
  for (const line of expenseLines) {
    const toolId = byKey.get(normaliseMerchant(line.description).key);
    if (toolId !== undefined) found.set(line.line, toolId);
  }
  return found;
}

function accuracy(found: Map<number, string>) {
  let correct = 0;
  let known = 0;
  for (const [line, toolId] of truth) {
    if (toolId !== null) known += 1;
    if (toolId !== null && found.get(line) === toolId) correct += 1;
  }
  const precision = found.size === 0 ? 1 : correct / found.size;
  const recall = correct / known;
  return { matched: found.size, correct, knownLines: known, precision: round(precision, 4), recall: round(recall, 4) };
}
const engineFound = new Map(result!.matches.map((match) => [match.line, match.toolId]));
const engineAccuracy = accuracy(engineFound);
const referenceAccuracy = accuracy(referenceMatches);
const byMethodCorrect = { exact: 0, contains: 0, fuzzy: 0 };
const byMethodWrong = { exact: 0, contains: 0, fuzzy: 0 };
for (const match of result!.matches) {
  if (truth.get(match.line) === match.toolId) byMethodCorrect[match.method] += 1;
  else byMethodWrong[match.method] += 1;
}
// Wrong matches whose true tool tied for first place (a shared vendor's name with the product word cut off).
let wrongButTied = 0;
for (const match of result!.matches) {
  const want = truth.get(match.line);
  if (want && want !== match.toolId && match.alternatives.includes(want)) wrongButTied += 1;
}
const unknownLines = [...truth.values()].filter((toolId) => toolId === null).length;

// The exhaustive scan on a sample of distinct descriptions: identical results, and the time it would take.
const indexed = buildMatcher(tools);
const scanning = buildMatcher(tools, { search: "scan" });
const distinct = [...new Set(lines.map((line) => line.description))];
const sample = distinct
  .filter((_, i) => i % Math.max(1, Math.floor(distinct.length / SCAN_SAMPLE)) === 0)
  .slice(0, SCAN_SAMPLE);
let mismatches = 0;
const [, scanMs] = time(() => {
  for (const description of sample) {
    const a = JSON.stringify(matchDescription(scanning, description));
    const b = JSON.stringify(matchDescription(indexed, description));
    if (a !== b) mismatches += 1;
  }
});
const [, indexSampleMs] = time(() => {
  for (const description of sample) sink += matchDescription(indexed, description) ? 1 : 0;
});
const [, scanOnlyMs] = time(() => {
  for (const description of sample) sink += matchDescription(scanning, description) ? 1 : 0;
});
sink += scanMs;

const stats = result!.stats;
const rate = (ms: number) => Math.round(LINES / (ms / 1000));
const figures = {
  benchmark: "discovery",
  machine: describeMachine(),
  data: {
    tools: tools.length,
    catalogTexts: indexed.index.phrases.length,
    lines: LINES,
    knownLines: LINES - unknownLines,
    unknownLines,
    distinctDescriptions: distinct.length,
    distinctNormalisedKeys: stats.distinctKeys,
    unknownMerchants: UNKNOWN_MERCHANTS,
  },
  reference: {
    name: "normaliseMerchant on every line + exact Map lookup of normalised catalog texts, same lines",
    medianMs: round(median(referenceMs), 1),
    linesPerSecond: rate(median(referenceMs)),
    accuracy: referenceAccuracy,
  },
  engine: {
    similarity:
      "Levenshtein similarity 1 − distance / longer length (fastest-levenshtein), trigram index for candidates",
    fuzzyThreshold: DiscoveryDefaults.fuzzyThreshold,
    buildMatcherMs: round(median(buildMs), 1),
    matchLinesMs: round(median(matchMs), 1),
    totalMs: round(median(totalMs), 1),
    coldTotalMs: round(coldMs, 1),
    linesPerSecond: rate(median(totalMs)),
    ratioToReference: round(median(totalMs) / median(referenceMs), 2),
    accuracy: engineAccuracy,
    byMethod: { correct: byMethodCorrect, wrong: byMethodWrong },
    wrongButTrueToolTied: wrongButTied,
    unknownGroups: stats.unknownGroups,
    softwareLikeGroups: stats.softwareLikeGroups,
  },
  scan: {
    name: "exhaustive scan of every catalog text (search: scan) vs the trigram index, distinct descriptions",
    sample: sample.length,
    mismatches,
    scanMs: round(scanOnlyMs, 1),
    indexMs: round(indexSampleMs, 1),
    speedup: round(scanOnlyMs / Math.max(indexSampleMs, 0.001), 1),
  },
  budget: {
    description: "buildMatcher(5,000 tools) + matchLines(100,000 lines)",
    medianMs: round(median(totalMs), 1),
    coldMs: round(coldMs, 1),
    budgetMs: BUDGET_MS,
    withinBudget: coldMs < BUDGET_MS && median(totalMs) < BUDGET_MS,
  },
};
writeResult("discovery", figures);

const m = figures.machine;
const e = figures.engine;
console.log(`discovery engine — ${m.cpu}, ${m.cores} cores, Node ${m.node}`);
console.log(
  `${tools.length.toLocaleString("en")} tools (${figures.data.catalogTexts.toLocaleString("en")} catalog texts), ` +
    `${LINES.toLocaleString("en")} lines (${figures.data.knownLines.toLocaleString("en")} known, ` +
    `${unknownLines.toLocaleString("en")} unknown), ${distinct.length.toLocaleString("en")} distinct descriptions, ` +
    `${stats.distinctKeys.toLocaleString("en")} distinct normalised keys`,
);
console.log(
  `reference (exact Map lookup): ${figures.reference.medianMs} ms, ${figures.reference.linesPerSecond.toLocaleString("en")} lines/s, ` +
    `precision ${referenceAccuracy.precision}, recall ${referenceAccuracy.recall}`,
);
console.log(
  `engine: buildMatcher ${e.buildMatcherMs} ms + matchLines ${e.matchLinesMs} ms = ${e.totalMs} ms (median of ${RUNS}; cold ${e.coldTotalMs} ms), ` +
    `${e.linesPerSecond.toLocaleString("en")} lines/s, ${e.ratioToReference}× the reference's time`,
);
console.log(
  `engine accuracy: precision ${engineAccuracy.precision}, recall ${engineAccuracy.recall} ` +
    `(${engineAccuracy.correct.toLocaleString("en")} of ${engineAccuracy.knownLines.toLocaleString("en")} known lines; ` +
    `wrong by method ${JSON.stringify(byMethodWrong)}, of which ${wrongButTied} had the true tool tied in alternatives); ` +
    `${stats.unknownGroups} unknown groups, ${stats.softwareLikeGroups} software-like`,
);
console.log(
  `exhaustive scan on ${sample.length} distinct descriptions: ${figures.scan.scanMs} ms vs index ${figures.scan.indexMs} ms ` +
    `(${figures.scan.speedup}×); ${mismatches} mismatches`,
);
console.log(
  `budget: 100,000 lines against 5,000 tools in ${figures.budget.medianMs} ms (cold ${figures.budget.coldMs} ms) — ` +
    `${figures.budget.withinBudget ? "within" : "OVER"} the ${BUDGET_MS} ms budget`,
);
if (Number.isNaN(sink)) console.log("(sink)");
process.exitCode = figures.budget.withinBudget && mismatches === 0 ? 0 : 1;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
