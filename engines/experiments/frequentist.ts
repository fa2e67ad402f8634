import { computeTCdf, computeTQuantile } from "./distributions";
import type { EffectMoments } from "./statistics";
import type { Sided } from "./types";

/** Outcome of a frequentist test on one effect. */
export type TestOutcome = { pValue: number; ci: [number, number] };

// gbstats searches one-sided sequential p-values in [1e-5, 0.4999]; we return the same clamp.
const sequentialOneSidedBounds = { min: 1e-5, max: 0.4999 } as const;

/** Welch t-test: p-value and confidence interval for a fixed-horizon test. */
export function runTTest(moments: EffectMoments, sided: Sided, alpha: number): TestOutcome {
  const { estimate, dof } = moments;
  const se = Math.sqrt(moments.variance);
  const t = estimate / se;
  if (sided === "two") {
    const width = computeTQuantile(1 - alpha / 2, dof) * se;
    // 2·F(−|t|) equals gbstats' 2·(1 − F(|t|)) without cancellation for tiny p.
    return { pValue: Math.min(1, 2 * computeTCdf(-Math.abs(t), dof)), ci: [estimate - width, estimate + width] };
  }
  const width = computeTQuantile(1 - alpha, dof) * se;
  if (sided === "greater") return { pValue: computeTCdf(-t, dof), ci: [estimate - width, Number.POSITIVE_INFINITY] };
  return { pValue: computeTCdf(t, dof), ci: [Number.NEGATIVE_INFINITY, estimate + width] };
}

/** Mixing parameter ρ of the asymptotic confidence sequence (Waudby-Smith et al., eq. 161). */
export function computeSequentialRho(alpha: number, tuning: number): number {
  return Math.sqrt((-2 * Math.log(alpha) + Math.log(-2 * Math.log(alpha) + 1)) / tuning);
}

/** Half-width of the always-valid confidence sequence for an effect with `variance` after `n` units. */
export function computeSequentialHalfWidth(
  variance: number,
  n: number,
  rho: number,
  alpha: number,
  sided: Sided,
): number {
  const s2 = variance * n;
  const spread = n * rho * rho + 1;
  const scale = (2 * spread) / (n * rho) ** 2;
  if (sided === "two") return Math.sqrt(s2 * scale * Math.log(Math.sqrt(spread) / alpha));
  return Math.sqrt(s2 * scale * Math.log(1 + Math.sqrt(spread) / (2 * alpha)));
}

/** Always-valid sequential test (asymptotic confidence sequence, arXiv 2103.06476). */
export function runSequentialTest(moments: EffectMoments, sided: Sided, alpha: number, tuning: number): TestOutcome {
  const { estimate, variance, sampleSize: n } = moments;
  const rho = computeSequentialRho(sided === "two" ? alpha : 2 * alpha, tuning);
  const halfWidth = computeSequentialHalfWidth(variance, n, rho, alpha, sided);
  const spread = n * rho * rho + 1;
  if (sided === "two") {
    const st2 = (estimate * estimate * n) / variance;
    const logEValue = (rho * rho * st2) / (2 * spread) - 0.5 * Math.log(spread);
    return { pValue: Math.min(1, Math.exp(-logEValue)), ci: [estimate - halfWidth, estimate + halfWidth] };
  }
  const pValue = computeSequentialOneSidedPValue(estimate, variance, n, rho, sided);
  if (sided === "greater") return { pValue, ci: [estimate - halfWidth, Number.POSITIVE_INFINITY] };
  return { pValue, ci: [Number.NEGATIVE_INFINITY, estimate + halfWidth] };
}

// The smallest α whose one-sided sequence excludes 0, with ρ held at the configured α as gbstats
// does. gbstats finds it by bisection; solving the half-width equation for α gives it exactly.
function computeSequentialOneSidedPValue(
  estimate: number,
  variance: number,
  n: number,
  rho: number,
  sided: Sided,
): number {
  const towardsAlternative = sided === "greater" ? estimate : -estimate;
  if (!(towardsAlternative > 0)) return sequentialOneSidedBounds.max;
  const spread = n * rho * rho + 1;
  const exponent = (towardsAlternative ** 2 * (n * rho) ** 2) / (2 * variance * n * spread);
  const alpha = Math.sqrt(spread) / (2 * Math.expm1(exponent));
  return Math.min(sequentialOneSidedBounds.max, Math.max(sequentialOneSidedBounds.min, alpha));
}
