// A run's stored JSON read back in the API's shapes (the presenter and the which-half view both read it).
import type { AttributionRun, ModelResult } from "#contracts/value";
import type { StoredModelResult, StoredRunInputs } from "../../db/schema";
import { centsOfNumber, formatCents, toMoney } from "../../lib/money";

// The engine's floating-point credit is rounded to cents; a decimal string is kept as it is.
function moneyOf(value: number | string): string {
  return typeof value === "string" ? toMoney(value) : formatCents(centsOfNumber(value));
}

/** What a run read, with its unmatched value in cents. */
export function readInputs(inputs: StoredRunInputs | null): AttributionRun["inputs"] {
  if (!inputs) return null;
  return { ...inputs, unmatched: { ...inputs.unmatched, value: moneyOf(inputs.unmatched.value) } };
}

/** One model's stored results as the API shows them: credited value in cents, as decimal strings. */
export function readModelResult(result: StoredModelResult): ModelResult {
  return {
    ...result,
    totals: { conversions: result.totals.conversions, value: moneyOf(result.totals.value) },
    channels: result.channels.map((c) => ({ ...c, value: moneyOf(c.value) })),
  };
}
