import type { RunModel } from "#contracts/value";

/** How each model is named and explained to people. */
export const modelMeta: Record<RunModel, { label: string; color: string; description: string }> = {
  first: { label: "First touch", color: "gray.6", description: "All credit to the first channel of a journey." },
  last: { label: "Last touch", color: "dark.4", description: "All credit to the last channel before the conversion." },
  linear: { label: "Linear", color: "cyan.6", description: "Credit split evenly over every touch." },
  position: {
    label: "Position-based",
    color: "teal.6",
    description: "40% to the first touch, 40% to the last, 20% over the middle.",
  },
  "time-decay": {
    label: "Time decay",
    color: "yellow.7",
    description: "Touches closer to the conversion get more credit (half-life in days).",
  },
  markov: {
    label: "Markov chain",
    color: "indigo.6",
    description: "Credit by removal effect: how many conversions are lost when a channel is taken away (exact).",
  },
  shapley: {
    label: "Shapley value",
    color: "grape.6",
    description: "Credit by each channel's fair share of what the channel combinations converted.",
  },
};

/** Every model, in the order forms list them. */
export const MODEL_ORDER: RunModel[] = ["first", "last", "linear", "position", "time-decay", "markov", "shapley"];

/** Whether a decimal amount is above zero, read from its digits. */
export function isPositiveAmount(amount: string): boolean {
  return !amount.startsWith("-") && /[1-9]/.test(amount);
}

/** A decimal amount as a chart plots it: charts draw numbers, so the conversion happens here and nowhere else. */
export function chartAmount(amount: string): number {
  return Number(amount);
}

/** A return on spend: "3.20×", or a dash without spend. */
export function formatRoas(roas: number | null): string {
  return roas === null ? "—" : `${roas.toFixed(2)}×`;
}

/** "12.5" conversions, with a decimal only when credit is fractional. */
export function formatConversions(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: n < 100 ? 1 : 0 });
}

/** "42%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
