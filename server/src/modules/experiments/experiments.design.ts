// An experiment's design as the analysis reads it: its metrics, the engine's input, and the checks a snapshot
// must pass before it is stored.
import type {
  ExperimentStatus,
  MetricAggregates,
  MetricDefinition,
  SecondaryMetric,
  VariantAggregates,
  VariantDefinition,
} from "#contracts/experiments";
import { analyzeExperiment, ExperimentInputError } from "#engines/experiments";

/** What the analysis needs to know about an experiment. */
export interface ExperimentDesign {
  status: ExperimentStatus;
  variants: VariantDefinition[];
  primaryMetric: MetricDefinition;
  otherMetrics: SecondaryMetric[];
}

type Definition = MetricDefinition & { role: "primary" | "guardrail" | "secondary" };

/** Every metric of a design, the primary first. */
export function metricsOf(design: Pick<ExperimentDesign, "primaryMetric" | "otherMetrics">): Definition[] {
  return [{ ...design.primaryMetric, role: "primary" }, ...design.otherMetrics];
}

/** Whether two names are the same, whatever the case and surrounding spaces. */
export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

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
