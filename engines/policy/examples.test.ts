import { describe, expect, it } from "vitest";
import { checkPolicy, compilePolicy, evaluatePolicy, PolicyError, type PolicyInput } from ".";
import { EXAMPLE_POLICY } from "./test-policies";

const lowRisk = { vendor: "Tiny Forms", annualCost: 1200, dataClasses: ["none"], sso: true };
const noOverlap = { overlapping: [] };
const policy = compilePolicy(EXAMPLE_POLICY);
const decide = (request: Record<string, unknown>, stack: Record<string, unknown> = noOverlap) =>
  evaluatePolicy(policy, { request, stack } satisfies PolicyInput);
const FAST_LANE = { rule: "fast-lane", text: "Low cost, no personal data, SSO" };

describe("the issue's example policy", () => {
  it("approves a cheap tool without personal data that has SSO", () => {
    expect(decide(lowRisk)).toEqual({
      outcome: "approve",
      reviews: [],
      matched: ["fast-lane"],
      errors: [],
      explanation: [FAST_LANE],
    });
  });

  it("sends personal data to security and legal, sorted", () => {
    expect(decide({ ...lowRisk, annualCost: 48_000, dataClasses: ["contact", "personal"] })).toEqual({
      outcome: "review",
      reviews: ["legal", "security"],
      matched: ["personal-data"],
      errors: [],
      explanation: [{ rule: "personal-data", text: "Personal data needs a security review and a DPA" }],
    });
  });

  it("joins the reviewers of every matched review rule", () => {
    const result = decide(
      { ...lowRisk, annualCost: 48_000, dataClasses: ["sensitive_personal"] },
      { overlapping: [{ name: "Typeform", seatsBought: 50, seatsUsed: 12 }] },
    );
    expect(result).toMatchObject({
      outcome: "review",
      reviews: ["it", "legal", "security"],
      matched: ["personal-data", "overlap"],
      errors: [],
    });
  });

  it("blocks a denied vendor even when other rules approve or review, with no reviews", () => {
    expect(decide({ ...lowRisk, vendor: "Acme Spyware", dataClasses: ["none", "personal"] })).toEqual({
      outcome: "block",
      reviews: [],
      matched: ["personal-data", "denied-vendor"],
      errors: [],
      explanation: [
        { rule: "personal-data", text: "Personal data needs a security review and a DPA" },
        { rule: "denied-vendor", text: "Vendor not allowed" },
      ],
    });
    expect(decide({ ...lowRisk, vendor: "Acme Spyware" })).toMatchObject({
      outcome: "block",
      reviews: [],
      matched: ["fast-lane", "denied-vendor"],
    });
  });

  it("asks IT to review when no rule matches", () => {
    expect(decide({ ...lowRisk, annualCost: 9_000 })).toEqual({
      outcome: "review",
      reviews: ["it"],
      matched: [],
      errors: [],
      explanation: [],
    });
  });

  it("lists a rule that cannot be evaluated and asks IT to review instead of approving", () => {
    // The fast lane would approve, but the overlap rule reads a missing stack fact.
    expect(decide(lowRisk, {})).toEqual({
      outcome: "review",
      reviews: ["it"],
      matched: ["fast-lane"],
      errors: [{ rule: "overlap", message: "No such key: overlapping (column 12)" }],
      explanation: [FAST_LANE],
    });
    // A wrong type: sso given as a string.
    const wrongType = decide({ ...lowRisk, sso: "yes" });
    expect(wrongType.outcome).toBe("review");
    expect(wrongType.reviews).toEqual(["it"]);
    expect(wrongType.errors).toEqual([{ rule: "fast-lane", message: expect.stringContaining("bool") }]);
  });

  it("adds IT to the reviewers of a review when a rule errored", () => {
    const result = decide({ ...lowRisk, annualCost: 48_000, dataClasses: ["personal"] }, {});
    expect(result.outcome).toBe("review");
    expect(result.reviews).toEqual(["it", "legal", "security"]);
    expect(result.matched).toEqual(["personal-data"]);
    expect(result.errors.map((error) => error.rule)).toEqual(["overlap"]);
    // CEL's && is false when one side is false, even if the other fails: no annualCost, but personal data.
    expect(decide({ vendor: "Big Suite", dataClasses: ["personal"], sso: true }).errors).toEqual([]);
  });

  it("keeps block's reviews empty even when a rule errored", () => {
    const result = decide({ vendor: "Acme Spyware" }, {});
    expect(result).toMatchObject({ outcome: "block", reviews: [], matched: ["denied-vendor"] });
    expect(result.errors.map((error) => error.rule)).toEqual(["fast-lane", "personal-data", "overlap"]);
  });
});

describe("CEL numbers and results", () => {
  const single = (when: string) => compilePolicy({ rules: [{ id: "r", when, outcome: "approve" }] });
  const run = (when: string, request: Record<string, unknown>) => evaluatePolicy(single(when), { request, stack: {} });

  it("reads JSON numbers as doubles, and compares them with int literals too", () => {
    expect(run("request.seats > 10.0", { seats: 12 }).outcome).toBe("approve");
    expect(run("request.seats > 10", { seats: 12 }).outcome).toBe("approve");
    expect(run("request.seats == 12", { seats: 12 }).outcome).toBe("approve");
    expect(run("request.seats in [10, 12]", { seats: 12 }).outcome).toBe("approve");
    expect(run("type(request.seats) == double", { seats: 12 }).outcome).toBe("approve");
    expect(run("request.seats > 10.0", { seats: 9 }).outcome).toBe("review");
  });

  it("does not mix int and double in arithmetic: the rule errors", () => {
    expect(run("request.seats * 2.0 > 20.0", { seats: 12 }).outcome).toBe("approve");
    const mixed = run("request.seats + 1 > 10.0", { seats: 12 });
    expect(mixed.outcome).toBe("review");
    expect(mixed.errors[0].message).toMatch(/no such overload/);
  });

  it("treats a non-boolean result as an error", () => {
    expect(run("request.vendor", { vendor: "Tiny" }).errors).toEqual([
      { rule: "r", message: "the condition yielded string, not a boolean" },
    ]);
    expect(run("request.seats", { seats: 3 }).errors[0].message).toBe("the condition yielded double, not a boolean");
    expect(run("request.n", { n: null }).errors[0].message).toBe("the condition yielded null, not a boolean");
    const literal = run("1", {});
    expect(literal).toMatchObject({ outcome: "review", reviews: ["it"], matched: [] });
    expect(literal.errors[0].message).toBe("the condition yielded int, not a boolean");
  });

  it("follows CEL's logical operators: an error on one side is absorbed when the other side decides", () => {
    expect(run("request.missing || request.sso", { sso: true }).outcome).toBe("approve");
    expect(run("false && request.missing", {}).errors).toEqual([]);
    expect(run("has(request.missing)", {}).errors).toEqual([]);
  });

  it("does not reach JavaScript's object prototype through a map", () => {
    expect(run("has(request.constructor)", {}).outcome).toBe("review");
    expect(run("request.toString == 'x'", {}).errors[0].message).toMatch(/No such key: toString/);
  });
});

describe("compiling a policy", () => {
  const problemsOf = (rules: unknown[]) => checkPolicy({ rules }).problems;

  it("names the rule and column of a CEL syntax error", () => {
    expect(problemsOf([{ id: "fast-lane", when: "request.annualCost < ", outcome: "approve" }])).toEqual([
      {
        rule: "fast-lane",
        path: "rules[0].when",
        message: "invalid CEL syntax at column 22: Unexpected token: EOF",
        line: 1,
        column: 22,
      },
    ]);
  });

  it("names the line and column of a type error", () => {
    expect(problemsOf([{ id: "t", when: "request.sso &&\n  vendor == 'x'", outcome: "approve" }])).toEqual([
      {
        rule: "t",
        path: "rules[0].when",
        message: "type error at line 2, column 3: Unknown variable: vendor",
        line: 2,
        column: 3,
      },
    ]);
    expect(problemsOf([{ id: "t", when: "1 + 'a' == 2", outcome: "approve" }])[0].message).toMatch(
      /^type error at column 1: no such overload: int \+ string/,
    );
  });

  it("refuses duplicate ids, naming both places", () => {
    expect(
      problemsOf([
        { id: "a", when: "true", outcome: "approve" },
        { id: "b", when: "true", outcome: "approve" },
        { id: "a", when: "false", outcome: "block" },
      ]),
    ).toEqual([{ rule: "a", path: "rules[2].id", message: 'duplicate id: rules[0] and rules[2] are both "a"' }]);
  });

  it("requires require exactly on review rules", () => {
    expect(problemsOf([{ id: "r", when: "true", outcome: "review" }])).toEqual([
      expect.objectContaining({ rule: "r", path: "rules[0].require", message: expect.stringMatching(/^is missing/) }),
    ]);
    expect(problemsOf([{ id: "r", when: "true", outcome: "review", require: [] }])[0].message).toMatch(/non-empty/);
    expect(problemsOf([{ id: "r", when: "true", outcome: "review", require: ["hr"] }])).toEqual([
      expect.objectContaining({ rule: "r", path: "rules[0].require[0]", message: expect.stringMatching(/"hr"/) }),
    ]);
    for (const outcome of ["approve", "block"]) {
      expect(problemsOf([{ id: "x", when: "true", outcome, require: ["it"] }])).toEqual([
        {
          rule: "x",
          path: "rules[0].require",
          message: `is only for review rules (this rule's outcome is ${outcome})`,
        },
      ]);
    }
  });

  it("refuses unknown outcomes, unknown fields, missing ids and conditions", () => {
    expect(problemsOf([{ id: "o", when: "true", outcome: "allow" }])).toEqual([
      { rule: "o", path: "rules[0].outcome", message: '"allow" is not an outcome; use approve, review or block' },
    ]);
    expect(problemsOf([{ id: "o", when: "true", outcome: "approve", requires: ["it"] }])[0].path).toBe(
      "rules[0].requires",
    );
    expect(problemsOf([{ when: "true", outcome: "approve" }])).toEqual([
      { rule: null, path: "rules[0].id", message: "must be a non-empty string" },
    ]);
    expect(problemsOf([{ id: "w", when: " ", outcome: "approve" }])[0]).toMatchObject({
      rule: "w",
      path: "rules[0].when",
    });
    expect(problemsOf(["rule"])).toEqual([
      { rule: null, path: "rules[0]", message: "must be an object with id, when and outcome" },
    ]);
    expect(checkPolicy([]).problems).toEqual([
      { rule: null, path: "", message: 'must be a JSON object with a "rules" list' },
    ]);
    expect(checkPolicy({ rule: [] }).problems[0].path).toBe("rules");
  });

  it("throws one PolicyError listing every problem, each line naming its rule", () => {
    let thrown: unknown;
    try {
      compilePolicy({
        rules: [
          { id: "a", when: "request.x >", outcome: "approve" },
          { id: "b", when: "true", outcome: "review" },
        ],
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    expect((thrown as PolicyError).message.split("\n")).toEqual([
      'rule "a": when: invalid CEL syntax at column 12: Unexpected token: EOF',
      'rule "b": require: is missing: a review rule names who reviews (it, security, legal, finance, marketing)',
    ]);
  });

  it("accepts an empty policy (every input then goes to IT) and warns of a condition that is never a boolean", () => {
    expect(evaluatePolicy(compilePolicy({ rules: [] }), { request: {}, stack: {} })).toMatchObject({
      outcome: "review",
      reviews: ["it"],
    });
    expect(checkPolicy({ rules: [{ id: "n", when: "size(request) + 1", outcome: "approve" }] })).toEqual({
      problems: [],
      warnings: [
        {
          rule: "n",
          path: "rules[0].when",
          message: "always yields int, never a boolean: every evaluation of this rule is an error",
        },
      ],
    });
  });
});
