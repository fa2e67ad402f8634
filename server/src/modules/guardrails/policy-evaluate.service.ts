import { type EvaluatePolicyBody, PolicyLimits } from "#contracts/policy";
import {
  type CompiledPolicy,
  compilePolicy,
  describeProblem,
  evaluatePolicy,
  PolicyError,
  type PolicyProblem,
  type PolicyResult,
  readPolicyInput,
} from "#engines/policy";
import type { Ctx } from "../../context";
import { AppError, type FieldError } from "../../errors";
import { authorize } from "../../policy";

/** Evaluates a policy on one input or a list of inputs without storing anything (the same answers as the CLI). */
export function evaluatePolicyStateless(ctx: Ctx, body: EvaluatePolicyBody): PolicyResult | PolicyResult[] {
  authorize(ctx.actor, "policy.evaluate");
  const policy = compileBounded(body.policy);
  const many = Array.isArray(body.input);
  const inputs = (Array.isArray(body.input) ? body.input : [body.input]).map((raw, index) => {
    const path = many ? `input[${index}]` : "input";
    assertBoundedJson(raw, path, 0);
    return readPolicyInput(raw, path);
  });
  const results = inputs.map((input) => evaluatePolicy(policy, input));
  return many ? results : results[0];
}

/** Compiles a policy within this module's bounds, or a 400 naming each rule's problem under `prefix`. */
export function compileBounded(raw: EvaluatePolicyBody["policy"], prefix = "policy."): CompiledPolicy {
  const problems = raw.rules.flatMap(boundRule);
  if (problems.length === 0) {
    try {
      const policy = compilePolicy(raw);
      for (const [index, rule] of policy.rules.entries()) {
        if (rule.loopDepth > PolicyLimits.loopDepthMax) {
          problems.push({
            rule: rule.id,
            path: `rules[${index}].when`,
            message: `nests list macros ${rule.loopDepth} deep; at most ${PolicyLimits.loopDepthMax} here`,
          });
        }
      }
      if (problems.length === 0) return policy;
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(...error.problems);
    }
  }
  const errors: FieldError[] = problems.map((problem) => ({
    path: `${prefix}${problem.path}`,
    message: describeProblem(problem),
  }));
  throw new AppError(
    "validation_failed",
    `The policy is not valid: ${errors.map((error) => error.message).join("; ")}`,
    errors,
  );
}

/** Length bounds the engine does not know of: they belong to this endpoint (and the editor's check). */
export function boundRule(rule: unknown, index: number): PolicyProblem[] {
  if (typeof rule !== "object" || rule === null) return [];
  const fields = rule as Record<string, unknown>;
  const id = typeof fields.id === "string" && fields.id.length <= PolicyLimits.idMax ? fields.id : null;
  const tooLong = (field: string, max: number): PolicyProblem[] =>
    typeof fields[field] === "string" && (fields[field] as string).length > max
      ? [{ rule: id, path: `rules[${index}].${field}`, message: `is longer than ${max} characters` }]
      : [];
  return [
    ...tooLong("id", PolicyLimits.idMax),
    ...tooLong("when", PolicyLimits.whenMax),
    ...tooLong("explain", PolicyLimits.explainMax),
  ];
}

function assertBoundedJson(value: unknown, path: string, depth: number): void {
  if (typeof value !== "object" || value === null) return;
  if (depth > PolicyLimits.inputDepthMax) {
    throw new AppError("validation_failed", `${path} nests deeper than ${PolicyLimits.inputDepthMax} levels`, [
      { path, message: `nests deeper than ${PolicyLimits.inputDepthMax} levels` },
    ]);
  }
  if (Array.isArray(value)) {
    if (value.length > PolicyLimits.inputListMax) {
      throw new AppError("validation_failed", `${path} has more than ${PolicyLimits.inputListMax} elements`, [
        { path, message: `has more than ${PolicyLimits.inputListMax} elements` },
      ]);
    }
    for (const [index, item] of value.entries()) assertBoundedJson(item, `${path}[${index}]`, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) assertBoundedJson(item, `${path}.${key}`, depth + 1);
}
