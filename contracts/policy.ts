import { z } from "zod";

/** Bounds of the stateless evaluation, so one call cannot hold a server for long. */
export const PolicyLimits = {
  bodyBytes: 512 * 1024,
  rulesMax: 200,
  idMax: 100,
  whenMax: 2000,
  explainMax: 1000,
  inputsMax: 100,
  /** Elements in any list of an input (list macros over them run per element). */
  inputListMax: 500,
  /** Nesting of objects and lists in an input. */
  inputDepthMax: 16,
  /** Nesting of list macros (all, exists, map, …) inside one condition: the work grows as n^depth. */
  loopDepthMax: 2,
} as const;

/** The teams a purchase can be routed to for review. */
export const ReviewerKind = z.enum(["it", "security", "legal", "finance", "marketing"]);
export type ReviewerKind = z.infer<typeof ReviewerKind>;

/** What a purchase policy decides. */
export const PolicyOutcome = z.enum(["approve", "review", "block"]);
export type PolicyOutcome = z.infer<typeof PolicyOutcome>;

/** One rule of a purchase policy: a CEL condition over `request` and `stack`, and what follows when it holds. */
export const PolicyRule = z.object({
  /** Unique within the policy. */
  id: z.string().min(1).max(PolicyLimits.idMax),
  /** CEL; JSON numbers are doubles (`request.annualCost < 5000.0`). */
  when: z.string().min(1).max(PolicyLimits.whenMax),
  outcome: PolicyOutcome,
  /** Who reviews: present, non-empty, exactly when the outcome is `review`. */
  require: z.array(ReviewerKind).min(1).optional(),
  /** Shown to the requester when the rule matches. */
  explain: z.string().max(PolicyLimits.explainMax).optional(),
});
export type PolicyRule = z.infer<typeof PolicyRule>;

/** A policy as sent for evaluation: its rules are checked by the engine, which names the rule it refuses. */
export const PolicyDocument = z.looseObject({
  rules: z.array(z.unknown()).max(PolicyLimits.rulesMax),
});

/** What a policy decides on: the purchase request and the Stack's facts, as JSON objects (`stack` defaults to {}). */
export const PolicyInput = z.looseObject({
  request: z.record(z.string(), z.unknown()),
  stack: z.record(z.string(), z.unknown()).optional(),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

/** The body of POST /policies/evaluate: a policy and one input or a list of inputs. */
export const EvaluatePolicyBody = z.strictObject({
  policy: PolicyDocument,
  input: z.union([PolicyInput, z.array(PolicyInput).max(PolicyLimits.inputsMax)]),
});
export type EvaluatePolicyBody = z.infer<typeof EvaluatePolicyBody>;

/** The decision on one input, as `tandem policy evaluate` prints it. */
export const PolicyEvaluation = z.object({
  outcome: PolicyOutcome,
  /** Sorted; empty unless the outcome is `review`. */
  reviews: z.array(ReviewerKind),
  /** Ids of the rules whose condition held, in policy order. */
  matched: z.array(z.string()),
  /** Rules whose condition failed or was not a boolean: each counts as a review by IT. */
  errors: z.array(z.object({ rule: z.string(), message: z.string() })),
  /** The `explain` texts of the matched rules, in policy order. */
  explanation: z.array(z.object({ rule: z.string(), text: z.string() })),
});
export type PolicyEvaluation = z.infer<typeof PolicyEvaluation>;

/** The answer of POST /policies/evaluate: one evaluation, or one per input in order when a list was sent. */
export const PolicyEvaluationResponse = z.union([PolicyEvaluation, z.array(PolicyEvaluation)]);
