// A treatment's result in plain words: the verdict, and the sentence that says it.
import type { MetricDefinition } from "#contracts/experiments";
import type { ExperimentResult } from "#engines/experiments";

type Verdict = "win" | "loss" | "inconclusive";

/** Formats an effect on its scale: "4.1%", "1.2 percentage points", "0.53". */
export function formatEffect(value: number, definition: MetricDefinition): string {
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const magnitude = Math.abs(value);
  if (definition.difference === "relative") return `${formatNumber(magnitude * 100)}%`;
  if (definition.type === "proportion") return `${formatNumber(magnitude * 100)} percentage points`;
  return formatNumber(magnitude);
}

function formatSigned(value: number, definition: MetricDefinition): string {
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const text = formatEffect(value, definition).replace(" percentage points", " pp");
  return value < 0 ? `−${text}` : text;
}

/** A number with as many decimals as its size deserves. */
export function formatNumber(value: number): string {
  // Thresholds a hair below 100, 1 and 0.1, so 0.9996 reads "1.0" rather than "1.00".
  const digits = value >= 99.95 ? 0 : value >= 0.995 ? 1 : value >= 0.0995 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A p-value as a reading cites it. */
export function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

/** A share as a percentage, never rounded to 0% or 100% when it is neither. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent > 99.9 && percent < 100) return ">99.9%";
  if (percent < 0.1 && percent > 0) return "<0.1%";
  return `${percent.toFixed(percent >= 10 ? 0 : 1)}%`;
}

/** Win, loss or inconclusive, and the plain-words reading of one treatment against the control. */
export function readVariant(
  definition: MetricDefinition,
  control: string,
  variant: ExperimentResult["variants"][number],
): { verdict: Verdict; sentence: string } {
  const good = definition.direction === "increase" ? 1 : -1;
  const verb = variant.estimate > 0 ? "raised" : variant.estimate < 0 ? "lowered" : "did not change";
  const level = `${formatNumber((1 - definition.alpha) * 100).replace(/\.0$/, "")}%`;
  const [low, high] = variant.ci;
  const interval = `${formatSigned(low, definition)} to ${formatSigned(high, definition)}`;
  const effect = variant.estimate === 0 ? "" : ` by ${formatEffect(variant.estimate, definition)}`;
  if (definition.method === "bayesian") {
    const chanceToWin = variant.chanceToWin ?? 0.5;
    const chanceBetter = good > 0 ? chanceToWin : 1 - chanceToWin;
    const verdict: Verdict =
      chanceBetter >= 1 - definition.alpha ? "win" : chanceBetter <= definition.alpha ? "loss" : "inconclusive";
    const conclusion =
      verdict === "win"
        ? `${variant.name} is very likely better than ${control}`
        : verdict === "loss"
          ? `${variant.name} is very likely worse than ${control}`
          : "not conclusive yet";
    return {
      verdict,
      sentence: `${variant.name} ${verb} ${definition.name}${effect} (${level} credible interval ${interval}); a ${formatPercent(chanceBetter)} chance of being better than ${control}: ${conclusion}.`,
    };
  }
  const pValue = variant.pValue ?? 1;
  const significant = pValue < definition.alpha;
  const better = variant.estimate * good > 0;
  const verdict: Verdict = significant ? (better ? "win" : "loss") : "inconclusive";
  const any = definition.method === "sequential" ? ", valid at any look" : "";
  const conclusion = significant
    ? `this is unlikely to be chance (${formatP(pValue)}${any})`
    : `this could well be chance (${formatP(pValue)}${any}): no conclusion yet`;
  return {
    verdict,
    sentence: `${variant.name} ${verb} ${definition.name}${effect} (${level} CI ${interval}); ${conclusion}.`,
  };
}
