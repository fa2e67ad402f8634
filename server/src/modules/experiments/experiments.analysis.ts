import type {
  ExperimentHeadline,
  ExperimentResults,
  ExperimentStatus,
  MetricAggregates,
  MetricDefinition,
  MetricResult,
  ResultWarning,
  VariantAggregates,
} from "#contracts/experiments";
import {
  analyzeExperiment,
  calculatePower,
  calculateSampleSize,
  ExperimentInputError,
  type ExperimentResult,
  serializeResult,
} from "#engines/experiments";
import { buildEngineInput, type ExperimentDesign, metricsOf, sameName } from "./experiments.design";
import { formatNumber, formatP, formatPercent, readVariant } from "./experiments.reading";

/** The sample-ratio p-value below which the split is called broken (GrowthBook's default threshold). */
export const SRM_THRESHOLD = 0.001;
/** The power a test should reach to detect its minimum detectable effect. */
export const TARGET_POWER = 0.8;

/** The units in a snapshot: the primary metric's n summed over the variants. */
export function countUnits(design: ExperimentDesign, metrics: MetricAggregates[]): number {
  const primary = metrics.find((entry) => sameName(entry.metric, design.primaryMetric.name));
  return (primary?.variants ?? []).reduce((total, variant) => total + variant.n, 0);
}

function observedMean(type: MetricDefinition["type"], entry: VariantAggregates | undefined): number | null {
  if (!entry || !(entry.n > 0)) return null;
  if (type === "mean" || type === "proportion") return entry.sum === undefined ? null : entry.sum / entry.n;
  if (type === "cuped") return entry.post ? entry.post.sum / entry.n : null;
  if (entry.m && entry.d && entry.d.sum !== 0) return entry.m.sum / entry.d.sum;
  return null;
}

function standardDeviationOf(type: MetricDefinition["type"], entry: VariantAggregates): number | null {
  const moments =
    type === "mean"
      ? { sum: entry.sum, sumSquares: entry.sumSquares }
      : type === "cuped"
        ? { sum: entry.post?.sum, sumSquares: entry.post?.sumSquares }
        : null;
  if (!moments || moments.sum === undefined || moments.sumSquares === undefined || entry.n < 2) return null;
  const variance = (moments.sumSquares - (moments.sum * moments.sum) / entry.n) / (entry.n - 1);
  return variance > 0 ? Math.sqrt(variance) : null;
}

/** Analyses the latest snapshot against the design: every metric, SRM, power, readings and warnings. */
export function analyzeSnapshot(
  design: ExperimentDesign,
  metrics: MetricAggregates[] | null,
  snapshotCount: number,
): Omit<ExperimentResults, "snapshot"> {
  if (!metrics) return { snapshotCount, metrics: [], srm: null, power: null, warnings: [] };
  const warnings: ResultWarning[] = [];
  const results: MetricResult[] = [];
  let srm: ExperimentResults["srm"] = null;
  let power: ExperimentResults["power"] = null;
  const control = design.variants[0].name;
  for (const definition of metricsOf(design)) {
    const data = metrics.find((entry) => sameName(entry.metric, definition.name));
    if (!data) {
      if (definition.role !== "primary") {
        warnings.push({
          code: "missing_metric",
          severity: "info",
          metric: definition.name,
          message: `No numbers for ${definition.name} in the latest results.`,
        });
      }
      continue;
    }
    const variants = design.variants.map((variant) => {
      const entry = data.variants.find((candidate) => sameName(candidate.variant, variant.name));
      return { name: variant.name, n: entry?.n ?? 0, mean: observedMean(definition.type, entry) };
    });
    const base = {
      metric: definition.name,
      role: definition.role,
      type: definition.type,
      direction: definition.direction,
      method: definition.method,
      difference: definition.difference,
      alpha: definition.alpha,
      variants,
    };
    let analysis: ExperimentResult;
    try {
      analysis = analyzeExperiment(buildEngineInput(definition, design.variants, data));
    } catch (error) {
      if (!(error instanceof ExperimentInputError)) throw error;
      const message = error.message.slice(error.path.length).trim() || error.message;
      results.push({ ...base, analysis: null, error: { path: error.path, message }, readings: [] });
      warnings.push({
        code: "analysis_failed",
        severity: "warning",
        metric: definition.name,
        message: `${definition.name} could not be analysed: ${message}.`,
      });
      continue;
    }
    const readings = analysis.variants.map((variant) => ({
      variant: variant.name,
      ...readVariant(definition, control, variant),
    }));
    results.push({ ...base, analysis: serializeResult(analysis), error: null, readings });
    for (const adjusted of analysis.warnings ?? []) {
      warnings.push({
        code: "adjusted_input",
        severity: "info",
        metric: definition.name,
        message: `${definition.name}: ${adjusted.path} ${adjusted.message}.`,
      });
    }
    if (definition.role === "primary") {
      const totalWeight = design.variants.reduce((sum, variant) => sum + variant.weight, 0);
      srm = {
        pValue: analysis.srmPValue,
        isMismatch: analysis.srmPValue < SRM_THRESHOLD,
        observed: variants.map((variant) => variant.n),
        expectedShare: design.variants.map((variant) => variant.weight / totalWeight),
      };
      if (srm.isMismatch) warnings.push(srmWarning(design, srm));
      if (definition.method === "frequentist" && (design.status === "running" || snapshotCount > 1)) {
        warnings.push(peekingWarning(design.status, snapshotCount));
      }
      power = computePowerCheck(definition, design, data);
      if (power && power.usersPerVariantNeeded !== null && power.smallestVariant < power.usersPerVariantNeeded) {
        warnings.push({
          code: "underpowered",
          severity: "warning",
          metric: definition.name,
          message: `Under-powered: detecting a ${formatNumber(power.mde * 100)}% change in ${definition.name} with ${TARGET_POWER * 100}% power needs ${power.usersPerVariantNeeded.toLocaleString("en-US")} units per variant; the smallest variant has ${power.smallestVariant.toLocaleString("en-US")}${power.power === null ? "" : ` (power ${formatPercent(power.power)})`}. A result that is not significant says little yet.`,
        });
      }
    }
    if (definition.role === "guardrail") {
      for (const reading of readings.filter((entry) => entry.verdict === "loss")) {
        warnings.push({
          code: "guardrail",
          severity: "critical",
          metric: definition.name,
          message: `Guardrail breached: ${reading.sentence}`,
        });
      }
    }
  }
  const order = { critical: 0, warning: 1, info: 2 } as const;
  warnings.sort((a, b) => order[a.severity] - order[b.severity]);
  return { snapshotCount, metrics: results, srm, power, warnings };
}

function srmWarning(design: ExperimentDesign, srm: NonNullable<ExperimentResults["srm"]>): ResultWarning {
  const observed = srm.observed.map((n) => n.toLocaleString("en-US")).join(" / ");
  const planned = srm.expectedShare.map((share) => formatPercent(share)).join(" / ");
  return {
    code: "srm",
    severity: "critical",
    metric: design.primaryMetric.name,
    message: `Sample ratio mismatch: the variants got ${observed} units where ${planned} was planned (${formatP(srm.pValue)}). Assignment or tracking is broken; do not trust these results until it is fixed.`,
  };
}

function peekingWarning(status: ExperimentStatus, snapshotCount: number): ResultWarning {
  const looks = snapshotCount > 1 ? ` and has been looked at ${snapshotCount} times` : "";
  const now = status === "running" ? " is still running" : "";
  return {
    code: "peeking",
    severity: "warning",
    metric: null,
    message: `Peeking: this fixed-horizon (frequentist) test${now}${looks}. Every look before the planned sample raises the chance of a false positive. Wait for the planned sample, or use the sequential method, which stays valid at every look.`,
  };
}

function computePowerCheck(
  definition: MetricDefinition,
  design: ExperimentDesign,
  data: MetricAggregates,
): ExperimentResults["power"] {
  if (definition.mde === null || definition.type === "ratio") return null;
  const controlEntry = data.variants.find((entry) => sameName(entry.variant, design.variants[0].name));
  if (!controlEntry) return null;
  const smallestVariant = Math.min(...data.variants.map((entry) => entry.n));
  const isProportion =
    definition.type === "proportion" || (definition.type === "cuped" && controlEntry.post?.sumSquares === undefined);
  const mean = observedMean(definition.type, controlEntry);
  const standardDeviation = isProportion ? undefined : standardDeviationOf(definition.type, controlEntry);
  if (mean === null || (!isProportion && standardDeviation === null)) return null;
  const input = {
    metric: isProportion ? ("proportion" as const) : ("mean" as const),
    mean,
    ...(standardDeviation ? { standardDeviation } : {}),
    effect: definition.sided === "lesser" ? -definition.mde : definition.mde,
    variants: design.variants.length,
    method: definition.method,
    sided: definition.sided,
    difference: definition.difference,
    alpha: definition.alpha,
  };
  try {
    const needed = calculateSampleSize({ ...input, power: TARGET_POWER }).usersPerVariant;
    const achieved = smallestVariant >= 2 ? calculatePower({ ...input, usersPerVariant: smallestVariant }) : null;
    return { mde: definition.mde, usersPerVariantNeeded: needed, smallestVariant, power: achieved };
  } catch (error) {
    if (error instanceof ExperimentInputError) {
      return { mde: definition.mde, usersPerVariantNeeded: null, smallestVariant, power: null };
    }
    throw error;
  }
}

/** The list's glance at the latest analysis: the most telling treatment on the primary metric. */
export function buildHeadline(results: Omit<ExperimentResults, "snapshot">, at: Date): ExperimentHeadline | null {
  const primary = results.metrics.find((metric) => metric.role === "primary");
  if (!primary?.analysis) return null;
  const good = primary.direction === "increase" ? 1 : -1;
  const rank = { win: 0, loss: 1, inconclusive: 2 } as const;
  const candidates = primary.analysis.variants.map((variant, index) => ({
    variant,
    verdict: primary.readings[index]?.verdict ?? "inconclusive",
  }));
  candidates.sort((a, b) => rank[a.verdict] - rank[b.verdict] || good * (b.variant.estimate - a.variant.estimate));
  const best = candidates[0];
  if (!best) return null;
  return {
    metric: primary.metric,
    variant: best.variant.name,
    estimate: best.variant.estimate,
    ci: best.variant.ci,
    difference: primary.difference,
    verdict: best.verdict,
    warnings: results.warnings.filter((warning) => warning.severity !== "info").length,
    at: at.toISOString(),
  };
}
