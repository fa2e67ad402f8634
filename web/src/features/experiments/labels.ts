import type { ExperimentHeadline, ExperimentOutcome, ExperimentStatus, MetricDefinition } from "#contracts/experiments";

/** How each status reads, and its colour. */
export const statusMeta: Record<ExperimentStatus, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  running: { label: "Running", color: "blue" },
  stopped: { label: "Stopped", color: "orange" },
  decided: { label: "Decided", color: "teal" },
};

/** How each decision reads, and its colour. */
export const outcomeMeta: Record<ExperimentOutcome, { label: string; color: string; description: string }> = {
  shipped: { label: "Shipped", color: "teal.9", description: "The change goes live for everyone" },
  rolled_back: { label: "Rolled back", color: "red.9", description: "The change is removed; the control stays" },
  iterate: { label: "Iterate", color: "violet.9", description: "Learn from it and run a follow-up" },
};

export const statusOptions = (Object.keys(statusMeta) as ExperimentStatus[]).map((value) => ({
  value,
  label: statusMeta[value].label,
}));

export const outcomeOptions = (Object.keys(outcomeMeta) as ExperimentOutcome[]).map((value) => ({
  value,
  label: outcomeMeta[value].label,
}));

export const metricTypeOptions = [
  { value: "proportion", label: "Proportion (a rate: sign-ups, conversions)" },
  { value: "mean", label: "Mean (revenue per visitor, time on page)" },
  { value: "cuped", label: "Mean with CUPED (uses pre-period data to reduce noise)" },
  { value: "ratio", label: "Ratio (revenue per order, clicks per session)" },
];

export const methodOptions = [
  { value: "frequentist", label: "Frequentist (fixed horizon: read once, at the planned sample)" },
  { value: "sequential", label: "Sequential (valid at every look)" },
  { value: "bayesian", label: "Bayesian (chance to beat control)" },
];

/** The label of what a verdict means for the list. */
export const verdictMeta = {
  win: { label: "Winning", color: "teal" },
  loss: { label: "Losing", color: "red" },
  inconclusive: { label: "Inconclusive", color: "gray" },
} as const;

type Bound = number | "Infinity" | "-Infinity";

/** A bound as a number (the API sends ±Infinity as strings). */
export function boundValue(bound: Bound): number {
  if (bound === "Infinity") return Number.POSITIVE_INFINITY;
  if (bound === "-Infinity") return Number.NEGATIVE_INFINITY;
  return bound;
}

function formatNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  const digits = magnitude >= 99.95 ? 0 : magnitude >= 0.995 ? 1 : magnitude >= 0.0995 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An effect with its sign on its scale: "+4.1%", "−1.2 pp", "+0.53". */
export function formatEffect(
  value: number | Bound,
  scale: { difference: "relative" | "absolute"; type?: MetricDefinition["type"] },
): string {
  const number = typeof value === "number" ? value : boundValue(value);
  if (!Number.isFinite(number)) return number > 0 ? "+∞" : "−∞";
  const sign = number > 0 ? "+" : number < 0 ? "−" : "";
  const magnitude = Math.abs(number);
  if (scale.difference === "relative") return `${sign}${formatNumber(magnitude * 100)}%`;
  if (scale.type === "proportion") return `${sign}${formatNumber(magnitude * 100)} pp`;
  return `${sign}${formatNumber(magnitude)}`;
}

/** The list's glance: "Short form +20.0% (+8.1% to +31.9%)". */
export function describeHeadline(headline: ExperimentHeadline): string {
  const [low, high] = headline.ci;
  const scale = { difference: headline.difference };
  return `${headline.variant} ${formatEffect(headline.estimate, scale)} (${formatEffect(low, scale)} to ${formatEffect(high, scale)})`;
}

/** An observed mean: a rate as a percentage, a number otherwise. */
export function formatObserved(value: number | null, type: MetricDefinition["type"]): string {
  if (value === null) return "—";
  if (type === "proportion") return `${(value * 100).toFixed(2)}%`;
  return value.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
