import { buildAttributionResult, sumPathTotals } from "./results";
import type { AttributionResult, HeuristicModelName, PathTable } from "./types";

/** The four heuristic attributions of one path table. */
export type HeuristicResults = Record<HeuristicModelName, AttributionResult>;

const POSITION_END_SHARE = 0.4;

/** Computes first-touch, last-touch, linear and position-based attribution in one pass over the paths. */
export function computeHeuristicModels(table: PathTable): HeuristicResults {
  const n = table.channels.length;
  const first = [new Float64Array(n), new Float64Array(n)];
  const last = [new Float64Array(n), new Float64Array(n)];
  const linear = [new Float64Array(n), new Float64Array(n)];
  const position = [new Float64Array(n), new Float64Array(n)];
  const { offsets, steps } = table;
  for (let p = 0; p < table.pathCount; p++) {
    const conversions = table.conversions[p];
    const value = table.values[p];
    if (conversions === 0 && value === 0) continue;
    const start = offsets[p];
    const end = offsets[p + 1];
    const length = end - start;
    const head = steps[start];
    const tail = steps[end - 1];
    first[0][head] += conversions;
    first[1][head] += value;
    last[0][tail] += conversions;
    last[1][tail] += value;
    const linearConversions = conversions / length;
    const linearValue = value / length;
    for (let i = start; i < end; i++) {
      linear[0][steps[i]] += linearConversions;
      linear[1][steps[i]] += linearValue;
    }
    if (length === 1) {
      position[0][head] += conversions;
      position[1][head] += value;
    } else if (length === 2) {
      position[0][head] += conversions / 2;
      position[1][head] += value / 2;
      position[0][tail] += conversions / 2;
      position[1][tail] += value / 2;
    } else {
      position[0][head] += conversions * POSITION_END_SHARE;
      position[1][head] += value * POSITION_END_SHARE;
      position[0][tail] += conversions * POSITION_END_SHARE;
      position[1][tail] += value * POSITION_END_SHARE;
      const middleShare = (1 - 2 * POSITION_END_SHARE) / (length - 2);
      for (let i = start + 1; i < end - 1; i++) {
        position[0][steps[i]] += conversions * middleShare;
        position[1][steps[i]] += value * middleShare;
      }
    }
  }
  const totals = sumPathTotals(table);
  const build = (model: HeuristicModelName, credit: Float64Array[]) =>
    buildAttributionResult(model, null, table.channels, totals, credit[0], credit[1]);
  return {
    first: build("first", first),
    last: build("last", last),
    linear: build("linear", linear),
    position: build("position", position),
  };
}

/** Computes one heuristic model. */
export function computeHeuristicModel(table: PathTable, model: HeuristicModelName): AttributionResult {
  return computeHeuristicModels(table)[model];
}
