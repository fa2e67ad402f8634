import { ExperimentInputError } from "./errors";
import type { Correction } from "./types";

/** Adjusts a family of p-values for multiple testing: Holm–Bonferroni ("holm") or Benjamini–Hochberg ("bh"). */
export function adjustPValues(pValues: readonly number[], method: Correction): number[] {
  if (method !== "holm" && method !== "bh") throw new ExperimentInputError("correction", 'must be "holm" or "bh"');
  pValues.forEach((p, index) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1))
      throw new ExperimentInputError(`pValues[${index}]`, "must be a number from 0 to 1");
  });
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p || x.index - y.index);
  const adjusted = new Array<number>(m);
  if (method === "holm") {
    // Step-down: the k-th smallest is scaled by (m − k) and never falls below an earlier one.
    let running = 0;
    order.forEach(({ p, index }, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p));
      adjusted[index] = running;
    });
    return adjusted;
  }
  // Step-up: the k-th smallest is scaled by m/k and never exceeds a later one.
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank -= 1) {
    const { p, index } = order[rank];
    running = Math.min(running, (m / (rank + 1)) * p);
    adjusted[index] = running;
  }
  return adjusted;
}
