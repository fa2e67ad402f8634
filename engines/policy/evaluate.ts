import { type CompiledPolicy, celOffset, celSummary, locate } from "./compile";
import type { PolicyInput, PolicyResult, ReviewerKind, RuleError, RuleExplanation } from "./types";

/**
 * Decides one input: every rule is evaluated; a rule whose condition is true matches; one that fails or yields a
 * non-boolean is an error (it does not match and asks IT to review). `block` if a matched rule blocks, else
 * `review` if a matched rule reviews, a rule errored or nothing matched, else `approve`.
 */
export function evaluatePolicy(policy: CompiledPolicy, input: PolicyInput): PolicyResult {
  const variables = { request: input.request, stack: input.stack };
  const matched: string[] = [];
  const errors: RuleError[] = [];
  const explanation: RuleExplanation[] = [];
  const reviewers = new Set<ReviewerKind>();
  let blocked = false;
  let reviewed = false;
  for (const rule of policy.rules) {
    let value: unknown;
    try {
      value = rule.condition(variables);
    } catch (error) {
      errors.push({ rule: rule.id, message: describeEvaluationError(error, rule.when) });
      continue;
    }
    if (value !== true) {
      if (value !== false) {
        errors.push({ rule: rule.id, message: `the condition yielded ${celTypeOf(value)}, not a boolean` });
      }
      continue;
    }
    matched.push(rule.id);
    if (rule.explain !== null) explanation.push({ rule: rule.id, text: rule.explain });
    if (rule.outcome === "block") blocked = true;
    else if (rule.outcome === "review") {
      reviewed = true;
      for (const kind of rule.require) reviewers.add(kind);
    }
  }
  if (errors.length > 0 || matched.length === 0) {
    reviewed = true;
    reviewers.add("it");
  }
  const outcome = blocked ? "block" : reviewed ? "review" : "approve";
  const reviews = outcome === "review" ? [...reviewers].sort() : [];
  return { outcome, reviews, matched, errors, explanation };
}

function describeEvaluationError(error: unknown, when: string): string {
  const summary = celSummary(error);
  const offset = celOffset(error);
  if (offset === null) return summary;
  const at = locate(when, offset);
  return `${summary} (${when.includes("\n") ? `line ${at.line}, ` : ""}column ${at.column})`;
}

/** The CEL type name of a value the library returned. */
function celTypeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "bigint":
      return "int";
    case "number":
      return "double";
    case "string":
      return "string";
    case "object":
      if (Array.isArray(value)) return "list";
      if (value instanceof Uint8Array) return "bytes";
      if (value instanceof Date) return "timestamp";
      return value.constructor?.name === "UnsignedInt" ? "uint" : "map";
    default:
      return typeof value;
  }
}
