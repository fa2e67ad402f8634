import { computeNormalCdf, computeNormalPdf, computeNormalQuantile } from "./distributions";
import type { EffectMoments } from "./statistics";
import type { Difference, Prior } from "./types";

/** Gaussian posterior of an effect with the quantities people read from it. */
export type BayesianOutcome = {
  mean: number;
  standardDeviation: number;
  ci: [number, number];
  chanceToWin: number;
  risk: [number, number];
};

/** Gaussian posterior of the effect: flat prior → N(estimate, se²); proper prior → precision-weighted. */
export function runBayesianTest(
  moments: EffectMoments,
  prior: Prior,
  difference: Difference,
  alpha: number,
): BayesianOutcome {
  const { estimate, variance } = moments;
  let mean = estimate;
  let precision = 1 / variance;
  if (prior.proper) {
    // The prior is stated on the relative lift; an absolute effect needs it in the metric's units.
    const scale = difference === "relative" ? 1 : Math.abs(moments.controlMean);
    const priorMean = prior.mean * scale;
    const priorVariance = prior.variance * scale * scale;
    precision += 1 / priorVariance;
    mean = (estimate / variance + priorMean / priorVariance) / precision;
  }
  const standardDeviation = Math.sqrt(1 / precision);
  const z = computeNormalQuantile(1 - alpha / 2);
  return {
    mean,
    standardDeviation,
    ci: [mean - z * standardDeviation, mean + z * standardDeviation],
    chanceToWin: computeNormalCdf(mean / standardDeviation),
    risk: computeRisk(mean, standardDeviation),
  };
}

/** Expected loss of choosing control, then treatment: [P(X>0)·E[X|X>0], −P(X<0)·E[X|X<0]]. */
export function computeRisk(mean: number, standardDeviation: number): [number, number] {
  const z = mean / standardDeviation;
  const density = standardDeviation * computeNormalPdf(z);
  // Closed forms of the truncated-normal means; max(0, …) only absorbs rounding in the far tails.
  const control = Math.max(0, mean * computeNormalCdf(z) + density);
  const treatment = Math.max(0, density - mean * computeNormalCdf(-z));
  return [control, treatment];
}
