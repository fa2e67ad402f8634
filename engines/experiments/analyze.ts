import { runBayesianTest } from "./bayesian";
import { adjustPValues } from "./corrections";
import { ExperimentInputError } from "./errors";
import { runSequentialTest, runTTest } from "./frequentist";
import { computeSrmPValue } from "./srm";
import { computeEffectMoments } from "./statistics";
import type { AnalysisPlan, AnalysisWarning, ExperimentResult, VariantResult } from "./types";
import { parseExperimentInput } from "./validate";

/** A confidence bound as written in JSON, where ±Infinity becomes a string. */
export type JsonBound = number | "Infinity" | "-Infinity";

/** Result for one treatment variant as written in JSON. */
export type JsonVariantResult = Omit<VariantResult, "ci"> & { ci: [JsonBound, JsonBound] };

/** Result of one analysis as written in JSON (the output of `tandem experiment analyze`). */
export type JsonExperimentResult = { srmPValue: number; variants: JsonVariantResult[]; warnings?: AnalysisWarning[] };

/** Analyses an experiment given as an ExperimentInput (checked at runtime; throws ExperimentInputError). */
export function analyzeExperiment(input: unknown): ExperimentResult {
  return runAnalysis(parseExperimentInput(input));
}

/** Analyses an already validated plan: every treatment against the control, then SRM and corrections. */
export function runAnalysis(plan: AnalysisPlan): ExperimentResult {
  const [control, ...treatments] = plan.arms;
  const warnings = new Map<string, AnalysisWarning>();
  const variants = treatments.map((arm, offset): VariantResult => {
    const index = offset + 1;
    const name = plan.names[index];
    const moments = computeEffectMoments(control, arm, plan.difference, ["variants[0]", `variants[${index}]`]);
    // The control is compared with every treatment: say each adjustment once.
    for (const warning of moments.warnings) warnings.set(`${warning.path}\n${warning.message}`, warning);
    const standardError = Math.sqrt(moments.variance);
    if (plan.method === "bayesian") {
      const posterior = runBayesianTest(moments, plan.prior, plan.difference, plan.alpha);
      return {
        name,
        estimate: posterior.mean,
        ci: posterior.ci,
        standardError: posterior.standardDeviation,
        chanceToWin: posterior.chanceToWin,
        risk: posterior.risk,
      };
    }
    const outcome =
      plan.method === "sequential"
        ? runSequentialTest(moments, plan.sided, plan.alpha, plan.sequentialTuning)
        : runTTest(moments, plan.sided, plan.alpha);
    return { name, estimate: moments.estimate, ci: outcome.ci, standardError, pValue: outcome.pValue };
  });

  if (plan.correction !== undefined) {
    const adjusted = adjustPValues(
      variants.map((variant) => variant.pValue ?? 1),
      plan.correction,
    );
    variants.forEach((variant, index) => {
      variant.adjustedPValue = adjusted[index];
    });
  }
  const result: ExperimentResult = {
    srmPValue: computeSrmPValue(
      plan.arms.map((arm) => arm.n),
      plan.expectedSplit,
    ),
    variants,
  };
  if (warnings.size > 0) result.warnings = [...warnings.values()];
  checkFinite(result);
  return result;
}

/** Turns a result into plain JSON values: infinite confidence bounds become "Infinity" / "-Infinity". */
export function serializeResult(result: ExperimentResult): JsonExperimentResult {
  return {
    srmPValue: result.srmPValue,
    variants: result.variants.map((variant) => ({
      ...variant,
      ci: [writeBound(variant.ci[0]), writeBound(variant.ci[1])],
    })),
    ...(result.warnings ? { warnings: result.warnings } : {}),
  };
}

function writeBound(bound: number): JsonBound {
  if (bound === Number.POSITIVE_INFINITY) return "Infinity";
  if (bound === Number.NEGATIVE_INFINITY) return "-Infinity";
  return bound;
}

// Extreme but valid-looking input (e.g. sums near the float limit) could still overflow; the promise is
// a clear error rather than NaN in a response.
function checkFinite(result: ExperimentResult): void {
  const bad = (value: number) =>
    Number.isNaN(value) || (!Number.isFinite(value) && Math.abs(value) !== Number.POSITIVE_INFINITY);
  if (Number.isNaN(result.srmPValue))
    throw new ExperimentInputError("variants", "gave a sample-ratio test that is not a number");
  result.variants.forEach((variant, offset) => {
    const values = [
      variant.estimate,
      variant.standardError,
      variant.pValue,
      variant.adjustedPValue,
      variant.chanceToWin,
      ...(variant.risk ?? []),
    ];
    const finite = values.every((value) => value === undefined || Number.isFinite(value)) && !variant.ci.some(bad);
    if (!finite)
      throw new ExperimentInputError(
        `variants[${offset + 1}]`,
        "gives results that are not finite numbers; check its aggregates",
      );
  });
}
