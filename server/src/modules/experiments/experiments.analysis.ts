import type {
  ExperimentHeadline,
  ExperimentResults,
  ExperimentStatus,
  MetricAggregates,
  MetricDefinition,
  MetricResult,
  ResultWarning,
  SecondaryMetric,
  VariantAggregates,
  VariantDefinition,
} from "#contracts/experiments";
import {
  analyzeExperiment,
  calculatePower,
  calculateSampleSize,
  ExperimentInputError,
  type ExperimentResult,
  serializeResult,
} from "#engines/experiments";

/** The sample-ratio p-value below which the split is called broken (GrowthBook's default threshold). */
export const SRM_THRESHOLD = 0.001;
/** The power a test should reach to detect its minimum detectable effect. */
export const TARGET_POWER = 0.8;

/** What the analysis needs to know about an experiment. */
export interface ExperimentDesign {
  status: ExperimentStatus;
  variants: VariantDefinition[];
  primaryMetric: MetricDefinition;
  otherMetrics: SecondaryMetric[];
}

type Verdict = "win" | "loss" | "inconclusive";
type Definition = MetricDefinition & { role: "primary" | "guardrail" | "secondary" };

/** Every metric of a design, the primary first. */
export function metricsOf(design: Pick<ExperimentDesign, "primaryMetric" | "otherMetrics">): Definition[] {
  return [{ ...design.primaryMetric, role: "primary" }, ...design.otherMetrics];
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The engine's input for one metric: the variants in the design's order, the control first. */
export function buildEngineInput(definition: MetricDefinition, variants: VariantDefinition[], data: MetricAggregates) {
  return {
    metric: definition.type,
    method: definition.method,
    sided: definition.sided,
    difference: definition.difference,
    alpha: definition.alpha,
    expectedSplit: variants.map((variant) => variant.weight),
    variants: variants.map((variant) => {
      const found = data.variants.find((entry) => sameName(entry.variant, variant.name));
      return found ? engineVariant(variant.name, found) : { name: variant.name };
    }),
  };
}

function engineVariant(name: string, entry: VariantAggregates) {
  const { variant: _variant, ...numbers } = entry;
  return { name, ...Object.fromEntries(Object.entries(numbers).filter(([, value]) => value !== undefined)) };
}

/** A field error of a snapshot: where in the body, and what is wrong. */
export interface SnapshotProblem {
  path: string;
  message: string;
}

/**
 * Checks a snapshot against the design: known metrics (the primary one present), every variant once,
 * and numbers the engine accepts. Paths name the body's fields (`metrics.0.variants.1.sum`).
 */
export function checkSnapshot(design: ExperimentDesign, metrics: MetricAggregates[]): SnapshotProblem[] {
  // Paths as Zod writes them (`metrics.0.variants.1.sum`), so forms place both kinds of error alike.
  return findSnapshotProblems(design, metrics).map((problem) => ({
    ...problem,
    path: problem.path.replace(/\[(\d+)\]/g, ".$1"),
  }));
}

function findSnapshotProblems(design: ExperimentDesign, metrics: MetricAggregates[]): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const definitions = metricsOf(design);
  if (!metrics.some((entry) => sameName(entry.metric, design.primaryMetric.name))) {
    problems.push({ path: "metrics", message: `must include the primary metric "${design.primaryMetric.name}"` });
  }
  metrics.forEach((entry, index) => {
    const path = `metrics[${index}]`;
    const definition = definitions.find((candidate) => sameName(candidate.name, entry.metric));
    if (!definition) {
      problems.push({
        path: `${path}.metric`,
        message: `is not a metric of this experiment (${definitions.map((d) => `"${d.name}"`).join(", ")})`,
      });
      return;
    }
    if (metrics.findIndex((other) => sameName(other.metric, entry.metric)) !== index) {
      problems.push({ path: `${path}.metric`, message: "appears twice" });
      return;
    }
    const seen = new Set<string>();
    entry.variants.forEach((variant, variantIndex) => {
      const known = design.variants.some((candidate) => sameName(candidate.name, variant.variant));
      const key = variant.variant.trim().toLowerCase();
      if (!known) {
        problems.push({
          path: `${path}.variants[${variantIndex}].variant`,
          message: `is not a variant of this experiment (${design.variants.map((v) => `"${v.name}"`).join(", ")})`,
        });
      } else if (seen.has(key)) {
        problems.push({ path: `${path}.variants[${variantIndex}].variant`, message: "appears twice" });
      }
      seen.add(key);
    });
    const missing = design.variants.filter((variant) => !seen.has(variant.name.trim().toLowerCase()));
    if (missing.length > 0) {
      problems.push({
        path: `${path}.variants`,
        message: `must give numbers for every variant (missing ${missing.map((v) => `"${v.name}"`).join(", ")})`,
      });
    }
    if (problems.length > 0) return;
    try {
      analyzeExperiment(buildEngineInput(definition, design.variants, entry));
    } catch (error) {
      if (!(error instanceof ExperimentInputError)) throw error;
      problems.push(mapEnginePath(error, path, design.variants, entry));
    }
  });
  return problems;
}

// The engine names `variants[k]` in the design's order; the body may list them in another order.
function mapEnginePath(
  error: ExperimentInputError,
  path: string,
  variants: VariantDefinition[],
  entry: MetricAggregates,
): SnapshotProblem {
  const message = error.message.slice(error.path.length).trim() || error.message;
  const match = /^variants\[(\d+)\](.*)$/.exec(error.path);
  if (!match) return { path: `${path}.${error.path || "variants"}`, message };
  const name = variants[Number(match[1])]?.name ?? "";
  const bodyIndex = entry.variants.findIndex((variant) => sameName(variant.variant, name));
  return { path: `${path}.variants[${bodyIndex}]${match[2]}`, message };
}

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

function formatNumber(value: number): string {
  // Thresholds a hair below 100, 1 and 0.1, so 0.9996 reads "1.0" rather than "1.00".
  const digits = value >= 99.95 ? 0 : value >= 0.995 ? 1 : value >= 0.0995 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

function formatPercent(share: number): string {
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
