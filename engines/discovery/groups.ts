import { normaliseMerchant } from "./normalise";
import { KNOWN_SAAS_VENDORS } from "./saas-vendors";
import type { CurrencyTotal, ExpenseLine, NormalisedMerchant, SoftwareSignals, UnknownGroup } from "./types";
import {
  COMMON_WORDS,
  LABELS,
  NON_SOFTWARE_WORDS,
  SOFTWARE_BILLING_WORDS,
  SOFTWARE_PROCESSORS,
  SOFTWARE_WORDS,
} from "./vocabulary";

const UNITS = 10_000;
const DAY = 86_400_000;

let knownVendors: Map<string, string> | null = null;

/** The shipped SaaS vendor names by normalised compact key (built on first use). */
function getKnownVendors(): Map<string, string> {
  if (!knownVendors) {
    knownVendors = new Map();
    for (const name of KNOWN_SAAS_VENDORS) {
      const compact = normaliseMerchant(name).tokens.join("");
      if (compact !== "" && !knownVendors.has(compact)) knownVendors.set(compact, name);
    }
  }
  return knownVendors;
}

/** The well-known SaaS vendor the normalised words name, if any: the whole description, or a run of its words
 * unless that run is a common word or ≤ 3 letters ("COPPER KETTLE CAFE" does not name Copper). */
export function findKnownVendor(tokens: readonly string[]): string | null {
  const vendors = getKnownVendors();
  const whole = vendors.get(tokens.join(""));
  if (whole) return whole;
  for (let i = 0; i < tokens.length; i += 1) {
    for (let j = i + 1; j <= tokens.length && j - i <= 4; j += 1) {
      const compact = tokens.slice(i, j).join("");
      if (j - i === 1 && (COMMON_WORDS.has(compact) || compact.length <= 3)) continue;
      const name = vendors.get(compact);
      if (name) return name;
    }
  }
  return null;
}

/** An unknown line with its normalised merchant. */
export interface UnknownLine {
  line: ExpenseLine;
  merchant: NormalisedMerchant;
}

/** Groups unknown lines by normalised merchant (spaces ignored) into candidate tools; see UnknownGroup. */
export function groupUnknown(unknown: readonly UnknownLine[]): UnknownGroup[] {
  return runSteps(groupUnknownInSteps(unknown, Number.POSITIVE_INFINITY));
}

/** Runs a stepwise computation to its end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `groupUnknown`, pausing (yielding) after every `groupsPerStep` groups summarised: the same groups. */
export function* groupUnknownInSteps(
  unknown: readonly UnknownLine[],
  groupsPerStep: number,
): Generator<void, UnknownGroup[]> {
  const byCompact = new Map<string, UnknownLine[]>();
  for (let i = 0; i < unknown.length; i += 1) {
    if (i > 0 && i % groupsPerStep === 0) yield;
    const entry = unknown[i];
    const compact = entry.merchant.tokens.join("");
    const list = byCompact.get(compact);
    if (list) list.push(entry);
    else byCompact.set(compact, [entry]);
  }
  yield;
  const groups: UnknownGroup[] = [];
  for (const entries of byCompact.values()) {
    groups.push(summarise(entries));
    if (groups.length % groupsPerStep === 0) yield;
  }
  yield;
  return groups.sort(
    (a, b) =>
      Number(b.software.isLikely) - Number(a.software.isLikely) ||
      b.lines.length - a.lines.length ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function summarise(entries: UnknownLine[]): UnknownGroup {
  const sorted = [...entries].sort((a, b) => a.line.line - b.line.line);
  const key = mostFrequent(sorted.map((entry) => entry.merchant.key));
  const tokens = key === "" ? [] : key.split(" ");
  const descriptions = [...new Set(sorted.map((entry) => entry.line.description))].sort();
  const dates = sorted.map((entry) => entry.line.date).sort();
  const months = new Set(dates.map((date) => date.slice(0, 7))).size;

  const byCurrency = new Map<string, ExpenseLine[]>();
  for (const { line } of sorted) {
    const list = byCurrency.get(line.currency);
    if (list) list.push(line);
    else byCurrency.set(line.currency, [line]);
  }
  const totals: CurrencyTotal[] = [...byCurrency.keys()].sort().map((currency) => {
    const lines = byCurrency.get(currency)!;
    let units = 0;
    for (const line of lines) units += Math.round(line.amount * UNITS);
    const total = units / UNITS;
    return { currency, total, annualised: annualise(total, lines), lines: lines.length };
  });
  const employees = [
    ...new Set(sorted.map((entry) => entry.line.employee).filter((name): name is string => !!name)),
  ].sort();

  return {
    key,
    label: labelOf(tokens),
    lines: sorted.map((entry) => entry.line.line),
    examples: descriptions.slice(0, 3),
    totals,
    firstDate: dates[0],
    lastDate: dates[dates.length - 1],
    months,
    isRecurring: months >= 2,
    employees,
    software: assessSoftware(tokens, sorted, months),
  };
}

// total × 365 / (span × n / (n − 1)): the observed span plus one typical interval between payments.
function annualise(total: number, lines: readonly ExpenseLine[]): number {
  if (lines.length < 2) return total;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    const day = Date.parse(`${line.date}T00:00:00Z`) / DAY;
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const span = last - first;
  if (span === 0) return total;
  const covered = (span * lines.length) / (lines.length - 1);
  return Math.round(((total * 365) / covered) * 100) / 100;
}

function mostFrequent(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let best = "";
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function labelOf(tokens: readonly string[]): string {
  if (tokens.length === 0) return "(no merchant name)";
  return tokens.map((token) => LABELS.get(token) ?? token.charAt(0).toUpperCase() + token.slice(1)).join(" ");
}

function assessSoftware(tokens: readonly string[], entries: readonly UnknownLine[], months: number): SoftwareSignals {
  const positive = new Set<string>();
  const negative = new Set<string>();
  const known = findKnownVendor(tokens);
  if (known) positive.add(`known SaaS vendor: ${known}`);
  const seen = new Set<NormalisedMerchant>();
  for (const { merchant } of entries) {
    if (seen.has(merchant)) continue;
    seen.add(merchant);
    for (const domain of merchant.domains) positive.add(`domain .${domain.slice(domain.lastIndexOf(".") + 1)}`);
    for (const word of merchant.words) {
      if (SOFTWARE_WORDS.has(word) || SOFTWARE_BILLING_WORDS.has(word)) positive.add(`word: ${word}`);
      if (NON_SOFTWARE_WORDS.has(word)) negative.add(`not software: ${word}`);
    }
    for (const token of merchant.tokens) if (NON_SOFTWARE_WORDS.has(token)) negative.add(`not software: ${token}`);
    if (merchant.processor && SOFTWARE_PROCESSORS.has(merchant.processor)) {
      positive.add(`processor: ${merchant.processor}`);
    }
  }
  const signals = [...[...positive].sort(), ...[...negative].sort()];
  if (months >= 2) signals.push(`recurring: ${months} months`);
  return { isLikely: known !== null || (positive.size > 0 && negative.size === 0), signals };
}
