import { spawn } from "node:child_process";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compilePolicy, evaluatePolicy } from "#engines/policy";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import { collectOutput, createTempFolder } from "../../test/cli-io";
import { runPolicyCommand } from "./policy";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = path.join(root, "bin/tandem.mjs");
const temp = createTempFolder("tandem-policy-");
afterAll(() => temp.remove());

/** Runs the real `tandem` process (each start costs seconds, so tests start several at once). */
function tandem(args: string[], stdin = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: "warn" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const policyFile = temp.write("policy.json", JSON.stringify(EXAMPLE_POLICY));
const lowRisk = {
  request: { vendor: "Tiny Forms", annualCost: 1200, dataClasses: ["none"], sso: true },
  stack: { overlapping: [] },
};
const risky = {
  request: { vendor: "Big Suite", annualCost: 48_000, dataClasses: ["personal"], sso: true },
  stack: { overlapping: [{ name: "Typeform" }] },
};
const denied = { request: { vendor: "Acme Spyware", annualCost: 10, dataClasses: ["none"], sso: true } };
const withRule = (rule: Record<string, unknown>) =>
  JSON.stringify({ rules: [EXAMPLE_POLICY.rules[0], rule, EXAMPLE_POLICY.rules[3]] });

// Each process start takes seconds (and more on a busy machine): these tests get a longer timeout.
describe("tandem policy evaluate (the real process)", { timeout: 120_000 }, () => {
  it("prints one result for one input, and an array of results in order for an array", async () => {
    const [single, many, empty] = await Promise.all([
      tandem([
        "policy",
        "evaluate",
        "--policy",
        policyFile,
        "--input",
        temp.write("one.json", JSON.stringify(lowRisk)),
      ]),
      tandem(["policy", "evaluate", "--policy", policyFile, "--input", "-"], JSON.stringify([risky, lowRisk, denied])),
    ]).then(async (done) => [
      ...done,
      await tandem(["policy", "evaluate", "--policy", policyFile, "--input", temp.write("none.json", "[]")]),
    ]);
    expect(single).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(single.stdout)).toEqual({
      outcome: "approve",
      reviews: [],
      matched: ["fast-lane"],
      errors: [],
      explanation: [{ rule: "fast-lane", text: "Low cost, no personal data, SSO" }],
    });

    expect(many).toMatchObject({ code: 0, stderr: "" });
    const results = JSON.parse(many.stdout);
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({
      outcome: "review",
      reviews: ["it", "legal", "security"],
      matched: ["personal-data", "overlap"],
    });
    expect(results[1].outcome).toBe("approve");
    // No stack given: the overlap rule errors, but a block stays a block with no reviews.
    expect(results[2]).toMatchObject({
      outcome: "block",
      reviews: [],
      matched: ["fast-lane", "denied-vendor"],
      errors: [{ rule: "overlap", message: "No such key: overlapping (column 12)" }],
    });
    // The same answers as the engine in this process.
    const policy = compilePolicy(EXAMPLE_POLICY);
    expect(results[1]).toEqual(evaluatePolicy(policy, lowRisk));
    expect(empty).toMatchObject({ code: 0, stdout: "[]\n" });
  });

  it.each([
    ["a duplicate id", { ...EXAMPLE_POLICY.rules[2], id: "fast-lane" }, /rule "fast-lane": id: duplicate id/],
    [
      "a CEL syntax error",
      { id: "broken", when: "request.seats >", outcome: "approve" },
      /rule "broken": when: invalid CEL syntax at column 16/,
    ],
    [
      "require missing on a review",
      { id: "no-one", when: "true", outcome: "review" },
      /rule "no-one": require: is missing/,
    ],
    [
      "require on an approve",
      { id: "extra", when: "true", outcome: "approve", require: ["it"] },
      /rule "extra": require: is only for review rules/,
    ],
    [
      "an unknown outcome",
      { id: "odd", when: "true", outcome: "allow" },
      /rule "odd": outcome: "allow" is not an outcome/,
    ],
  ])("exits 2 on %s, naming the rule, with nothing on standard output", async (_name, rule, message) => {
    const file = temp.write(`bad-${String(rule.id)}.json`, withRule(rule));
    const result = await tandem(["policy", "evaluate", "--policy", file, "--input", "-"], JSON.stringify(lowRisk));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 on a policy or input that is not JSON, or an input without a request, with nothing printed", async () => {
    const notJson = temp.write("not-json.json", '{"rules": [\n  {"id": "a",}\n]}');
    const results = await Promise.all([
      tandem(["policy", "evaluate", "--policy", notJson, "--input", "-"], JSON.stringify(lowRisk)),
      tandem(["policy", "evaluate", "--policy", policyFile, "--input", "-"], JSON.stringify([lowRisk, { stack: {} }])),
    ]);
    const [badPolicy, badInput] = results;
    expect(badPolicy).toMatchObject({ code: 2, stdout: "" });
    expect(badPolicy.stderr).toMatch(/not-json\.json: is not valid JSON at line 2, column 14/);
    expect(badInput).toMatchObject({ code: 2, stdout: "" });
    expect(badInput.stderr).toMatch(/standard input: input\[1\]\.request is missing/);
  });
});

async function run(args: string[], stdinText = "") {
  const stdout = collectOutput();
  const stderr = collectOutput();
  const stdin = Readable.from([Buffer.from(stdinText)]);
  const code = await runPolicyCommand(args, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("tandem policy evaluate (in process)", () => {
  it("lists every problem of an invalid policy, one line each", async () => {
    const file = temp.write(
      "many-problems.json",
      JSON.stringify({
        rules: [
          { id: "a", when: "request.x &&", outcome: "approve" },
          { id: "a", when: "true", outcome: "review", require: ["hr"] },
        ],
      }),
    );
    const { code, stdout, stderr } = await run(["evaluate", "--policy", file, "--input", "-"], "{}");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      `tandem policy evaluate: ${file}: the policy is not valid:`,
      '  rule "a": when: invalid CEL syntax at column 13: Unexpected token: EOF',
      '  rule "a": require[0]: "hr" is not a reviewer kind; use it, security, legal, finance, marketing',
      '  rule "a": id: duplicate id: rules[0] and rules[1] are both "a"',
    ]);
  });

  it("names bad input: not an object, a request that is not an object, a missing file", async () => {
    const args = ["evaluate", "--policy", policyFile, "--input"];
    expect(await run([...args, "-"], "42")).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringContaining("standard input: the input must be a JSON object"),
    });
    expect((await run([...args, "-"], '{"request": []}')).stderr).toMatch(/input\.request must be a JSON object/);
    expect((await run([...args, "-"], "")).stderr).toMatch(/standard input: is empty/);
    expect((await run([...args, temp.pathOf("nope.json")])).stderr).toMatch(/nope\.json: cannot read the file/);
  });

  it("prints a single result on one line with --compact, and warns of a condition that is never a boolean", async () => {
    const file = temp.write(
      "warn.json",
      JSON.stringify({ rules: [{ id: "count", when: "size(request)", outcome: "approve" }] }),
    );
    const { code, stdout, stderr } = await run(
      ["evaluate", "--policy", file, "--input", "-", "--compact"],
      JSON.stringify(lowRisk),
    );
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: "review",
      reviews: ["it"],
      errors: [{ rule: "count", message: "the condition yielded int, not a boolean" }],
    });
    expect(stderr).toMatch(/warning: rule "count": when: always yields int/);
  });

  it.each([
    [[], /name a subcommand/],
    [["simulate"], /unknown subcommand "simulate"/],
    [["evaluate", "--input", "x.json"], /give the policy/],
    [["evaluate", "--policy", "x.json"], /give the input/],
    [["evaluate", "--policy", "-", "--input", "-"], /only one of --policy and --input/],
    [["evaluate", "--rules", "x.json"], /Unknown option '--rules'/],
  ])("exits 2 on bad arguments %j", async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("prints help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tandem policy evaluate --policy POLICY\.json --input INPUT\.json/);
  });
});
