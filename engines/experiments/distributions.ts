import erfcinv from "@stdlib/math-base-special-erfcinv";
import gammainc from "@stdlib/math-base-special-gammainc";
import normalCdfBase from "@stdlib/stats-base-dists-normal-cdf";
import normalPdfBase from "@stdlib/stats-base-dists-normal-pdf";
import tCdfBase from "@stdlib/stats-base-dists-t-cdf";
import tQuantileBase from "@stdlib/stats-base-dists-t-quantile";

/** Student-t cumulative distribution function with `dof` degrees of freedom. */
export function computeTCdf(x: number, dof: number): number {
  return tCdfBase(x, dof);
}

/** Student-t quantile (inverse CDF) with `dof` degrees of freedom. */
export function computeTQuantile(p: number, dof: number): number {
  return tQuantileBase(p, dof);
}

/** Standard normal cumulative distribution function. */
export function computeNormalCdf(x: number): number {
  return normalCdfBase(x, 0, 1);
}

/** Standard normal density. */
export function computeNormalPdf(x: number): number {
  return normalPdfBase(x, 0, 1);
}

/** Standard normal quantile (inverse CDF), accurate in both tails. */
export function computeNormalQuantile(p: number): number {
  // stdlib's normal quantile goes through erfinv(2p − 1), which loses the lower tail (it returns
  // −Infinity below p ≈ 1e-17); erfcinv of the smaller tail keeps full relative precision.
  if (p < 0.5) return -Math.SQRT2 * erfcinv(2 * p);
  return Math.SQRT2 * erfcinv(2 * (1 - p));
}

/** Chi-square survival function P(X > x) with `k` degrees of freedom. */
export function computeChiSquareSurvival(x: number, k: number): number {
  if (x <= 0) return 1;
  // The upper regularized incomplete gamma keeps precision where 1 − cdf would round to 0.
  return gammainc(x / 2, k / 2, true, true);
}
