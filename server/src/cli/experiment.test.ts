import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { collectOutput as collect, createTempFolder } from "../../test/cli-io";
import { runExperimentCommand } from "./experiment";

const temp = createTempFolder("tandem-experiment-");
afterAll(() => temp.remove());
const writeTemp = (name: string, text: string) => temp.write(name, text);

async function run(args: string[], stdinText = "") {
  const stdout = collect();
  const stderr = collect();
  const stdin = Readable.from([Buffer.from(stdinText)]);
  const code = await runExperimentCommand(args, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const results = {
  metric: "mean",
  variants: [
    { name: "control", n: 3407, sum: 1396.87, sumSquares: 52377.9767 },
    { name: "b", n: 3461, sum: 2422.7, sumSquares: 134698.29 },
  ],
};
const resultsFile = writeTemp("results.json", JSON.stringify(results));

describe("tandem experiment analyze", () => {
  it("prints the analysis of a file as JSON (GrowthBook's two-sided example)", async () => {
    const { code, stdout, stderr } = await run(["analyze", resultsFile]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(["srmPValue", "variants"]);
    expect(output.variants).toHaveLength(1);
    expect(output.variants[0]).toMatchObject({
      name: "b",
      estimate: expect.closeTo(0.70732, 5),
      pValue: expect.closeTo(0.06191, 5),
    });
    expect(output.variants[0].ci).toEqual([expect.closeTo(-0.03526, 5), expect.closeTo(1.44989, 5)]);
  });

  it("reads standard input when the file is left out or is -", async () => {
    const fromFile = await run(["analyze", resultsFile, "--compact"]);
    for (const args of [
      ["analyze", "--compact"],
      ["analyze", "-", "--compact"],
    ]) {
      const { code, stdout } = await run(args, JSON.stringify(results));
      expect(code).toBe(0);
      expect(stdout).toBe(fromFile.stdout);
      expect(stdout.trim().split("\n")).toHaveLength(1);
    }
  });

  it('writes an open one-sided bound as "Infinity"', async () => {
    const { code, stdout } = await run(
      ["analyze"],
      JSON.stringify({ ...results, sided: "greater", method: "sequential" }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).variants[0].ci[1]).toBe("Infinity");
  });

  it("names the offending field and exits 1 on bad input", async () => {
    const bad = { ...results, variants: [results.variants[0], { ...results.variants[1], n: 1 }] };
    const { code, stdout, stderr } = await run(["analyze", writeTemp("bad.json", JSON.stringify(bad))]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bad\.json: variants\[1\]\.n must be an integer of at least 2/);
  });

  it("reports invalid JSON with its line and column", async () => {
    const { code, stderr } = await run(["analyze", writeTemp("broken.json", '{\n  "metric": "mean",\n}')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json: is not valid JSON at line 3, column 1/);
  });

  it("reports empty input and missing files", async () => {
    const empty = await run(["analyze"], "  \n");
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/standard input: is empty/);
    const missing = await run(["analyze", temp.pathOf("nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(no such file\)/);
  });
});

describe("tandem experiment power", () => {
  it("prints the sample size and duration for an effect", async () => {
    const plan = { metric: "proportion", mean: 0.1, effect: 0.05, variants: 2, dailyUsers: 5000 };
    const { code, stdout, stderr } = await run(["power"], JSON.stringify(plan));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.power).toBeGreaterThanOrEqual(0.8);
    expect(output.totalUsers).toBe(2 * output.usersPerVariant);
    expect(output.days).toBe(Math.ceil(output.totalUsers / 5000));
  });

  it("prints power and minimum detectable effect for a given sample size", async () => {
    const plan = {
      metric: "mean",
      mean: 10,
      standardDeviation: Math.sqrt(3909.9997749994377),
      effect: 0.05,
      usersPerVariant: 400000 / 3,
    };
    const { code, stdout } = await run(["power"], JSON.stringify(plan));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      power: expect.closeTo(0.52144, 5),
      minimumDetectableEffect: expect.closeTo(0.07027, 5),
    });
  });

  it("names the offending field", async () => {
    const { code, stderr } = await run(["power"], JSON.stringify({ metric: "proportion", mean: 1.5, effect: 0.1 }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/standard input: mean must be a conversion rate between 0 and 1/);
  });
});

describe("tandem experiment arguments", () => {
  it("prints help with --help, -h or help", async () => {
    for (const args of [["--help"], ["analyze", "--help"], ["-h"], ["help"]]) {
      const { code, stdout } = await run(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/tandem experiment analyze \[FILE\.json \| -\]/);
    }
  });

  it.each([
    [[], /name a subcommand/],
    [["report"], /unknown subcommand "report"/],
    [["analyze", "a.json", "b.json"], /unexpected argument "b\.json"/],
    [["analyze", "--pretty"], /Unknown option '--pretty'/],
  ])("exits 2 on bad arguments %j", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/tandem experiment --help/);
  });
});
