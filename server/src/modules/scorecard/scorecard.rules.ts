// The Scorecard's pure rules: a KPI's status and its reason in words, the plan line, which side an objective's
// owners are on, what a KPI or a measurement may hold, and the gaps of "how each of us is measured". No I/O.
import type { KpiCategory, KpiDirection, KpiReading, KpiStatus, KpiThresholds, KpiUnit } from "#contracts/scorecard";
import { COMPUTED_MEASURES, type ComputedMeasure } from "#contracts/scorecard";

/** The figures of a KPI that its status depends on. */
export type KpiTerms = {
  baseline: number;
  target: number;
  direction: KpiDirection;
  thresholds: KpiThresholds | null;
  unit: KpiUnit;
  currency: string | null;
  periodStart: string;
  periodEnd: string;
};

/** One dated value. */
export type DatedValue = { date: string; value: number };

/** A problem with one field, as the API names it. */
export type FieldProblem = { path: string; message: string };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Share of the period [start, end] gone on date d, clamped to 0–1 (a one-day period is all gone on its day). */
export function elapsedShare(periodStart: string, periodEnd: string, asOf: string): number {
  const start = dayNumber(periodStart);
  const span = dayNumber(periodEnd) - start;
  const gone = dayNumber(asOf) - start;
  if (span <= 0) return gone >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, gone / span));
}

/** Progress is kept within ±10^6 (a million times the way to target): a tiny baseline-to-target gap stays finite. */
export const PROGRESS_LIMIT = 1e6;

/** (v − b) / (t − b): 0 at the baseline, 1 at the target, whichever way is good. */
export function progressOf(baseline: number, target: number, value: number): number {
  const progress = (value - baseline) / (target - baseline);
  return Math.max(-PROGRESS_LIMIT, Math.min(PROGRESS_LIMIT, progress));
}

/** What to call a period in words: a month, a quarter, a half-year, a year, or "the period". */
export function periodNoun(periodStart: string, periodEnd: string): string {
  const days = dayNumber(periodEnd) - dayNumber(periodStart) + 1;
  if (days >= 28 && days <= 31) return "month";
  if (days >= 89 && days <= 92) return "quarter";
  if (days >= 181 && days <= 184) return "half-year";
  if (days >= 365 && days <= 366) return "year";
  return "period";
}

/** The latest value dated on or before asOf, from values in any order. */
export function latestOnOrBefore(values: readonly DatedValue[], asOf: string): DatedValue | null {
  let latest: DatedValue | null = null;
  for (const point of values) {
    if (point.date <= asOf && (latest === null || point.date > latest.date)) latest = point;
  }
  return latest;
}

const percentOf = (share: number) => `${Math.round(share * 100)}%`;

function round(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A value in its unit, as people read it: "34%", "EUR 12,000", "18.5 h", "3 days", "1,200". */
export function formatValue(value: number, unit: KpiUnit, currency: string | null): string {
  switch (unit) {
    case "percent":
      return `${round(value)}%`;
    case "money":
      return `${currency ?? ""} ${round(value)}`.trim();
    case "duration_hours":
      return `${round(value)} h`;
    case "duration_days":
      return `${round(value)} ${value === 1 ? "day" : "days"}`;
    default:
      return round(value);
  }
}

function statusByProgress(progress: number, elapsed: number): KpiStatus {
  if (progress >= elapsed - 0.1) return "on_track";
  if (progress >= elapsed - 0.25) return "at_risk";
  return "off_track";
}

function statusByThresholds(value: number, direction: KpiDirection, thresholds: KpiThresholds): KpiStatus {
  const atLeast = (line: number) => (direction === "up" ? value >= line : value <= line);
  if (atLeast(thresholds.green)) return "on_track";
  if (atLeast(thresholds.amber)) return "at_risk";
  return "off_track";
}

function progressWords(progress: number, elapsed: number, noun: string): string {
  const gone = `with ${percentOf(elapsed)} of the ${noun} gone`;
  if (progress < 0) return `${percentOf(-progress)} further from target than the baseline ${gone}`;
  return `${percentOf(progress)} of the way to target ${gone}`;
}

function thresholdWords(terms: KpiTerms, value: number, status: KpiStatus): string {
  const { thresholds, direction, unit, currency } = terms;
  if (thresholds === null) return "";
  const shown = formatValue(value, unit, currency);
  const better = direction === "up" ? "at or above" : "at or below";
  const worse = direction === "up" ? "below" : "above";
  if (status === "on_track")
    return `${shown} is ${better} the green line of ${formatValue(thresholds.green, unit, currency)}`;
  if (status === "at_risk") {
    return `${shown} is ${worse} the green line of ${formatValue(thresholds.green, unit, currency)} but ${better} amber`;
  }
  return `${shown} is ${worse} the amber line of ${formatValue(thresholds.amber, unit, currency)}`;
}

/**
 * A KPI's status as of a date from the latest measurement on or before it: achieved when p ≥ 1; thresholds, when
 * set, decide the rest; otherwise on track when p ≥ e − 0.10, at risk when p ≥ e − 0.25, else off track.
 */
export function readKpi(terms: KpiTerms, latest: DatedValue | null, asOf: string): KpiReading {
  const elapsed = elapsedShare(terms.periodStart, terms.periodEnd, asOf);
  const noun = periodNoun(terms.periodStart, terms.periodEnd);
  if (latest === null) {
    return {
      status: "no_data",
      progress: null,
      elapsed,
      reason: `No measurement on or before ${asOf}, with ${percentOf(elapsed)} of the ${noun} gone`,
      asOf,
      latest: null,
    };
  }
  const progress = progressOf(terms.baseline, terms.target, latest.value);
  const base = { progress, elapsed, asOf, latest: { date: latest.date, value: latest.value } };
  const shown = formatValue(latest.value, terms.unit, terms.currency);
  if (progress >= 1) {
    const target = formatValue(terms.target, terms.unit, terms.currency);
    return {
      ...base,
      status: "achieved",
      reason: `Target reached: ${shown} on ${latest.date} against a target of ${target}`,
    };
  }
  const words = progressWords(progress, elapsed, noun);
  if (terms.thresholds !== null) {
    const status = statusByThresholds(latest.value, terms.direction, terms.thresholds);
    const reason = `${capitalise(thresholdWords(terms, latest.value, status))} (${words})`;
    return { ...base, status, reason };
  }
  return { ...base, status: statusByProgress(progress, elapsed), reason: capitalise(words) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where the value should be on a date to be exactly on plan: baseline at the start, target at the end. */
export function planValue(terms: Pick<KpiTerms, "baseline" | "target" | "periodStart" | "periodEnd">, date: string) {
  return terms.baseline + (terms.target - terms.baseline) * elapsedShare(terms.periodStart, terms.periodEnd, date);
}

/** The fields of a KPI that the rules check together. */
export type KpiShape = KpiTerms & { source: "manual" | "computed"; measure: ComputedMeasure | null };

/** What is wrong with a KPI's figures, each with the field named; empty when it may be stored. */
export function kpiProblems(kpi: KpiShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (kpi.target === kpi.baseline) problems.push({ path: "target", message: "must differ from the baseline" });
  if (kpi.unit === "money" && kpi.currency === null) {
    problems.push({ path: "currency", message: "is required for a money KPI" });
  }
  if (kpi.unit !== "money" && kpi.currency !== null) {
    problems.push({ path: "currency", message: "is only for a money KPI" });
  }
  if (kpi.unit === "percent") {
    for (const [path, value] of percentFields(kpi)) {
      if (value < 0 || value > 100) problems.push({ path, message: "must be a percent from 0 to 100" });
    }
  }
  if (kpi.thresholds !== null) {
    const { green, amber } = kpi.thresholds;
    if (kpi.direction === "up" && green < amber) {
      problems.push({ path: "thresholds.green", message: "must be at or above amber when up is good" });
    }
    if (kpi.direction === "down" && green > amber) {
      problems.push({ path: "thresholds.green", message: "must be at or below amber when down is good" });
    }
  }
  if (kpi.source === "computed" && kpi.measure === null) {
    problems.push({ path: "measure", message: "is required for a computed KPI" });
  }
  if (kpi.source === "manual" && kpi.measure !== null) {
    problems.push({ path: "measure", message: "is only for a computed KPI" });
  }
  if (kpi.source === "computed" && kpi.measure !== null && COMPUTED_MEASURES[kpi.measure].unit !== kpi.unit) {
    problems.push({ path: "unit", message: `must be ${COMPUTED_MEASURES[kpi.measure].unit} for this measure` });
  }
  return problems;
}

function percentFields(kpi: KpiShape): Array<[string, number]> {
  const fields: Array<[string, number]> = [
    ["baseline", kpi.baseline],
    ["target", kpi.target],
  ];
  if (kpi.thresholds !== null) {
    fields.push(["thresholds.green", kpi.thresholds.green], ["thresholds.amber", kpi.thresholds.amber]);
  }
  return fields;
}

/** What is wrong with one measurement of a KPI: a date outside its period, a percent outside 0–100. */
export function measurementProblems(
  kpi: Pick<KpiTerms, "unit" | "periodStart" | "periodEnd">,
  measurement: DatedValue,
  prefix = "",
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (measurement.date < kpi.periodStart || measurement.date > kpi.periodEnd) {
    problems.push({
      path: `${prefix}date`,
      message: `must be within the KPI's period, ${kpi.periodStart} to ${kpi.periodEnd}`,
    });
  }
  if (!Number.isFinite(measurement.value)) {
    problems.push({ path: `${prefix}value`, message: "must be a finite number" });
  } else if (kpi.unit === "percent" && (measurement.value < 0 || measurement.value > 100)) {
    problems.push({ path: `${prefix}value`, message: "must be a percent from 0 to 100" });
  }
  return problems;
}

/** The team kind of an owner, or null when there is no owner. */
export type OwnerSide = "marketing" | "it" | "security" | "legal" | "finance" | "other" | null;

/** Whether an objective is shared: both owners present, the marketing one on a marketing team, the IT one on IT. */
export function objectiveSharing(marketingOwner: OwnerSide, itOwner: OwnerSide) {
  const missing: string[] = [];
  if (marketingOwner === null) missing.push("no marketing owner");
  else if (marketingOwner !== "marketing") missing.push("the marketing owner is not on a marketing team");
  if (itOwner === null) missing.push("no IT owner");
  else if (itOwner !== "it") missing.push("the IT owner is not on an IT team");
  return {
    shared: missing.length === 0,
    notSharedReason: missing.length === 0 ? null : capitalise(missing.join("; ")),
  };
}

/** An owner as read (possibly from a left join): the side is the team's kind, none when the owner or team is missing. */
export type OwnerSideRead = {
  id: string | null;
  name: string | null;
  status: string | null;
  teamId: string | null;
  teamName: string | null;
  teamKind: OwnerSide;
} | null;

/** The side of an owner as read, or null when any of what shows them is missing. */
export function ownerSideOf(owner: OwnerSideRead): OwnerSide {
  if (!owner || owner.id === null || owner.name === null || owner.status === null) return null;
  if (owner.teamId === null || owner.teamName === null || owner.teamKind === null) return null;
  return owner.teamKind;
}

/** Whether an objective as read (both owners with their teams) is shared, and why not. */
export function objectiveSharingOf(objective: { marketingOwner: OwnerSideRead; itOwner: OwnerSideRead }) {
  return objectiveSharing(ownerSideOf(objective.marketingOwner), ownerSideOf(objective.itOwner));
}

/** A KPI as read with its objective's period and owners' sides and its latest value on or before a date. */
export type KpiRead = {
  kpi: Omit<KpiTerms, "periodStart" | "periodEnd" | "thresholds"> & { thresholds: KpiThresholds | null | undefined };
  objective: { periodStart: string; periodEnd: string; marketingOwnerKind: string | null; itOwnerKind: string | null };
  latestDate: string | null;
  latestValue: number | string | null;
};

/** The reading of a KPI as read, as of a date. */
export function readKpiAsOf(row: KpiRead, asOf: string): KpiReading {
  const { kpi } = row;
  const latest =
    row.latestDate !== null && row.latestValue !== null
      ? { date: row.latestDate, value: Number(row.latestValue) }
      : null;
  return readKpi(
    {
      baseline: kpi.baseline,
      target: kpi.target,
      direction: kpi.direction,
      thresholds: kpi.thresholds ?? null,
      unit: kpi.unit,
      currency: kpi.currency,
      periodStart: row.objective.periodStart,
      periodEnd: row.objective.periodEnd,
    },
    latest,
    asOf,
  );
}

/** Whether the objective of a KPI as read is shared. */
export function isKpiObjectiveShared(row: KpiRead): boolean {
  const side = (kind: string | null) => kind as OwnerSide;
  return objectiveSharing(side(row.objective.marketingOwnerKind), side(row.objective.itOwnerKind)).shared;
}

/** A computed KPI's measure; none for a manual one (the table's check keeps a computed KPI's measure one we know). */
export function computedMeasureOf(kpi: { source: "manual" | "computed"; measure: string | null }) {
  return kpi.source === "computed" ? (kpi.measure as ComputedMeasure) : null;
}

/** Revenue, acquisition, retention and customer experience face the customer; operations does not. */
export function isCustomerFacing(category: KpiCategory): boolean {
  return category !== "operations";
}

/** The fields of a KPI the side-by-side gaps look at. */
export type MeasuredKpi = {
  side: "marketing" | "it" | "other";
  customerFacing: boolean;
  category: KpiCategory;
  objectiveShared: boolean;
  measure: ComputedMeasure | null;
};

/** The gaps of "how each of us is measured", in words. */
export function measuredGaps(kpis: readonly MeasuredKpi[]): Array<{ code: string; message: string }> {
  const gaps: Array<{ code: string; message: string }> = [];
  const of = (side: MeasuredKpi["side"]) => kpis.filter((kpi) => kpi.side === side);
  for (const [side, label] of [
    ["marketing", "Marketing"],
    ["it", "IT"],
  ] as const) {
    const mine = of(side);
    if (mine.length === 0) gaps.push({ code: `${side}_owns_no_kpi`, message: `${label} owns no KPI` });
    else if (!mine.some((kpi) => kpi.customerFacing)) {
      gaps.push({ code: `${side}_owns_no_customer_facing_kpi`, message: `${label} owns no customer-facing KPI` });
    }
  }
  if (!kpis.some((kpi) => kpi.category === "revenue")) {
    gaps.push({ code: "no_revenue_kpi", message: "No KPI measures revenue, the metric both sides should share" });
  }
  if (!kpis.some((kpi) => kpi.category === "customer_experience")) {
    gaps.push({ code: "no_customer_experience_kpi", message: "No one owns a customer-experience KPI" });
  }
  const responsiveness: ComputedMeasure[] = ["marketing_requests_within_sla", "marketing_request_decision_hours"];
  if (!kpis.some((kpi) => kpi.measure !== null && responsiveness.includes(kpi.measure))) {
    gaps.push({ code: "no_responsiveness_kpi", message: "No KPI measures how quickly IT responds to marketing" });
  }
  const unshared = kpis.filter((kpi) => !kpi.objectiveShared).length;
  if (unshared > 0) {
    const noun = unshared === 1 ? "KPI serves an objective" : "KPIs serve objectives";
    gaps.push({
      code: "kpis_on_unshared_objectives",
      message: `${unshared} ${noun} that marketing and IT do not share`,
    });
  }
  return gaps;
}

const SEVERITY: Record<KpiStatus, number> = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3, achieved: 4 };

/** The top risks: off track, then at risk, furthest behind plan first. */
export function topRisks<T extends { status: KpiStatus; progress: number | null; elapsed: number }>(
  kpis: readonly T[],
  limit = 5,
): T[] {
  const behind = (kpi: T) => (kpi.progress === null ? 0 : kpi.elapsed - kpi.progress);
  return kpis
    .filter((kpi) => kpi.status === "off_track" || kpi.status === "at_risk")
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || behind(b) - behind(a))
    .slice(0, limit);
}
