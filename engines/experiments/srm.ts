import { computeChiSquareSurvival } from "./distributions";

/** Sample-ratio-mismatch p-value: chi-square goodness of fit of `counts` to the `expectedSplit` shares. */
export function computeSrmPValue(counts: number[], expectedSplit: number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return 1;
  const shareTotal = expectedSplit.reduce((sum, share) => sum + share, 0);
  let statistic = 0;
  counts.forEach((count, index) => {
    const expected = (expectedSplit[index] / shareTotal) * total;
    statistic += (count - expected) ** 2 / expected;
  });
  return computeChiSquareSurvival(statistic, counts.length - 1);
}
