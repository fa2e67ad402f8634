import { buildAttributionResult, sumPathTotals } from "./results";
import type { AttributionResult, PathTable } from "./types";

/**
 * Computes Zhao et al.'s simplified Shapley attribution over converting journeys:
 * φ_j = Σ over channel sets T containing j of R(T) / |T|, where R(T) sums the conversions (or value)
 * of paths whose set of distinct channels is exactly T.
 */
export function computeShapleyModel(table: PathTable): AttributionResult {
  const n = table.channels.length;
  const { offsets, steps } = table;
  const coalitions = new Map<string, number>();
  const coalitionMembers: number[][] = [];
  const worthConversions: number[] = [];
  const worthValues: number[] = [];
  const seen = new Int32Array(n).fill(-1);
  const members: number[] = [];
  for (let p = 0; p < table.pathCount; p++) {
    const conversions = table.conversions[p];
    const value = table.values[p];
    if (conversions === 0 && value === 0) continue;
    members.length = 0;
    for (let i = offsets[p]; i < offsets[p + 1]; i++) {
      const id = steps[i];
      if (seen[id] !== p) {
        seen[id] = p;
        members.push(id);
      }
    }
    members.sort((a, b) => a - b);
    const key = members.join(",");
    let index = coalitions.get(key);
    if (index === undefined) {
      index = coalitionMembers.length;
      coalitions.set(key, index);
      coalitionMembers.push(members.slice());
      worthConversions.push(0);
      worthValues.push(0);
    }
    worthConversions[index] += conversions;
    worthValues[index] += value;
  }
  const conversions = new Float64Array(n);
  const values = new Float64Array(n);
  for (let c = 0; c < coalitionMembers.length; c++) {
    const set = coalitionMembers[c];
    for (const id of set) {
      conversions[id] += worthConversions[c] / set.length;
      values[id] += worthValues[c] / set.length;
    }
  }
  return buildAttributionResult("shapley", null, table.channels, sumPathTotals(table), conversions, values);
}
