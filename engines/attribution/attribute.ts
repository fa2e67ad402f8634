import { computeHeuristicModel } from "./heuristics";
import { computeMarkovModel } from "./markov";
import { computeShapleyModel } from "./shapley";
import type { AttributionResult, ModelName, PathTable } from "./types";

/** The models computed from paths alone (time-decay needs timestamps: see createJourneyAggregator). */
export type PathModelName = Exclude<ModelName, "time-decay">;

/** Runs one path model; `order` applies to markov only. */
export function computeAttribution(
  table: PathTable,
  model: PathModelName,
  options: { order?: number } = {},
): AttributionResult {
  switch (model) {
    case "first":
    case "last":
    case "linear":
    case "position":
      return computeHeuristicModel(table, model);
    case "shapley":
      return computeShapleyModel(table);
    case "markov": {
      const { diagnostics: _diagnostics, ...result } = computeMarkovModel(table, { order: options.order });
      return result;
    }
  }
}
