/** The attribution models the engine computes. */
export type ModelName = "first" | "last" | "linear" | "position" | "time-decay" | "markov" | "shapley";

/** Every model name, in the order the CLI lists them. */
export const MODEL_NAMES: readonly ModelName[] = [
  "first",
  "last",
  "linear",
  "position",
  "time-decay",
  "markov",
  "shapley",
];

/** The heuristic models that need nothing but the paths. */
export type HeuristicModelName = "first" | "last" | "linear" | "position";

/** Credit one model gives one channel. */
export interface ChannelCredit {
  channel: string;
  conversions: number;
  value: number;
  /** Markov only: 1 − P(conversion without the channel) / P(conversion). */
  removalEffect?: number;
}

/** Conversions and value observed in the input, which every model distributes in full. */
export interface AttributionTotals {
  conversions: number;
  value: number;
}

/** One model's attribution: totals observed and credit per channel, channels sorted by name. */
export interface AttributionResult {
  model: ModelName;
  order: number | null;
  totals: AttributionTotals;
  channels: ChannelCredit[];
}

/**
 * Distinct journey paths with interned channel ids and the counts observed for each path.
 * Path i visits steps[offsets[i]] … steps[offsets[i + 1] − 1].
 */
export interface PathTable {
  readonly channels: readonly string[];
  readonly pathCount: number;
  readonly offsets: Int32Array;
  readonly steps: Int32Array;
  readonly conversions: Float64Array;
  readonly values: Float64Array;
  readonly nulls: Float64Array;
}
