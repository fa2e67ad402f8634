import { ExperimentInputError } from "./errors";
import type { AnalysisWarning, ArmStatistic, Difference, Moments } from "./types";

/** Point estimate and sampling variance of a treatment-versus-control effect, with what was adjusted to get it. */
export type EffectMoments = {
  estimate: number;
  variance: number;
  dof: number;
  controlMean: number;
  sampleSize: number;
  warnings: AnalysisWarning[];
};

/** How far past ±1 a correlation computed from rounded aggregates may come out and still be analysed (clamped). */
export const CorrelationRoundingTolerance = 1e-3;

type ArmSummary = { n: number; mean: number; unadjustedMean: number; variance: number };

/** Computes the effect of `treatment` over `control` (delta method for relative lift, CUPED, ratios). */
export function computeEffectMoments(
  control: ArmStatistic,
  treatment: ArmStatistic,
  difference: Difference,
  paths: [string, string],
): EffectMoments {
  const relative = difference === "relative";
  const warnings: AnalysisWarning[] = [];
  let a: ArmSummary;
  let b: ArmSummary;
  let cupedRelativeVariance: number | undefined;
  if (control.kind === "cuped" && treatment.kind === "cuped") {
    const theta = computeTheta(control, treatment);
    const covA = fitArmCovariance(control, paths[0], warnings);
    const covB = fitArmCovariance(treatment, paths[1], warnings);
    a = summarizeCuped(control, theta, covA);
    b = summarizeCuped(treatment, theta, covB);
    if (relative && theta !== 0)
      cupedRelativeVariance = computeCupedRelativeVariance(control, treatment, theta, covA, covB);
  } else {
    a = summarizeArm(control, paths[0], warnings);
    b = summarizeArm(treatment, paths[1], warnings);
  }
  if (!(a.variance > 0)) throw createNoVarianceError(paths[0]);
  if (!(b.variance > 0)) throw createNoVarianceError(paths[1]);
  if (relative && a.unadjustedMean === 0) {
    throw new ExperimentInputError(
      paths[0],
      'has a mean of zero, so a relative lift is undefined (use "difference": "absolute")',
    );
  }

  const controlMean = a.unadjustedMean;
  const estimate = relative ? (b.mean - a.mean) / Math.abs(controlMean) : b.mean - a.mean;
  const variance =
    cupedRelativeVariance ??
    (relative
      ? computeRatioVariance(b.unadjustedMean, b.variance / b.n, controlMean, a.variance / a.n, 0)
      : b.variance / b.n + a.variance / a.n);
  if (!(variance > 0) || !Number.isFinite(variance)) {
    throw new ExperimentInputError(
      paths[1],
      "gives a non-positive variance for the effect; the aggregates are inconsistent",
    );
  }
  return { estimate, variance, dof: computeWelchDof(a, b), controlMean, sampleSize: a.n + b.n, warnings };
}

/** Mean of one per-unit value. */
export function computeMomentsMean(moments: Moments): number {
  return moments.sum / moments.n;
}

/** Sample variance of one per-unit value: (Σx² − (Σx)²/n)/(n − 1), or p(1 − p) for a proportion. */
export function computeMomentsVariance(moments: Moments): number {
  if (moments.type === "proportion") {
    const p = moments.sum / moments.n;
    return p * (1 - p);
  }
  const centred = moments.sumSquares - (moments.sum * moments.sum) / moments.n;
  return Math.max(0, centred / (moments.n - 1));
}

/** Covariance of two per-unit values observed on the same n units. */
export function computeCovariance(n: number, a: Moments, b: Moments, sumOfProducts: number): number {
  if (a.type === "proportion" && b.type === "proportion") return sumOfProducts / n - (a.sum * b.sum) / (n * n);
  return (sumOfProducts - (a.sum * b.sum) / n) / (n - 1);
}

/** Delta-method variance of M/D given their means, variances and covariance. */
export function computeRatioVariance(meanM: number, varM: number, meanD: number, varD: number, covMD: number): number {
  return varM / meanD ** 2 + (varD * meanM ** 2) / meanD ** 4 - (2 * covMD * meanM) / meanD ** 3;
}

/** CUPED coefficient θ = cov(post, pre)/var(pre), pooled over both arms; 0 when either pooled variance is 0. */
export function computeTheta(
  a: Extract<ArmStatistic, { kind: "cuped" }>,
  b: Extract<ArmStatistic, { kind: "cuped" }>,
): number {
  const n = a.n + b.n;
  const post = joinMoments(a.post, b.post, n);
  const pre = joinMoments(a.pre, b.pre, n);
  const varPre = computeMomentsVariance(pre);
  const varPost = computeMomentsVariance(post);
  if (varPre === 0 || varPost === 0) return 0;
  return computeCovariance(n, post, pre, a.postPreSumOfProducts + b.postPreSumOfProducts) / varPre;
}

function joinMoments(a: Moments, b: Moments, n: number): Moments {
  if (a.type === "mean" && b.type === "mean")
    return { type: "mean", n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares };
  return { type: "proportion", n, sum: a.sum + b.sum };
}

function summarizeArm(arm: ArmStatistic, path: string, warnings: AnalysisWarning[]): ArmSummary {
  if (arm.kind === "moments") {
    const mean = computeMomentsMean(arm.value);
    return { n: arm.n, mean, unadjustedMean: mean, variance: computeMomentsVariance(arm.value) };
  }
  if (arm.kind === "cuped") return summarizeCuped(arm, 0, fitArmCovariance(arm, path, warnings));
  if (arm.d.sum === 0) throw new ExperimentInputError(`${path}.d.sum`, "must not be zero (the ratio's denominator)");
  const meanM = computeMomentsMean(arm.m);
  const meanD = computeMomentsMean(arm.d);
  const varM = computeMomentsVariance(arm.m);
  const varD = computeMomentsVariance(arm.d);
  const rawCov = computeCovariance(arm.n, arm.m, arm.d, arm.mdSumOfProducts);
  const cov = fitCovariance(rawCov, varM, varD, `${path}.mdSumOfProducts`, "m and d", warnings);
  const mean = arm.m.sum / arm.d.sum;
  return { n: arm.n, mean, unadjustedMean: mean, variance: computeRatioVariance(meanM, varM, meanD, varD, cov) };
}

// The arm's post/pre covariance, clamped when rounding pushed the correlation just past ±1.
function fitArmCovariance(arm: Extract<ArmStatistic, { kind: "cuped" }>, path: string, warnings: AnalysisWarning[]) {
  const cov = computeCovariance(arm.n, arm.post, arm.pre, arm.postPreSumOfProducts);
  const varPost = computeMomentsVariance(arm.post);
  const varPre = computeMomentsVariance(arm.pre);
  return fitCovariance(cov, varPost, varPre, `${path}.postPreSumOfProducts`, "post and pre", warnings);
}

function summarizeCuped(arm: Extract<ArmStatistic, { kind: "cuped" }>, theta: number, cov: number): ArmSummary {
  const postMean = computeMomentsMean(arm.post);
  const varPost = computeMomentsVariance(arm.post);
  const varPre = computeMomentsVariance(arm.pre);
  return {
    n: arm.n,
    mean: postMean - theta * computeMomentsMean(arm.pre),
    unadjustedMean: postMean,
    variance: varPost + theta * theta * varPre - 2 * theta * cov,
  };
}

// gbstats' delta method for (adjusted difference)/(control's unadjusted post mean).
function computeCupedRelativeVariance(
  a: Extract<ArmStatistic, { kind: "cuped" }>,
  b: Extract<ArmStatistic, { kind: "cuped" }>,
  theta: number,
  covA: number,
  covB: number,
): number {
  const meanA = computeMomentsMean(a.post);
  const meanB = computeMomentsMean(b.post);
  const varianceB =
    (computeMomentsVariance(b.post) + theta ** 2 * computeMomentsVariance(b.pre) - 2 * theta * covB) /
    (b.n * meanA ** 2);
  const varianceA =
    ((computeMomentsVariance(a.post) * meanB ** 2) / meanA ** 2 -
      (2 * theta * covA * meanB) / meanA +
      theta ** 2 * computeMomentsVariance(a.pre)) /
    (a.n * meanA ** 2);
  return varianceA + varianceB;
}

function computeWelchDof(a: ArmSummary, b: ArmSummary): number {
  const numerator = (b.variance / b.n + a.variance / a.n) ** 2;
  const denominator = b.variance ** 2 / (b.n ** 2 * (b.n - 1)) + a.variance ** 2 / (a.n ** 2 * (a.n - 1));
  return numerator / denominator;
}

// Cauchy–Schwarz: |cov| ≤ sd·sd. Aggregates rounded before they reach us (GrowthBook analyses such a case at
// ρ = 1.00015) may land just past it: up to the tolerance the covariance is clamped to ±sd·sd and a warning says
// so; beyond it the numbers cannot come from one set of units and are refused.
function fitCovariance(
  cov: number,
  varX: number,
  varY: number,
  path: string,
  what: string,
  warnings: AnalysisWarning[],
): number {
  const bound = Math.sqrt(varX * varY);
  if (cov * cov <= varX * varY * (1 + 1e-9) + 1e-300) return cov;
  const correlation = cov / bound;
  if (Math.abs(correlation) > 1 + CorrelationRoundingTolerance) {
    throw new ExperimentInputError(
      path,
      `is inconsistent with ${what} (their correlation would be ${correlation.toPrecision(6)}, beyond ±1 by more than rounding explains)`,
    );
  }
  warnings.push({
    path,
    message: `gives ${what} a correlation of ${correlation.toPrecision(6)}, just past ±1 (rounding in the aggregates); it was clamped to ${Math.sign(correlation)}`,
  });
  return Math.sign(cov) * bound;
}

function createNoVarianceError(path: string): ExperimentInputError {
  return new ExperimentInputError(
    path,
    "has no variance (every unit has the same value); each variant needs some variation",
  );
}
