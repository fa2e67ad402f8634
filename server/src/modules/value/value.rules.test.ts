import { describe, expect, it } from "vitest";
import type { ModelResult } from "../../../../contracts/value";
import { attributeToInitiatives, computeWhichHalf, describeWhichHalf, findLeastHalf } from "./value.rules";

const result = (model: ModelResult["model"], credit: Record<string, number>): ModelResult => ({
  model,
  order: null,
  totals: { conversions: 0, value: Object.values(credit).reduce((a, b) => a + b, 0) },
  channels: Object.entries(credit).map(([channel, value]) => ({ channel, conversions: value / 100, value })),
});

describe("findLeastHalf", () => {
  it("takes channels from the lowest return up until the share of spend is nearest a half", () => {
    const rows = (a: number, c: number) => [
      { key: "a", spend: a, roas: 0.5 },
      { key: "b", spend: 100 - a - c, roas: 2 },
      { key: "c", spend: c, roas: 1 },
    ];
    // a alone is 40%, with c 70%: 40% is nearer a half.
    expect([...findLeastHalf(rows(40, 30))]).toEqual(["a"]);
    // a alone is 30%, with c 55%: c belongs to the half.
    expect([...findLeastHalf(rows(30, 25))]).toEqual(["a", "c"]);
    // The worst channel alone may be most of the spend.
    expect([...findLeastHalf(rows(80, 10))]).toEqual(["a"]);
  });

  it("is empty without spend", () => {
    expect(findLeastHalf([{ key: "a", spend: 0, roas: 0 }]).size).toBe(0);
  });
});

describe("computeWhichHalf", () => {
  const spend = [
    { channel: "Search", spend: 100 },
    { channel: "display", spend: 300 },
    { channel: "Email", spend: 100 },
    { channel: "TV", spend: 500 },
  ];
  const results = [
    result("last", { Search: 600, Display: 100, Email: 200, Direct: 100 }),
    result("markov", { Search: 300, Display: 200, Email: 400, Direct: 100 }),
  ];
  const view = computeWhichHalf({
    results,
    model: "markov",
    spend,
    trackedChannels: ["Search", "Display", "Email", "Direct"],
  });

  it("matches spend and credit by channel name whatever the case, leaving untracked spend aside", () => {
    expect(view.totalSpend).toBe(500);
    expect(view.untrackedSpend).toEqual([{ channel: "TV", spend: 500 }]);
    expect(view.unpaidChannels).toEqual([{ channel: "Direct", value: 100 }]);
  });

  it("ranks by return on spend under the chosen model and names the least-returning half", () => {
    expect(view.channels.map((c) => [c.channel, c.rank])).toEqual([
      ["Email", 1],
      ["Search", 2],
      ["display", 3],
      ["Direct", null],
    ]);
    expect(view.leastHalf).toMatchObject({ channels: ["display"], spend: 300, spendShare: 0.6, value: 200 });
    expect(view.bestHalf).toMatchObject({ spend: 200, value: 700, roas: 3.5 });
    const display = view.channels.find((c) => c.channel === "display");
    expect(display?.agreement).toBe("all");
    expect(display?.models.map((m) => m.roas)).toEqual([100 / 300, 200 / 300]);
    expect(display?.models[0].costPerConversion).toBe(300);
  });

  it("says it in one sentence", () => {
    expect(describeWhichHalf(view, "EUR")).toBe(
      "60% of spend (300 EUR on display) brought 20% of attributed value, returning 0.67 EUR per EUR; the rest returned 3.50 EUR per EUR.",
    );
  });
});

describe("attributeToInitiatives", () => {
  it("gives an initiative its share of each tracked channel's value, and none for untracked spend", () => {
    const rows = attributeToInitiatives(
      [
        { initiative: "Launch", channel: "Search", kind: "actual", amount: 25 },
        { initiative: "", channel: "Search", kind: "actual", amount: 75 },
        { initiative: "Launch", channel: "Search", kind: "planned", amount: 40 },
        { initiative: "CDP", channel: "IT projects", kind: "actual", amount: 1000 },
      ],
      new Map([["Search", 400]]),
      ["Search"],
    );
    expect(rows).toEqual([
      { initiative: "CDP", planned: 0, actual: 1000, attributedValue: null, roas: null },
      { initiative: "Launch", planned: 40, actual: 25, attributedValue: 100, roas: 4 },
    ]);
  });
});
