import { computeNormalCdf, computeNormalQuantile } from "./distributions";
import { ExperimentInputError } from "./errors";
import { computeSequentialHalfWidth, computeSequentialRho } from "./frequentist";
import { type Difference, ExperimentDefaults, type Method, type Prior, type Sided } from "./types";

/** Baseline metric and test design of a power analysis; `effect` is the relative lift to detect (0.05 = +5%). */
export type PowerInput = {
  metric: "mean" | "proportion";
  mean: number;
  standardDeviation?: number;
  effect: number;
  variants?: number;
  method?: Method;
  sided?: Sided;
  difference?: Difference;
  alpha?: number;
  sequentialTuning?: number;
  prior?: Partial<Prior>;
};

/** Users needed per variant to reach the target power, in total, and in days at the given traffic. */
export type SampleSizeResult = { usersPerVariant: number; totalUsers: number; power: number; days?: number };

type PowerDesign = {
  mean: number;
  variance: number;
  variants: number;
  method: Method;
  sided: Sided;
  difference: Difference;
  alpha: number;
  sequentialTuning: number;
  prior: Prior;
};

const maxUsersPerVariant = 1e12;
const mdeGridStep = 1e-3;
const mdeGridLimit = 5;

/** Probability that the chosen method declares the effect significant with `usersPerVariant` units per arm. */
export function calculatePower(input: PowerInput & { usersPerVariant: number }): number {
  const design = readDesign(input);
  const effect = readEffect(input.effect, design);
  const n = readPositive(input.usersPerVariant, "usersPerVariant");
  if (n < 2) throw new ExperimentInputError("usersPerVariant", "must be at least 2");
  return computePower(design, effect, n);
}

/** Smallest number of users per variant reaching `power` (default 0.8), with total users and duration. */
export function calculateSampleSize(input: PowerInput & { power?: number; dailyUsers?: number }): SampleSizeResult {
  const design = readDesign(input);
  const effect = readEffect(input.effect, design);
  const target = readTargetPower(input.power);
  const reaches = (n: number) => computePower(design, effect, n) >= target;
  let high = 2;
  while (!reaches(high)) {
    if (high >= maxUsersPerVariant) {
      throw new ExperimentInputError(
        "effect",
        `cannot be detected with ${target} power by up to 10^12 users per variant`,
      );
    }
    high = Math.min(maxUsersPerVariant, high * 2);
  }
  // Power grows with the sample size, so bisection finds the first integer that reaches the target.
  let low = Math.max(1, Math.floor(high / 2));
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  const totalUsers = high * design.variants;
  const result: SampleSizeResult = { usersPerVariant: high, totalUsers, power: computePower(design, effect, high) };
  if (input.dailyUsers !== undefined) {
    const days = Math.ceil(totalUsers / readPositive(input.dailyUsers, "dailyUsers"));
    // A vanishing daily traffic (5e-324 users a day) would take more days than a number holds.
    if (!Number.isFinite(days))
      throw new ExperimentInputError("dailyUsers", "is too small to reach the sample in a finite number of days");
    result.days = days;
  }
  return result;
}

/** Smallest relative lift (negative for a "lesser" test) detected with `power`; null if none up to ±500%. */
export function calculateMinimumDetectableEffect(
  input: Omit<PowerInput, "effect"> & { usersPerVariant: number; power?: number },
): number | null {
  const design = readDesign(input);
  const n = readPositive(input.usersPerVariant, "usersPerVariant");
  const target = readTargetPower(input.power);
  const sign = design.sided === "lesser" ? -1 : 1;
  const powerAt = (lift: number) => computePower(design, sign * lift, n);
  // Bayesian power can fall again for large relative lifts, so scan a grid (GrowthBook's approach)
  // and refine the first crossing by bisection instead of bisecting the whole range.
  for (let step = 1; step * mdeGridStep <= mdeGridLimit + 1e-12; step += 1) {
    let high = step * mdeGridStep;
    if (powerAt(high) < target) continue;
    let low = high - mdeGridStep;
    while (high - low > 1e-10) {
      const middle = (low + high) / 2;
      if (powerAt(middle) >= target) high = middle;
      else low = middle;
    }
    return sign * high;
  }
  return null;
}

function computePower(design: PowerDesign, effect: number, n: number): number {
  const { mean, variance, alpha } = design;
  const treatmentMean = mean + effect * Math.abs(mean);
  const relative = design.difference === "relative";
  const effectOnScale = relative ? effect : effect * Math.abs(mean);
  const estimateVariance = relative
    ? variance / (n * mean * mean) + (variance * treatmentMean * treatmentMean) / (n * mean ** 4)
    : (2 * variance) / n;
  if (design.method === "bayesian") return computeBayesianPower(design, effectOnScale, estimateVariance);
  const z = computeNormalQuantile(design.sided === "two" ? 1 - alpha / 2 : 1 - alpha);
  let se = Math.sqrt(estimateVariance);
  if (design.method === "sequential") {
    // The confidence sequence read as a z-interval: its half-width divided by the fixed-horizon z.
    const rho = computeSequentialRho(design.sided === "two" ? alpha : 2 * alpha, design.sequentialTuning);
    se = computeSequentialHalfWidth(estimateVariance, 2 * n, rho, alpha, design.sided) / z;
  }
  const shift = effectOnScale / se;
  if (design.sided === "greater") return 1 - computeNormalCdf(z - shift);
  if (design.sided === "lesser") return computeNormalCdf(-z - shift);
  return 1 - computeNormalCdf(z - shift) + computeNormalCdf(-z - shift);
}

// Probability that the (1 − α) credible interval excludes 0 when the true effect is fixed (GrowthBook).
function computeBayesianPower(design: PowerDesign, effect: number, estimateVariance: number): number {
  const z = computeNormalQuantile(1 - design.alpha / 2);
  const se = Math.sqrt(estimateVariance);
  const { prior } = design;
  if (!prior.proper) return 1 - computeNormalCdf(z - effect / se) + computeNormalCdf(-z - effect / se);
  const scale = design.difference === "relative" ? 1 : Math.abs(design.mean);
  const priorMean = prior.mean * scale;
  const priorVariance = prior.variance * scale * scale;
  const posteriorPrecision = 1 / estimateVariance + 1 / priorVariance;
  const bound = estimateVariance * Math.sqrt(posteriorPrecision) * z;
  const pull = (estimateVariance * priorMean) / priorVariance;
  return 1 - computeNormalCdf((bound - pull - effect) / se) + computeNormalCdf((-bound - pull - effect) / se);
}

function readDesign(input: Omit<PowerInput, "effect">): PowerDesign {
  if (input.metric !== "mean" && input.metric !== "proportion") {
    throw new ExperimentInputError("metric", 'must be "mean" or "proportion" for a power analysis');
  }
  const mean = readNumber(input.mean, "mean");
  let variance: number;
  if (input.metric === "proportion") {
    if (!(mean > 0 && mean < 1)) throw new ExperimentInputError("mean", "must be a conversion rate between 0 and 1");
    variance = mean * (1 - mean);
  } else {
    variance = readPositive(input.standardDeviation, "standardDeviation") ** 2;
  }
  if (mean === 0) throw new ExperimentInputError("mean", "must not be zero (effects are stated relative to it)");
  const variants = input.variants ?? 2;
  if (!Number.isInteger(variants) || variants < 2)
    throw new ExperimentInputError("variants", "must be an integer of at least 2");
  const alpha = input.alpha ?? ExperimentDefaults.alpha;
  if (!(alpha > 0 && alpha < 0.5)) throw new ExperimentInputError("alpha", "must be greater than 0 and less than 0.5");
  const sequentialTuning = input.sequentialTuning ?? ExperimentDefaults.sequentialTuning;
  if (!(sequentialTuning > 0)) throw new ExperimentInputError("sequentialTuning", "must be a positive number");
  if (
    input.prior !== undefined &&
    (typeof input.prior !== "object" || input.prior === null || Array.isArray(input.prior))
  ) {
    throw new ExperimentInputError("prior", "must be an object {mean, variance, proper}");
  }
  const prior = { ...ExperimentDefaults.prior, ...input.prior };
  if (!(prior.variance > 0)) throw new ExperimentInputError("prior.variance", "must be a positive number");
  readNumber(prior.mean, "prior.mean");
  if (typeof prior.proper !== "boolean") throw new ExperimentInputError("prior.proper", "must be true or false");
  return {
    mean,
    variance,
    variants,
    method: readChoice(input.method, "method", ["frequentist", "sequential", "bayesian"]) ?? ExperimentDefaults.method,
    sided: readChoice(input.sided, "sided", ["two", "greater", "lesser"]) ?? ExperimentDefaults.sided,
    difference: readChoice(input.difference, "difference", ["relative", "absolute"]) ?? ExperimentDefaults.difference,
    alpha,
    sequentialTuning,
    prior,
  };
}

function readEffect(value: unknown, design: PowerDesign): number {
  const effect = readNumber(value, "effect");
  if (effect === 0) throw new ExperimentInputError("effect", "must not be zero");
  if (design.sided === "greater" && effect < 0)
    throw new ExperimentInputError("effect", 'must be positive for a "greater" test');
  if (design.sided === "lesser" && effect > 0)
    throw new ExperimentInputError("effect", 'must be negative for a "lesser" test');
  return effect;
}

function readTargetPower(value: number | undefined): number {
  const power = value ?? 0.8;
  if (!(power > 0 && power < 1)) throw new ExperimentInputError("power", "must be greater than 0 and less than 1");
  return power;
}

function readChoice<T extends string>(value: T | undefined, path: string, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value)) {
    throw new ExperimentInputError(path, `must be one of ${allowed.map((option) => `"${option}"`).join(", ")}`);
  }
  return value;
}

function readNumber(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ExperimentInputError(path, "must be a finite number");
  return value;
}

function readPositive(value: unknown, path: string): number {
  const number = readNumber(value, path);
  if (!(number > 0)) throw new ExperimentInputError(path, "must be a positive number");
  return number;
}
