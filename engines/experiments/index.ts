export {
  analyzeExperiment,
  type JsonBound,
  type JsonExperimentResult,
  type JsonVariantResult,
  runAnalysis,
  serializeResult,
} from "./analyze";
export { adjustPValues } from "./corrections";
export { ExperimentInputError } from "./errors";
export {
  calculateMinimumDetectableEffect,
  calculatePower,
  calculateSampleSize,
  type PowerInput,
  type SampleSizeResult,
} from "./power";
export type {
  AnalysisPlan,
  AnalysisWarning,
  Correction,
  Difference,
  ExperimentInput,
  ExperimentResult,
  Method,
  Metric,
  MomentType,
  Prior,
  Sided,
  VariantInput,
  VariantResult,
} from "./types";
export { ExperimentDefaults } from "./types";
export { parseExperimentInput } from "./validate";
