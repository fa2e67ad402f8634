import { PolicyInputError } from "./errors";
import type { PolicyInput } from "./types";

/**
 * Reads one input as parsed JSON: `{"request": {...}, "stack": {...}}`. `request` is required; a missing `stack`
 * is an empty object (a rule that reads from it then errors, as any missing field does). Other keys are ignored.
 */
export function readPolicyInput(raw: unknown, path = ""): PolicyInput {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!isPlainObject(raw)) {
    throw new PolicyInputError(path, 'must be a JSON object {"request": {...}, "stack": {...}}');
  }
  if (!isPlainObject(raw.request)) {
    throw new PolicyInputError(at("request"), raw.request === undefined ? "is missing" : "must be a JSON object");
  }
  if (raw.stack !== undefined && !isPlainObject(raw.stack)) {
    throw new PolicyInputError(at("stack"), "must be a JSON object");
  }
  return { request: raw.request, stack: raw.stack ?? {} };
}

/** Reads one input, or a JSON array of inputs (`many` says which it was); names the bad element as `[i]`. */
export function readPolicyInputs(raw: unknown): { many: boolean; inputs: PolicyInput[] } {
  if (!Array.isArray(raw)) return { many: false, inputs: [readPolicyInput(raw)] };
  return { many: true, inputs: raw.map((item: unknown, index: number) => readPolicyInput(item, `[${index}]`)) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
