import { expect, it } from "vitest";
import { PolicyLimits } from "#contracts/policy";
import { compilePolicy, evaluatePolicy } from "#engines/policy";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";

const URL = "/api/v1/policies/evaluate";
const lowRisk = {
  request: { vendor: "Tiny Forms", annualCost: 1200, dataClasses: ["none"], sso: true },
  stack: { overlapping: [] },
};
const risky = {
  request: { vendor: "Big Suite", annualCost: 48_000, dataClasses: ["personal"], sso: true },
  stack: { overlapping: [{ name: "Typeform", seatsBought: 50, seatsUsed: 12 }] },
};

describeWithApp("POST /api/v1/policies/evaluate", (get) => {
  it("decides one input for any signed-in person, viewers included, as the engine does", async () => {
    const viewer = await buildPersona(get(), { role: "viewer" });
    const response = await viewer.request({
      method: "POST",
      url: URL,
      payload: { policy: EXAMPLE_POLICY, input: lowRisk },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      outcome: "approve",
      reviews: [],
      matched: ["fast-lane"],
      errors: [],
      explanation: [{ rule: "fast-lane", text: "Low cost, no personal data, SSO" }],
    });
  });

  it("decides a list of inputs in order, a missing stack counting as {}", async () => {
    const persona = await buildPersona(get());
    const noStack = { request: lowRisk.request };
    const response = await persona.request({
      method: "POST",
      url: URL,
      payload: { policy: EXAMPLE_POLICY, input: [risky, noStack, lowRisk] },
    });
    expect(response.statusCode).toBe(200);
    const policy = compilePolicy(EXAMPLE_POLICY);
    expect(response.json()).toEqual([
      evaluatePolicy(policy, risky),
      evaluatePolicy(policy, { ...noStack, stack: {} }),
      evaluatePolicy(policy, lowRisk),
    ]);
    expect(response.json()[0]).toMatchObject({ outcome: "review", reviews: ["it", "legal", "security"] });
    expect(response.json()[1]).toMatchObject({ outcome: "review", reviews: ["it"], errors: [{ rule: "overlap" }] });
  });

  it("answers 400 naming the rule and what is wrong for an invalid policy", async () => {
    const persona = await buildPersona(get());
    const policy = {
      rules: [
        EXAMPLE_POLICY.rules[0],
        { id: "fast-lane", when: "request.seats > ", outcome: "review" },
        { id: "odd", when: "true", outcome: "allow" },
      ],
    };
    const response = await persona.request({ method: "POST", url: URL, payload: { policy, input: lowRisk } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors).toEqual([
      {
        path: "policy.rules[1].require",
        message: expect.stringMatching(/^rule "fast-lane": require: is missing/),
      },
      {
        path: "policy.rules[1].when",
        message: 'rule "fast-lane": when: invalid CEL syntax at column 17: Unexpected token: EOF',
      },
      { path: "policy.rules[1].id", message: expect.stringMatching(/^rule "fast-lane": id: duplicate id/) },
      { path: "policy.rules[2].outcome", message: expect.stringMatching(/^rule "odd": outcome: "allow"/) },
    ]);
    expect(body.detail).toMatch(/^The policy is not valid: rule "fast-lane"/);
  });

  it("answers 400 naming the field of bad input", async () => {
    const persona = await buildPersona(get());
    const noRequest = await persona.request({
      method: "POST",
      url: URL,
      payload: { policy: EXAMPLE_POLICY, input: [lowRisk, { stack: {} }] },
    });
    expect(noRequest.statusCode).toBe(400);
    expect(noRequest.json().errors[0].path).toMatch(/^input/);
    const notAPolicy = await persona.request({ method: "POST", url: URL, payload: { policy: [], input: lowRisk } });
    expect(notAPolicy.statusCode).toBe(400);
    expect(notAPolicy.json().errors[0].path).toMatch(/^policy/);
  });

  it("bounds the work one call can ask for", async () => {
    const persona = await buildPersona(get());
    const post = (payload: unknown) => persona.request({ method: "POST", url: URL, payload: payload as object });
    const rule = (index: number) => ({ id: `r${index}`, when: "true", outcome: "approve" });

    const tooManyRules = await post({
      policy: { rules: Array.from({ length: PolicyLimits.rulesMax + 1 }, (_, index) => rule(index)) },
      input: lowRisk,
    });
    expect(tooManyRules.statusCode).toBe(400);
    expect(tooManyRules.json().errors[0].path).toBe("policy.rules");

    const longCondition = await post({
      policy: { rules: [{ ...rule(0), id: "long", when: `true${" && true".repeat(PolicyLimits.whenMax / 8)}` }] },
      input: lowRisk,
    });
    expect(longCondition.statusCode).toBe(400);
    expect(longCondition.json().errors[0]).toEqual({
      path: "policy.rules[0].when",
      message: `rule "long": when: is longer than ${PolicyLimits.whenMax} characters`,
    });

    const deepLoops = await post({
      policy: {
        rules: [
          { ...rule(0), id: "cubic", when: "request.a.exists(x, request.a.exists(y, request.a.exists(z, x == y)))" },
        ],
      },
      input: lowRisk,
    });
    expect(deepLoops.statusCode).toBe(400);
    expect(deepLoops.json().errors[0].message).toMatch(/rule "cubic": when: nests list macros 3 deep/);

    const longList = await post({
      policy: EXAMPLE_POLICY,
      input: { request: { dataClasses: Array.from({ length: PolicyLimits.inputListMax + 1 }, () => "none") } },
    });
    expect(longList.statusCode).toBe(400);
    expect(longList.json().errors[0].path).toBe("input.request.dataClasses");

    const tooManyInputs = await post({
      policy: EXAMPLE_POLICY,
      input: Array.from({ length: PolicyLimits.inputsMax + 1 }, () => lowRisk),
    });
    expect(tooManyInputs.statusCode).toBe(400);
    expect(tooManyInputs.json().errors[0].path).toMatch(/^input/);

    const huge = await post({
      policy: EXAMPLE_POLICY,
      input: { request: { note: "x".repeat(PolicyLimits.bodyBytes) } },
    });
    expect(huge.statusCode).toBe(413);
  });
});
