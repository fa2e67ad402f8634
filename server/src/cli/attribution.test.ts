import { afterAll, describe, expect, it } from "vitest";
import { collectOutput as collect, createTempFolder } from "../../test/cli-io";
import { runAttributionCommand } from "./attribution";

const temp = createTempFolder("tandem-attribution-");
afterAll(() => temp.remove());
const writeTemp = (name: string, text: string) => temp.write(name, text);

async function run(args: string[]) {
  const stdout = collect();
  const stderr = collect();
  const code = await runAttributionCommand(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const toyPaths = writeTemp(
  "toy.csv",
  "path,total_conversions,total_conversion_value,total_null\nC1 > C2 > C3,1,10,0\nC1,0,0,1\nC2>C3,0,0,1\n",
);

describe("tandem attribution", () => {
  it("prints Markov attribution of a paths file as JSON", async () => {
    const { code, stdout, stderr } = await run(["--paths", toyPaths, "--model", "markov"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(["model", "order", "totals", "channels"]);
    expect(output.model).toBe("markov");
    expect(output.order).toBe(1);
    expect(output.totals).toEqual({ conversions: 1, value: 10 });
    expect(output.channels).toEqual([
      {
        channel: "C1",
        conversions: expect.closeTo(0.2, 12),
        value: expect.closeTo(2, 12),
        removalEffect: expect.closeTo(0.5, 12),
      },
      {
        channel: "C2",
        conversions: expect.closeTo(0.4, 12),
        value: expect.closeTo(4, 12),
        removalEffect: expect.closeTo(1, 12),
      },
      {
        channel: "C3",
        conversions: expect.closeTo(0.4, 12),
        value: expect.closeTo(4, 12),
        removalEffect: expect.closeTo(1, 12),
      },
    ]);
  });

  it("prints CSV with --format csv", async () => {
    const semicolons = writeTemp(
      "semi.csv",
      'path;total_conversions;total_conversion_value\n"A, Inc > B";2;7,5\nB;1;0\n',
    );
    const { code, stdout } = await run(["--paths", semicolons, "--model", "last", "--format", "csv"]);
    expect(code).toBe(0);
    expect(stdout).toBe('channel,conversions,value\n"A, Inc",0,0\nB,3,7.5\n');
  });

  it("adds removal_effect to Markov CSV output and accepts --order", async () => {
    const { code, stdout } = await run(["--paths", toyPaths, "--model", "markov", "--order", "2", "--format", "csv"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("channel,conversions,value,removal_effect");
    expect(stdout.split("\n")).toHaveLength(5);
  });

  it("attributes raw touchpoints and conversions with time-decay", async () => {
    const touchpoints = writeTemp(
      "touchpoints.csv",
      "journey_id,timestamp,channel\nj1,2024-03-01T00:00:00Z,Search\nj1,2024-03-08T00:00:00Z,Email\nj2,2024-03-01,Display\n",
    );
    const conversions = writeTemp(
      "conversions.csv",
      "journey_id,timestamp,value\nj1,2024-03-08T00:00:00Z,90\nj9,2024-03-08,5\n",
    );
    const { code, stdout, stderr } = await run([
      "--touchpoints",
      touchpoints,
      "--conversions",
      conversions,
      "--model",
      "time-decay",
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 conversion\(s\) worth 5 had no touchpoint within the 30-day lookback window/);
    const output = JSON.parse(stdout);
    expect(output.totals).toEqual({ conversions: 1, value: 90 });
    expect(output.channels).toEqual([
      { channel: "Display", conversions: 0, value: 0 },
      { channel: "Email", conversions: expect.closeTo(2 / 3, 12), value: expect.closeTo(60, 12) },
      { channel: "Search", conversions: expect.closeTo(1 / 3, 12), value: expect.closeTo(30, 12) },
    ]);
    const shorter = await run([
      "--touchpoints",
      touchpoints,
      "--conversions",
      conversions,
      "--model",
      "first",
      "--lookback-days",
      "3",
    ]);
    expect(
      JSON.parse(shorter.stdout).channels.find((c: { channel: string }) => c.channel === "Email").conversions,
    ).toBe(1);
  });

  it("prints help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--touchpoints FILE/);
    expect(stdout).toMatch(/journey_id,timestamp,channel/);
  });

  it.each([
    [["--paths", "x.csv", "--model", "magic"], /unknown model "magic"; choose one of first, last/],
    [["--paths", "x.csv"], /--model is required/],
    [["--model", "first"], /give --paths FILE/],
    [["--paths", "x.csv", "--touchpoints", "t.csv", "--conversions", "c.csv", "--model", "first"], /not both/],
    [["--touchpoints", "t.csv", "--model", "first"], /go together/],
    [["--paths", "x.csv", "--model", "time-decay"], /time-decay needs timestamps/],
    [["--paths", "x.csv", "--model", "first", "--order", "2"], /--order applies to --model markov only/],
    [["--paths", "x.csv", "--model", "markov", "--order", "5"], /--order must be a whole number from 1 to 4/],
    [["--paths", "x.csv", "--model", "first", "--format", "xml"], /unknown format "xml"/],
    [["--paths", "x.csv", "--model", "first", "--bogus"], /Unknown option '--bogus'/],
  ])("rejects bad arguments %j with exit code 2", async (args, message) => {
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("names a missing file", async () => {
    const missing = temp.pathOf("missing.csv");
    const { code, stderr } = await run(["--paths", missing, "--model", "linear"]);
    expect(code).toBe(1);
    expect(stderr).toBe(`tandem attribution: cannot read ${missing}: no such file\n`);
  });

  it("names the file, line and field of a bad row", async () => {
    const bad = writeTemp("bad.csv", "path,total_conversions\nA>B,1\nA>>B,1\n");
    const { code, stderr, stdout } = await run(["--paths", bad, "--model", "shapley"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `tandem attribution: ${bad}: line 3, path: has an empty channel name at position 2 in "A>>B"\n`,
    );
  });

  it("streams a file larger than one read chunk", async () => {
    const lines = ["path,total_conversions,total_null"];
    for (let i = 0; i < 60_000; i++) lines.push(`Search>Email>Display ${i % 3},1,2`);
    const big = writeTemp("big.csv", `${lines.join("\n")}\n`);
    const { code, stdout } = await run(["--paths", big, "--model", "linear"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totals).toEqual({ conversions: 60_000, value: 0 });
  });
});
