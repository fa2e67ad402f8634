import { describe, expect, it } from "vitest";
import type { ModelResult } from "#contracts/value";
import { attributeToInitiatives, computeWhichHalf, describeWhichHalf, findLeastHalf } from "./value.rules";

const result = (model: ModelResult["model"], credit: Record<string, number>): ModelResult => ({
  model,
  order: null,
  totals: {
    conversions: 0,
    value: Object.values(credit)
      .reduce((a, b) => a + b, 0)
      .toFixed(2),
  },
  channels: Object.entries(credit).map(([channel, value]) => ({
    channel,
    conversions: value / 100,
    value: value.toFixed(2),
  })),
});

describe("findLeastHalf", () => {
  it("takes channels from the lowest return up until the share of spend is nearest a half", () => {
    const rows = (a: number, c: number) => [
      { key: "a", spend: BigInt(a), value: BigInt(a) / 2n },
      { key: "b", spend: BigInt(100 - a - c), value: BigInt(100 - a - c) * 2n },
      { key: "c", spend: BigInt(c), value: BigInt(c) },
    ];
    // a alone is 40%, with c 70%: 40% is nearer a half.
    expect([...findLeastHalf(rows(40, 30))]).toEqual(["a"]);
    // a alone is 30%, with c 55%: c belongs to the half.
    expect([...findLeastHalf(rows(30, 25))]).toEqual(["a", "c"]);
    // The worst channel alone may be most of the spend.
    expect([...findLeastHalf(rows(80, 10))]).toEqual(["a"]);
  });

  it("is empty without spend", () => {
    expect(findLeastHalf([{ key: "a", spend: 0n, value: 0n }]).size).toBe(0);
  });
});

describe("computeWhichHalf", () => {
  const spend = [
    { channel: "Search", spend: "100.00" },
    { channel: "display", spend: "300.00" },
    { channel: "Email", spend: "100.00" },
    { channel: "TV", spend: "500.00" },
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
    expect(view.totalSpend).toBe("500.00");
    expect(view.untrackedSpend).toEqual([{ channel: "TV", spend: "500.00" }]);
    expect(view.unpaidChannels).toEqual([{ channel: "Direct", value: "100.00" }]);
  });

  it("ranks by return on spend under the chosen model and names the least-returning half", () => {
    expect(view.channels.map((c) => [c.channel, c.rank])).toEqual([
      ["Email", 1],
      ["Search", 2],
      ["display", 3],
      ["Direct", null],
    ]);
    expect(view.leastHalf).toMatchObject({ channels: ["display"], spend: "300.00", spendShare: 0.6, value: "200.00" });
    expect(view.bestHalf).toMatchObject({ spend: "200.00", value: "700.00", roas: 3.5 });
    const display = view.channels.find((c) => c.channel === "display");
    expect(display?.agreement).toBe("all");
    expect(display?.models.map((m) => m.roas)).toEqual([100 / 300, 200 / 300]);
    expect(display?.models[0].costPerConversion).toBe("300.00");
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
        { initiative: "Launch", channel: "Search", kind: "actual", amount: "25.00" },
        { initiative: "", channel: "Search", kind: "actual", amount: "75.00" },
        { initiative: "Launch", channel: "Search", kind: "planned", amount: "40.00" },
        { initiative: "CDP", channel: "IT projects", kind: "actual", amount: "1000.00" },
      ],
      new Map([["Search", "400.00"]]),
      ["Search"],
    );
    expect(rows).toEqual([
      { initiative: "CDP", planned: "0.00", actual: "1000.00", attributedValue: null, roas: null },
      { initiative: "Launch", planned: "40.00", actual: "25.00", attributedValue: "100.00", roas: 4 },
    ]);
  });

  it("keeps every cent of large amounts", () => {
    const [row] = attributeToInitiatives(
      Array.from({ length: 7 }, () => ({
        initiative: "Rebrand",
        channel: "TV",
        kind: "actual" as const,
        amount: "9999999999.99",
      })),
      new Map([["TV", "139999999999.86"]]),
      ["TV"],
    );
    expect(row).toMatchObject({ actual: "69999999999.93", attributedValue: "139999999999.86", roas: 2 });
  });
});

describe("computeWhichHalf with exact amounts", () => {
  it("adds many small amounts to the exact cent", () => {
    const spend = Array.from({ length: 1000 }, (_, i) => ({ channel: "Search", spend: i % 2 === 0 ? "0.10" : "0.20" }));
    const view = computeWhichHalf({
      results: [result("last", { Search: 0.3 })],
      model: "last",
      spend,
      trackedChannels: ["Search"],
    });
    // 500 × 0.10 + 500 × 0.20 in floating point is 150.00000000000088.
    expect(view.totalSpend).toBe("150.00");
    expect(view.channels[0].spend).toBe("150.00");
    expect(view.channels[0].models[0].roas).toBe(0.3 / 150);
  });

  it("keeps every cent of large amounts", () => {
    const spend = Array.from({ length: 9 }, () => ({ channel: "TV", spend: "9999999999.99" }));
    const view = computeWhichHalf({
      results: [result("last", { TV: 1 })],
      model: "last",
      spend: [...spend, { channel: "Search", spend: "0.01" }],
      trackedChannels: ["TV", "Search"],
    });
    expect(view.totalSpend).toBe("89999999999.92");
    expect(view.channels.find((c) => c.channel === "TV")?.spend).toBe("89999999999.91");
  });
});
