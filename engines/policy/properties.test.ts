import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPolicy,
  compilePolicy,
  evaluatePolicy,
  OUTCOMES,
  PolicyError,
  type PolicyInput,
  type PolicyResult,
  REVIEWER_KINDS,
} from ".";

type Truth = boolean | "error";
type Request = Record<string, unknown>;
type Stack = Record<string, unknown>;

// Conditions with a plain-JavaScript twin that says what each should yield on an input: true, false, or an error
// (a missing field, a wrong type, a non-boolean). The twins are the reference the engine is checked against.
const CONDITIONS: { when: string; truth: (request: Request, stack: Stack) => Truth }[] = [
  {
    when: "request.annualCost < 5000.0",
    truth: (r) => ("annualCost" in r ? (r.annualCost as number) < 5000 : "error"),
  },
  { when: "request.seats > 10", truth: (r) => ("seats" in r ? (r.seats as number) > 10 : "error") },
  { when: "request.sso", truth: (r) => (typeof r.sso === "boolean" ? r.sso : "error") },
  {
    when: "request.dataClasses.exists(d, d in ['personal', 'sensitive_personal'])",
    truth: (r) =>
      Array.isArray(r.dataClasses)
        ? r.dataClasses.some((d) => d === "personal" || d === "sensitive_personal")
        : "error",
  },
  {
    when: "request.dataClasses.all(d, d == 'none')",
    truth: (r) => (Array.isArray(r.dataClasses) ? r.dataClasses.every((d) => d === "none") : "error"),
  },
  {
    when: "size(stack.overlapping) > 0",
    truth: (_r, s) => (Array.isArray(s.overlapping) ? s.overlapping.length > 0 : "error"),
  },
  { when: "request.vendor in ['Acme Spyware']", truth: (r) => r.vendor === "Acme Spyware" },
  { when: "request.vendor == 'Tiny'", truth: (r) => r.vendor === "Tiny" },
  {
    when: "has(request.seats) && request.seats >= 50.0",
    truth: (r) => "seats" in r && (r.seats as number) >= 50,
  },
  { when: "true", truth: () => true },
  { when: "false", truth: () => false },
  { when: "request.vendor", truth: () => "error" },
  { when: "request.nosuch > 1.0", truth: () => "error" },
];
const NEVER_MATCHING = ["false", "has(request.nosuch) && request.nosuch", "request.vendor == 'Nobody'", "size([]) > 0"];
const ALWAYS_ERRORING = ["request.nosuch > 1.0", "request.vendor", "request.vendor > 1.0", "size(request.vendor) + 1"];

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const requestArbitrary = fc
  .record({
    vendor: fc.constantFrom("Acme Spyware", "Tiny", "Big Suite"),
    annualCost: optional(fc.double({ min: 0, max: 100_000, noNaN: true })),
    seats: optional(fc.integer({ min: 0, max: 500 })),
    dataClasses: optional(fc.subarray(["none", "contact", "personal", "sensitive_personal"])),
    sso: optional(fc.constantFrom<unknown>(true, false, "yes")),
  })
  .map((request) => Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)));
const stackArbitrary = fc
  .record({ overlapping: optional(fc.array(fc.record({ name: fc.string() }), { maxLength: 3 })) })
  .map((stack) => (stack.overlapping === undefined ? {} : stack));
const inputArbitrary = fc.record({ request: requestArbitrary, stack: stackArbitrary });

const ruleArbitrary = fc.record({
  condition: fc.nat({ max: CONDITIONS.length - 1 }),
  outcome: fc.constantFrom(...OUTCOMES),
  require: fc.subarray([...REVIEWER_KINDS], { minLength: 1 }),
  explain: optional(fc.constantFrom("because", "why not")),
});
type GeneratedRule = { id: string; when: string; outcome: string; require: string[]; explain?: string };
const rulesArbitrary = fc.array(ruleArbitrary, { maxLength: 8 }).map((rules) =>
  rules.map(
    (rule, index): GeneratedRule => ({
      id: `r${index}`,
      when: CONDITIONS[rule.condition].when,
      outcome: rule.outcome,
      require: rule.require,
      ...(rule.explain === undefined ? {} : { explain: rule.explain }),
    }),
  ),
);

const asPolicy = (rules: GeneratedRule[]) => ({
  rules: rules.map(({ require, ...rule }) => (rule.outcome === "review" ? { ...rule, require } : rule)),
});
const decide = (rules: GeneratedRule[], input: PolicyInput) => evaluatePolicy(compilePolicy(asPolicy(rules)), input);

// The semantics of the issue, written independently of the engine: from the twins' verdicts to the result.
function referenceResult(rules: GeneratedRule[], input: PolicyInput): PolicyResult {
  const verdicts = rules.map((rule) =>
    CONDITIONS.find((condition) => condition.when === rule.when)!.truth(input.request, input.stack),
  );
  const matched = rules.filter((_, index) => verdicts[index] === true);
  const errored = rules.filter((_, index) => verdicts[index] === "error");
  const needsIt = errored.length > 0 || matched.length === 0;
  const outcome = matched.some((rule) => rule.outcome === "block")
    ? "block"
    : needsIt || matched.some((rule) => rule.outcome === "review")
      ? "review"
      : "approve";
  const kinds = new Set(matched.filter((rule) => rule.outcome === "review").flatMap((rule) => rule.require));
  if (needsIt) kinds.add("it");
  return {
    outcome,
    reviews: outcome === "review" ? ([...kinds].sort() as PolicyResult["reviews"]) : [],
    matched: matched.map((rule) => rule.id),
    errors: errored.map((rule) => ({ rule: rule.id, message: expect.any(String) as unknown as string })),
    explanation: matched.flatMap((rule) => (rule.explain ? [{ rule: rule.id, text: rule.explain }] : [])),
  };
}

describe("policy evaluation properties", () => {
  it("agrees with the issue's semantics computed from plain-JavaScript twins of each condition", () => {
    fc.assert(
      fc.property(rulesArbitrary, inputArbitrary, (rules, input) => {
        expect(decide(rules, input)).toEqual(referenceResult(rules, input));
      }),
    );
  });

  it("never changes the outcome, reviews or sets by rule order; matched follows the policy's order", () => {
    fc.assert(
      fc.property(
        rulesArbitrary.chain((rules) =>
          fc.tuple(fc.constant(rules), fc.shuffledSubarray(rules, { minLength: rules.length })),
        ),
        inputArbitrary,
        ([rules, shuffled], input) => {
          const original = decide(rules, input);
          const reordered = decide(shuffled, input);
          expect(reordered.outcome).toBe(original.outcome);
          expect(reordered.reviews).toEqual(original.reviews);
          expect([...reordered.matched].sort()).toEqual([...original.matched].sort());
          expect(reordered.matched).toEqual(
            shuffled.map((rule) => rule.id).filter((id) => original.matched.includes(id)),
          );
          const ruleIds = (result: PolicyResult) => result.errors.map((error) => error.rule).sort();
          expect(ruleIds(reordered)).toEqual(ruleIds(original));
          expect([...reordered.explanation].sort(byRule)).toEqual([...original.explanation].sort(byRule));
        },
      ),
    );
  });

  it("changes nothing when a rule that matches nothing is added anywhere", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        inputArbitrary,
        fc.constantFrom(...NEVER_MATCHING),
        ruleArbitrary,
        fc.nat(),
        (rules, input, when, extra, at) => {
          const added: GeneratedRule = { id: "never", when, outcome: extra.outcome, require: extra.require };
          const position = at % (rules.length + 1);
          const widened = [...rules.slice(0, position), added, ...rules.slice(position)];
          expect(decide(widened, input)).toEqual(decide(rules, input));
        },
      ),
    );
  });

  it("never approves when a rule errors, whatever that rule's outcome, and asks IT when it reviews", () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        inputArbitrary,
        fc.constantFrom(...ALWAYS_ERRORING),
        ruleArbitrary,
        fc.nat(),
        (rules, input, when, extra, at) => {
          const failing: GeneratedRule = { id: "failing", when, outcome: extra.outcome, require: extra.require };
          const position = at % (rules.length + 1);
          const result = decide([...rules.slice(0, position), failing, ...rules.slice(position)], input);
          expect(result.outcome).not.toBe("approve");
          expect(result.errors.map((error) => error.rule)).toContain("failing");
          expect(result.matched).not.toContain("failing");
          if (result.outcome === "review") expect(result.reviews).toContain("it");
          else expect(result.reviews).toEqual([]);
        },
      ),
    );
  });

  it("is deterministic: the same policy and input give the same result, whatever was evaluated before", () => {
    fc.assert(
      fc.property(rulesArbitrary, inputArbitrary, inputArbitrary, (rules, input, other) => {
        const policy = compilePolicy(asPolicy(rules));
        const first = evaluatePolicy(policy, input);
        evaluatePolicy(policy, other);
        expect(evaluatePolicy(policy, input)).toEqual(first);
        expect(evaluatePolicy(compilePolicy(asPolicy(rules)), input)).toEqual(first);
      }),
    );
  });

  it("keeps reviews sorted, unique and empty unless the outcome is review", () => {
    fc.assert(
      fc.property(rulesArbitrary, inputArbitrary, (rules, input) => {
        const { outcome, reviews } = decide(rules, input);
        expect(reviews).toEqual([...new Set(reviews)].sort());
        if (outcome === "review") expect(reviews.length).toBeGreaterThan(0);
        else expect(reviews).toEqual([]);
      }),
    );
  });
  it("refuses any malformed condition as a problem of its rule, never by throwing something else", () => {
    const pieces = fc.constantFrom(
      ...CONDITIONS.map((c) => c.when),
      "(",
      ")",
      "[",
      "]",
      "'",
      ".",
      "&&",
      "||",
      "!",
      "in",
      "1",
      "1.0",
      " ",
    );
    const garbled = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(garbled, inputArbitrary, (when, input) => {
        const rules = [{ id: "garbled", when, outcome: "approve" }];
        const { problems } = checkPolicy({ rules });
        if (problems.length > 0) {
          expect(problems.every((problem) => problem.rule === "garbled")).toBe(true);
          expect(() => compilePolicy({ rules })).toThrow(PolicyError);
          return;
        }
        const result = evaluatePolicy(compilePolicy({ rules }), input);
        expect(result.matched.length + result.errors.length).toBeLessThanOrEqual(1);
        if (result.errors.length > 0) expect(result.outcome).toBe("review");
      }),
      { numRuns: 500 },
    );
  });
});

const byRule = (a: { rule: string }, b: { rule: string }) => a.rule.localeCompare(b.rule);
