import { Environment, ParseError } from "@marcbachmann/cel-js";
import { PolicyError } from "./errors";
import {
  OUTCOMES,
  type Outcome,
  type PolicyProblem,
  type PolicyWarning,
  REVIEWER_KINDS,
  type ReviewerKind,
} from "./types";

/** A condition ready to run: takes `{request, stack}`, returns what the CEL expression yields (or throws). */
export type CompiledCondition = (variables: { request: unknown; stack: unknown }) => unknown;

/** A rule with its condition parsed and type-checked. */
export interface CompiledRule {
  id: string;
  when: string;
  outcome: Outcome;
  require: readonly ReviewerKind[];
  explain: string | null;
  condition: CompiledCondition;
  /** How deeply the condition's list macros (all, exists, exists_one, map, filter) nest: its work grows as n^depth. */
  loopDepth: number;
}

/** A policy compiled once, evaluated many times. */
export interface CompiledPolicy {
  rules: readonly CompiledRule[];
  /** Conditions that type-check but can never yield a boolean (every evaluation of them is an error). */
  warnings: readonly PolicyWarning[];
}

/** What checking a policy as written found: problems make it invalid; warnings do not. */
export interface PolicyCheck {
  problems: PolicyProblem[];
  warnings: PolicyWarning[];
}

// `request` and `stack` are JSON objects: maps whose values are dynamic, so field access and types are checked
// as the condition runs. JSON numbers arrive as JavaScript numbers, which the library treats as CEL doubles.
// Structural limits keep one condition's parse and type check small.
const environment = new Environment({ limits: { maxAstNodes: 2_000, maxDepth: 48, maxListElements: 500 } })
  .registerVariable("request", "map")
  .registerVariable("stack", "map");

const RULE_FIELDS = new Set(["id", "when", "outcome", "require", "explain"]);
const isOutcome = (value: unknown): value is Outcome => OUTCOMES.includes(value as Outcome);
const isReviewerKind = (value: unknown): value is ReviewerKind => REVIEWER_KINDS.includes(value as ReviewerKind);

/** Compiles a policy as written (parsed JSON): throws `PolicyError` listing every problem, each with its rule id. */
export function compilePolicy(raw: unknown): CompiledPolicy {
  const { problems, warnings, rules } = inspectPolicy(raw);
  if (problems.length > 0) throw new PolicyError(problems);
  return { rules, warnings };
}

/** Checks a policy as written without keeping it: every problem (rule, field, line and column) and warning. */
export function checkPolicy(raw: unknown): PolicyCheck {
  const { problems, warnings } = inspectPolicy(raw);
  return { problems, warnings };
}

function inspectPolicy(raw: unknown) {
  const problems: PolicyProblem[] = [];
  const warnings: PolicyWarning[] = [];
  const rules: CompiledRule[] = [];
  if (!isPlainObject(raw)) {
    problems.push({ rule: null, path: "", message: 'must be a JSON object with a "rules" list' });
    return { problems, warnings, rules };
  }
  if (!Array.isArray(raw.rules)) {
    problems.push({ rule: null, path: "rules", message: "must be a list of rules" });
    return { problems, warnings, rules };
  }
  const firstIndexOf = new Map<string, number>();
  raw.rules.forEach((rawRule: unknown, index: number) => {
    const rule = inspectRule(rawRule, `rules[${index}]`, problems, warnings);
    if (rule.id !== null) {
      const first = firstIndexOf.get(rule.id);
      if (first === undefined) firstIndexOf.set(rule.id, index);
      else
        problems.push({
          rule: rule.id,
          path: `rules[${index}].id`,
          message: `duplicate id: rules[${first}] and rules[${index}] are both "${rule.id}"`,
        });
    }
    if (rule.compiled) rules.push(rule.compiled);
  });
  return { problems, warnings, rules };
}

function inspectRule(raw: unknown, path: string, problems: PolicyProblem[], warnings: PolicyWarning[]) {
  if (!isPlainObject(raw)) {
    problems.push({ rule: null, path, message: "must be an object with id, when and outcome" });
    return { id: null, compiled: null };
  }
  const before = problems.length;
  const id = typeof raw.id === "string" && raw.id.trim() !== "" ? raw.id : null;
  if (id === null) problems.push({ rule: null, path: `${path}.id`, message: "must be a non-empty string" });
  const problem = (field: string, message: string, at?: { line: number; column: number }) =>
    problems.push({ rule: id, path: `${path}.${field}`, message, ...at });

  for (const key of Object.keys(raw)) {
    if (!RULE_FIELDS.has(key)) problem(key, "is not a field of a rule (id, when, outcome, require, explain)");
  }

  const outcome = isOutcome(raw.outcome) ? raw.outcome : null;
  if (outcome === null) {
    problem(
      "outcome",
      raw.outcome === undefined
        ? "is missing; use approve, review or block"
        : `${JSON.stringify(raw.outcome)} is not an outcome; use approve, review or block`,
    );
  }
  const require = inspectRequire(raw.require, outcome, problem);
  if (raw.explain !== undefined && typeof raw.explain !== "string") problem("explain", "must be a string");

  let condition: CompiledCondition | null = null;
  let loopDepth = 0;
  if (typeof raw.when !== "string" || raw.when.trim() === "") {
    problem("when", "must be a non-empty CEL condition");
  } else {
    const compiled = compileCondition(raw.when);
    if ("problem" in compiled) problem("when", compiled.problem.message, compiled.problem.at);
    else {
      condition = compiled.condition;
      loopDepth = compiled.loopDepth;
      if (compiled.type !== "bool" && compiled.type !== "dyn") {
        warnings.push({
          rule: id,
          path: `${path}.when`,
          message: `always yields ${compiled.type}, never a boolean: every evaluation of this rule is an error`,
        });
      }
    }
  }

  if (problems.length > before || id === null || outcome === null || condition === null) return { id, compiled: null };
  return {
    id,
    compiled: {
      id,
      when: raw.when as string,
      outcome,
      require,
      explain: typeof raw.explain === "string" ? raw.explain : null,
      condition,
      loopDepth,
    },
  };
}

function inspectRequire(
  value: unknown,
  outcome: Outcome | null,
  problem: (field: string, message: string) => void,
): ReviewerKind[] {
  const kinds = REVIEWER_KINDS.join(", ");
  if (outcome !== null && outcome !== "review") {
    if (value !== undefined) problem("require", `is only for review rules (this rule's outcome is ${outcome})`);
    return [];
  }
  if (value === undefined) {
    if (outcome === "review") problem("require", `is missing: a review rule names who reviews (${kinds})`);
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    problem("require", `must be a non-empty list of reviewer kinds (${kinds})`);
    return [];
  }
  const require: ReviewerKind[] = [];
  value.forEach((kind: unknown, index: number) => {
    if (isReviewerKind(kind)) require.push(kind);
    else problem(`require[${index}]`, `${JSON.stringify(kind)} is not a reviewer kind; use ${kinds}`);
  });
  return require;
}

type ConditionCompilation =
  | { condition: CompiledCondition; type: string; loopDepth: number }
  | { problem: { message: string; at?: { line: number; column: number } } };

function compileCondition(when: string): ConditionCompilation {
  let program: ReturnType<typeof environment.parse>;
  try {
    program = environment.parse(when);
  } catch (error) {
    // A ParseError, or the parser giving up on something pathological: either way the condition does not parse.
    return { problem: describeCelError("invalid CEL syntax", error, when) };
  }
  // Checking once marks the parsed tree as checked, so evaluations skip the type check.
  const checked = program.check();
  if (!checked.valid) {
    const error = checked.error;
    const kind = error instanceof ParseError ? "invalid CEL syntax" : "type error";
    return { problem: describeCelError(kind, error, when) };
  }
  return { condition: program, type: checked.type ?? "dyn", loopDepth: measureLoopDepth(program.ast) };
}

const LOOP_MACROS = new Set(["all", "exists", "exists_one", "map", "filter"]);

// A macro's receiver runs once; its other arguments run once per element, so only they nest.
function measureLoopDepth(node: unknown): number {
  if (typeof node !== "object" || node === null || !("op" in node) || !("args" in node)) return 0;
  const { op, args } = node as { op: string; args: unknown };
  if (op === "rcall" && Array.isArray(args)) {
    const [name, receiver, callArgs] = args as [string, unknown, unknown[]];
    const inner = Math.max(0, ...callArgs.map(measureLoopDepth));
    return Math.max(measureLoopDepth(receiver), LOOP_MACROS.has(name) ? inner + 1 : inner);
  }
  if (!Array.isArray(args)) return 0;
  return Math.max(0, ...args.flat(2).map(measureLoopDepth));
}

function describeCelError(kind: string, error: unknown, source: string) {
  const summary = celSummary(error);
  const offset = celOffset(error);
  if (offset === null) return { message: `${kind}: ${summary}` };
  const at = locate(source, offset);
  const where = source.includes("\n") ? `line ${at.line}, column ${at.column}` : `column ${at.column}`;
  return { message: `${kind} at ${where}: ${summary}`, at };
}

/** The library's one-line message of a CEL error (its `message` adds a source excerpt). */
export function celSummary(error: unknown): string {
  if (error instanceof Error) {
    const summary = (error as { summary?: unknown }).summary;
    return typeof summary === "string" ? summary : (error.message.split("\n")[0] ?? error.name);
  }
  return String(error);
}

/** Where in the condition a CEL error points, as an offset, when the library says. */
export function celOffset(error: unknown): number | null {
  const range = (error as { range?: { start?: unknown } } | null)?.range;
  return typeof range?.start === "number" ? range.start : null;
}

/** The 1-based line and column of an offset in a condition. */
export function locate(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: before.length - lineStart };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
