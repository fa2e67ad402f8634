import type { PolicyProblem } from "./types";

/** An invalid policy: every problem found, each naming its rule and field. */
export class PolicyError extends Error {
  readonly problems: PolicyProblem[];

  constructor(problems: PolicyProblem[]) {
    super(problems.map(describeProblem).join("\n"));
    this.name = "PolicyError";
    this.problems = problems;
  }
}

/** Bad input to evaluate a policy on; `path` names the offending field, e.g. `[3].request`. */
export class PolicyInputError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path} ${message}` : message);
    this.name = "PolicyInputError";
    this.path = path;
  }
}

/** One line for a problem: `rule "fast-lane": when: invalid CEL syntax at column 12: Unexpected token: EOF`. */
export function describeProblem(problem: PolicyProblem): string {
  const where = problem.rule === null ? problem.path || "policy" : `rule "${problem.rule}"`;
  const field = problem.path.replace(/^rules\[\d+\]\.?/, "");
  return `${where}: ${field && problem.rule !== null ? `${field}: ` : ""}${problem.message}`;
}
