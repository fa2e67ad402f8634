// Benchmark of the glossary's term recognition (issue 14): 100 KB of text against 10,000 terms with acronyms and
// synonyms, annotated in under 20 ms once the matcher is built (the build is timed and printed too). Synthetic
// but glossary-shaped: names of one to three words, acronyms of capitals and digits (some shared by two terms:
// clashes), zero to three synonyms; the text mixes ordinary words (some accented) with the terms' forms written
// in other cases, with plural endings, across line breaks and inside longer words. Measured in the same run:
//   - reference: a plain String.prototype.indexOf scan of every form (and its "s"/"es" variants) over the same
//     text, with the same whole-word checks and leftmost-longest choice. Its spans must equal the engine's.
// The text keeps every whitespace run one character long and has no letter whose lower case changes length, so
// that the reference can search a lower-cased copy with the original offsets.
// On a shared, busy machine wall-clock times include waiting for a core: the process's CPU time for the same runs
// and the load average are recorded beside them. The budget is judged on the wall-clock median.
// Run: node --import tsx bench/terms.ts

import os from "node:os";
import { annotate, buildTermMatcher, isCaseSensitiveForm, type TermDefinition, type TermSpan } from "#engines/terms";
import { describeMachine, writeResult } from "./machine";

const TERMS = Number(process.env.BENCH_TERMS_TERMS ?? 10_000);
const TEXT_CHARS = Number(process.env.BENCH_TERMS_TEXT_CHARS ?? 100 * 1024);
const BUILD_RUNS = 3;
const ANNOTATE_RUNS = 51;
const BUDGET_MS = 20;

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
const random = createRandom(20261202);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;

const SYLLABLES = (
  "ka lo mi ne ru sa ti vo ze pa de fi go hu ja ke li mo nu po qui ra se to vu wa xe yo zu bra cre dri " +
  "fla glo pri stu tra ple ski omb ant ur el is"
).split(" ");
const usedWords = new Set<string>();
function newWord(): string {
  for (;;) {
    let word = "";
    const count = 2 + Math.floor(random() * 3);
    for (let s = 0; s < count; s += 1) word += pick(SYLLABLES);
    if (!usedWords.has(word)) {
      usedWords.add(word);
      return word;
    }
  }
}
// Words that terms are made of (shared between terms, as "customer", "data" are) and words that are not.
const termWords = Array.from({ length: 20_000 }, newWord);
const fillerWords = [
  ...Array.from({ length: 3_000 }, newWord),
  ..."the a of to and in is it for on with as by at from this that we our team will can be not are".split(" "),
  ..."équipe café réunion données stratégie münchen straße".split(" "),
];

const phrase = (words: number) => Array.from({ length: words }, () => pick(termWords)).join(" ");
const terms: TermDefinition[] = [];
const acronyms: string[] = [];
for (let t = 0; t < TERMS; t += 1) {
  const name = phrase(1 + Math.floor(random() * 3));
  let acronym: string | undefined;
  if (chance(0.4)) {
    // One acronym in ten reuses an earlier one: a clash, as "SQL" or "CMS".
    acronym =
      acronyms.length > 0 && chance(0.1)
        ? pick(acronyms)
        : Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
            chance(0.1) ? String(Math.floor(random() * 10)) : String.fromCharCode(65 + Math.floor(random() * 26)),
          ).join("") + (chance(0.3) ? String.fromCharCode(65 + Math.floor(random() * 26)) : "");
    acronyms.push(acronym);
  }
  const synonyms = Array.from({ length: Math.floor(random() * 4) }, () => phrase(1 + Math.floor(random() * 3)));
  terms.push({ id: `term-${t}`, name: chance(0.2) ? capitalise(name) : name, acronym, synonyms });
}
const allForms = terms.flatMap((term) => [
  term.name,
  ...(term.acronym ? [term.acronym] : []),
  ...(term.synonyms ?? []),
]);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function writeForm(form: string): string {
  let written = form;
  if (!isCaseSensitiveForm(form)) {
    const r = random();
    written = r < 0.6 ? form : r < 0.8 ? capitalise(form) : r < 0.9 ? form.toUpperCase() : form.toLowerCase();
  }
  const ending = random();
  written += ending < 0.08 ? "s" : ending < 0.12 ? "es" : "";
  // Some forms written inside a longer word, which must not match.
  if (chance(0.03)) written = `${pick(SYLLABLES)}${written}`;
  // Multi-word forms sometimes broken across lines or tabs (one whitespace character each).
  return chance(0.1) ? written.replace(/ /g, () => pick(["\n", "\t", " "])) : written;
}

let text = "";
while (text.length < TEXT_CHARS) {
  const piece = chance(0.15) ? writeForm(pick(allForms)) : pick(fillerWords);
  const separator = random() < 0.8 ? " " : pick([", ", ". ", "\n", "; ", " (", ") ", ": ", "/"]);
  text += piece + separator;
}
text = text.slice(0, TEXT_CHARS);

/** The reference: indexOf over a lower-cased copy (same offsets), whole-word checks, leftmost-longest. */
function indexOfScan(glossary: readonly TermDefinition[], source: string): TermSpan[] {
  const lower = source.toLowerCase().replace(/\s/g, " ");
  const exact = source.replace(/\s/g, " ");
  const isWord = (index: number) => index >= 0 && index < source.length && /[\p{L}\p{Nd}]/u.test(source[index]);
  const found: { start: number; end: number; term: number; rank: number; form: string }[] = [];
  glossary.forEach((term, index) => {
    const forms = [term.name, ...(term.acronym ? [term.acronym] : []), ...(term.synonyms ?? [])];
    forms.forEach((form, order) => {
      const caseSensitive = isCaseSensitiveForm(form);
      const haystack = caseSensitive ? exact : lower;
      const base = caseSensitive ? form : form.toLowerCase();
      ["", "s", "es"].forEach((ending, suffix) => {
        const needle = base + ending;
        for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
          const end = at + needle.length;
          if (isWord(at - 1) || isWord(end)) continue;
          found.push({ start: at, end, term: index, rank: suffix * 100 + order, form });
        }
      });
    });
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.term - b.term || a.rank - b.rank);
  const spans: TermSpan[] = [];
  let cursor = 0;
  for (let i = 0; i < found.length; ) {
    const { start, end } = found[i];
    if (start < cursor) {
      i += 1;
      continue;
    }
    let lastTerm = -1;
    for (; i < found.length && found[i].start === start && found[i].end === end; i += 1) {
      if (found[i].term === lastTerm) continue;
      lastTerm = found[i].term;
      spans.push({ start, end, termId: glossary[found[i].term].id, form: found[i].form });
    }
    cursor = end;
  }
  return spans;
}

function time<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}
/** Wall-clock and CPU time of one call: on a shared, busy machine the CPU time shows the work itself. */
function timeBoth<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const [result, wall] = time(run);
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const buildMs: number[] = [];
const buildCpuMs: number[] = [];
let matcher = buildTermMatcher(terms.slice(0, 1));
for (let run = 0; run < BUILD_RUNS; run += 1) {
  const [built, ms, cpuMs] = timeBoth(() => buildTermMatcher(terms));
  matcher = built;
  buildMs.push(ms);
  buildCpuMs.push(cpuMs);
}
const annotateMs: number[] = [];
const annotateCpuMs: number[] = [];
let spans: TermSpan[] = [];
for (let run = 0; run < ANNOTATE_RUNS; run += 1) {
  const [result, ms, cpuMs] = timeBoth(() => annotate(matcher, text));
  spans = result;
  annotateMs.push(ms);
  annotateCpuMs.push(cpuMs);
}
const [reference, referenceMs] = time(() => indexOfScan(terms, text));
const mismatches =
  reference.length === spans.length
    ? spans.filter((span, i) => JSON.stringify(span) !== JSON.stringify(reference[i])).length
    : Math.abs(reference.length - spans.length) + 1;
const clashSpans = spans.filter(
  (span, i) => spans[i + 1]?.start === span.start || (i > 0 && spans[i - 1].start === span.start),
).length;

const figures = {
  benchmark: "terms",
  machine: describeMachine(),
  loadAverage: os.loadavg().map((load) => round(load, 1)),
  data: {
    terms: terms.length,
    forms: matcher.stats.forms,
    patterns: matcher.stats.patterns,
    trieStates: matcher.stats.states,
    textChars: text.length,
    textBytesUtf8: Buffer.byteLength(text, "utf8"),
    spans: spans.length,
    spansInClashes: clashSpans,
  },
  reference: {
    name: "String.prototype.indexOf of every form and its s/es variants over a lower-cased copy, same checks",
    ms: round(referenceMs, 1),
    mismatches,
  },
  engine: {
    matcher: "a trie of folded forms walked from each word start (engines/terms/trie.ts)",
    buildMs: round(median(buildMs), 1),
    buildCpuMs: round(median(buildCpuMs), 1),
    coldBuildMs: round(buildMs[0], 1),
    annotateMs: round(median(annotateMs), 2),
    annotateCpuMs: round(median(annotateCpuMs), 2),
    fastestAnnotateMs: round(Math.min(...annotateMs), 2),
    coldAnnotateMs: round(annotateMs[0], 2),
    speedupOverReference: round(referenceMs / median(annotateMs), 1),
    millionCharactersPerSecond: round(text.length / 1e6 / (median(annotateMs) / 1000), 1),
  },
  budget: {
    description: "annotate 100 KB against 10,000 terms with synonyms, after building",
    medianMs: round(median(annotateMs), 2),
    coldMs: round(annotateMs[0], 2),
    budgetMs: BUDGET_MS,
    withinBudget: median(annotateMs) < BUDGET_MS,
  },
};
writeResult("terms", figures);

const m = figures.machine;
const e = figures.engine;
console.log(`terms engine — ${m.cpu}, ${m.cores} cores, Node ${m.node}`);
console.log(
  `${terms.length.toLocaleString("en")} terms (${figures.data.forms.toLocaleString("en")} forms, ` +
    `${figures.data.patterns.toLocaleString("en")} patterns with plural endings, ` +
    `${figures.data.trieStates.toLocaleString("en")} states); text of ${text.length.toLocaleString("en")} characters; ` +
    `${spans.length.toLocaleString("en")} spans (${clashSpans} in clashes)`,
);
console.log(
  `build: ${e.buildMs} ms (median of ${BUILD_RUNS}; cold ${e.coldBuildMs} ms; CPU time ${e.buildCpuMs} ms); annotate: ${e.annotateMs} ms ` +
    `(median of ${ANNOTATE_RUNS}; fastest ${e.fastestAnnotateMs} ms, cold ${e.coldAnnotateMs} ms; CPU time ` +
    `${e.annotateCpuMs} ms), ${e.millionCharactersPerSecond} M characters/s; load average ${figures.loadAverage.join(" ")}`,
);
console.log(
  `reference (indexOf scan of every form): ${figures.reference.ms} ms — the engine is ${e.speedupOverReference}× faster; ` +
    `${mismatches} mismatching spans`,
);
console.log(
  `budget: ${figures.budget.medianMs} ms — ${figures.budget.withinBudget ? "within" : "OVER"} the ${BUDGET_MS} ms budget`,
);
process.exitCode = figures.budget.withinBudget && mismatches === 0 ? 0 : 1;
