/** What a rule decides when its condition holds. */
export const OUTCOMES = ["approve", "review", "block"] as const;
/** What a rule decides when its condition holds. */
export type Outcome = (typeof OUTCOMES)[number];

/** The teams that can be asked to review a purchase. */
export const REVIEWER_KINDS = ["it", "security", "legal", "finance", "marketing"] as const;
/** A team that can be asked to review a purchase. */
export type ReviewerKind = (typeof REVIEWER_KINDS)[number];

/** One rule of a purchase policy, as written. */
export interface PolicyRule {
  /** Unique within the policy. */
  id: string;
  /** A CEL condition over `request` and `stack`. */
  when: string;
  outcome: Outcome;
  /** Who reviews: present, non-empty, exactly when `outcome` is `review`. */
  require?: ReviewerKind[];
  /** Shown to the requester when the rule matches. */
  explain?: string;
}

/** A purchase policy: its rules, in order. */
export interface Policy {
  rules: PolicyRule[];
}

/** What the policy is evaluated on: the purchase request and the facts from the Stack, both plain JSON. */
export interface PolicyInput {
  request: Record<string, unknown>;
  stack: Record<string, unknown>;
}

/** A rule whose condition could not be evaluated, or did not yield a boolean. */
export interface RuleError {
  rule: string;
  message: string;
}

/** A matched rule's explanation. */
export interface RuleExplanation {
  rule: string;
  text: string;
}

/** The decision on one input. */
export interface PolicyResult {
  outcome: Outcome;
  /** Who must review, sorted; empty unless `outcome` is `review`. */
  reviews: ReviewerKind[];
  /** The ids of the rules whose condition held, in policy order. */
  matched: string[];
  /** Rules that failed to evaluate, in policy order. */
  errors: RuleError[];
  /** The `explain` texts of the matched rules that have one, in policy order. */
  explanation: RuleExplanation[];
}

/** Something wrong with a policy as written; `rule` is the rule's id (or `rules[i]` when it has none). */
export interface PolicyProblem {
  rule: string | null;
  /** The JSON path of the offending field, e.g. `rules[2].when`. */
  path: string;
  message: string;
  /** Where in the condition, 1-based, for CEL syntax and type errors. */
  line?: number;
  column?: number;
}

/** A condition that will never yield a boolean (the policy is still valid: every evaluation of it is an error). */
export type PolicyWarning = PolicyProblem;
