export { ABSORPTION_TOLERANCE, type AbsorptionBounds, solveAbsorption } from "./absorption";
export { computeAttribution, type PathModelName } from "./attribute";
export type { CsvLayout } from "./csv";
export {
  CONVERSIONS_COLUMNS,
  createConversionsCsvReader,
  createPathsCsvReader,
  createTouchpointsCsvReader,
  PATHS_COLUMNS,
  TOUCHPOINTS_COLUMNS,
} from "./csv-inputs";
export { type CsvRow, createCsvReader, type TextSink } from "./csv-reader";
export { AttributionInputError } from "./errors";
export { computeHeuristicModel, computeHeuristicModels, type HeuristicResults } from "./heuristics";
export {
  createJourneyAggregator,
  type JourneyAggregation,
  type JourneyAggregator,
  type JourneyOptions,
} from "./journeys";
export { computeMarkovModel, type MarkovDiagnostics, type MarkovOptions, type MarkovResult } from "./markov";
export { type AbsorbingChain, buildMarkovChain, type MarkovChain } from "./markov-chain";
export { buildPathTable, createPathAggregator, type PathAggregator, type PathRow } from "./paths";
export { compareNames } from "./results";
export { computeShapleyModel } from "./shapley";
export { parseTimestamp } from "./timestamps";
export {
  type AttributionResult,
  type AttributionTotals,
  type ChannelCredit,
  type HeuristicModelName,
  MODEL_NAMES,
  type ModelName,
  type PathTable,
} from "./types";
