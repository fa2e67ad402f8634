import {
  type AlignmentCriterion,
  CRITERIA,
  type Driver,
  type HealthSide,
  type ItemCriterion,
  MATURITY_LEVELS,
  type SignalSource,
  type SurveyStatus,
} from "#contracts/health";
import { teamKinds } from "../teams/team-kinds";

/** A criterion's name as Luftman's model calls it. */
export function criterionLabel(key: AlignmentCriterion): string {
  return CRITERIA[key].label;
}

/** What an item measures, in words (the outcome item included). */
export function itemCriterionLabel(key: ItemCriterion): string {
  return key === "outcome" ? "Overall outcome" : CRITERIA[key].label;
}

/** A maturity level's name ("3 · Established, focused"). */
export function levelLabel(level: number): string {
  const found = MATURITY_LEVELS.find((entry) => entry.level === level);
  return found ? found.label : "";
}

/** The side as people say it. */
export const sideLabels: Record<HealthSide, string> = { marketing: "Marketing", it: "IT" };

/** Chart colours of each side: the team kinds' colours used everywhere in the app. */
export const sideColors: Record<HealthSide, string> = {
  marketing: `${teamKinds.marketing.color}.6`,
  it: `${teamKinds.it.color}.7`,
};

/** Where a behavioural signal comes from. */
export const sourceLabels: Record<SignalSource, string> = {
  pipeline: "Pipeline",
  scorecard: "Scorecard",
  guardrails: "Guardrails",
  stack: "Stack",
  rituals: "Rituals",
};

/** A pulse's status, with a badge colour. */
export const surveyStatusMeta: Record<SurveyStatus, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  open: { label: "Open", color: "teal" },
  closed: { label: "Closed", color: "indigo" },
};

/** Driver kinds as headings. */
export const driverKindLabels: Record<Driver["kind"], string> = {
  low_criterion: "Lowest criteria",
  large_gap: "Largest gaps between the two sides",
  outcome_item: "Items most associated with the outcome",
};

/** A score on 0–100 with at most one decimal. */
export function formatScore(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value);
}

/** A change in points with its sign ("+2.5", "−1", "±0"). */
export function formatDelta(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return "±0";
  return `${rounded > 0 ? "+" : "−"}${formatScore(Math.abs(rounded))}`;
}

/** A colour for a change: green up, red down, grey flat. */
export function deltaColor(value: number | null): string {
  if (value === null || Math.round(value * 10) === 0) return "dimmed";
  return value > 0 ? "teal" : "red";
}

/** What a suppressed group shows instead of any figure: never a count. */
export function suppressedText(reason: "below_k" | "complement_below_k" | null, k: number): string {
  return reason === "complement_below_k"
    ? `Hidden: showing it would reveal a group of fewer than ${k}`
    : `Fewer than ${k} answered`;
}

/** A day (YYYY-MM-DD) as a short date. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
}
