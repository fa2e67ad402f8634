export {
  type CompiledPolicy,
  type CompiledRule,
  checkPolicy,
  compilePolicy,
  type PolicyCheck,
} from "./compile";
export { describeProblem, PolicyError, PolicyInputError } from "./errors";
export { evaluatePolicy } from "./evaluate";
export { readPolicyInput, readPolicyInputs } from "./input";
export {
  OUTCOMES,
  type Outcome,
  type Policy,
  type PolicyInput,
  type PolicyProblem,
  type PolicyResult,
  type PolicyRule,
  type PolicyWarning,
  REVIEWER_KINDS,
  type ReviewerKind,
  type RuleError,
  type RuleExplanation,
} from "./types";
