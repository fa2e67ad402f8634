import { describe, expect, it } from "vitest";
import { createJourneyAggregator } from "./journeys";
import type { AttributionResult, PathTable } from "./types";

const DAY = 86_400_000;

function pathsOf(table: PathTable): string[] {
  const rows: string[] = [];
  for (let p = 0; p < table.pathCount; p++) {
    const names = Array.from(table.steps.subarray(table.offsets[p], table.offsets[p + 1]), (id) => table.channels[id]);
    rows.push(`${names.join(">")} c=${table.conversions[p]} v=${table.values[p]} n=${table.nulls[p]}`);
  }
  return rows;
}

function creditOf(result: AttributionResult): Record<string, [number, number]> {
  return Object.fromEntries(result.channels.map((c) => [c.channel, [c.conversions, c.value]]));
}

describe("createJourneyAggregator", () => {
  it("weights touches by 2^(−Δt / half-life), normalised per conversion", () => {
    const journeys = createJourneyAggregator({ halfLifeDays: 7 });
    journeys.addTouchpoint("j1", 0, "A");
    journeys.addTouchpoint("j1", 7 * DAY, "B");
    journeys.addConversion("j1", 7 * DAY, 90);
    // A is one half-life old: weights 1/2 and 1, so A gets 1/3 and B 2/3.
    const { timeDecay, paths } = journeys.finish();
    expect(pathsOf(paths)).toEqual(["A>B c=1 v=90 n=0"]);
    expect(creditOf(timeDecay)).toEqual({
      A: [expect.closeTo(1 / 3, 14), expect.closeTo(30, 12)],
      B: [expect.closeTo(2 / 3, 14), expect.closeTo(60, 12)],
    });
    expect(timeDecay.totals).toEqual({ conversions: 1, value: 90 });
  });

  it("keeps equal weights for touches at the same distance, however far back", () => {
    const journeys = createJourneyAggregator({ lookbackDays: Number.POSITIVE_INFINITY, halfLifeDays: 1 });
    journeys.addTouchpoint("j", 0, "A");
    journeys.addTouchpoint("j", 0, "B");
    journeys.addConversion("j", 5000 * DAY, 10);
    expect(creditOf(journeys.finish().timeDecay)).toEqual({ A: [0.5, 5], B: [0.5, 5] });
  });

  it("cuts a journey at each conversion and keeps touches after the last one as a null path", () => {
    const journeys = createJourneyAggregator();
    journeys.addTouchpoint("j", 1 * DAY, "A");
    journeys.addTouchpoint("j", 2 * DAY, "B");
    journeys.addConversion("j", 2 * DAY, 10);
    journeys.addTouchpoint("j", 3 * DAY, "C");
    journeys.addConversion("j", 4 * DAY, 20);
    journeys.addTouchpoint("j", 5 * DAY, "A");
    journeys.addTouchpoint("j", 6 * DAY, "D");
    expect(pathsOf(journeys.finish().paths)).toEqual(["A>B c=1 v=10 n=0", "C c=1 v=20 n=0", "A>D c=0 v=0 n=1"]);
  });

  it("drops touches outside the lookback window and reports conversions left without touches", () => {
    const journeys = createJourneyAggregator({ lookbackDays: 30 });
    journeys.addTouchpoint("j", 0, "Old");
    journeys.addTouchpoint("j", 20 * DAY, "New");
    journeys.addConversion("j", 40 * DAY, 5);
    journeys.addTouchpoint("k", 0, "Old");
    journeys.addConversion("k", 31 * DAY, 7);
    journeys.addConversion("nobody", 0, 3);
    const result = journeys.finish();
    expect(pathsOf(result.paths)).toEqual(["New c=1 v=5 n=0"]);
    expect(result.unmatched).toEqual({ conversions: 2, value: 10 });
    expect(result.timeDecay.totals).toEqual({ conversions: 1, value: 5 });
    expect(result.timeDecay.channels.find((c) => c.channel === "Old")).toEqual({
      channel: "Old",
      conversions: 0,
      value: 0,
    });
  });

  it("applies the lookback window to a null path from its last touch", () => {
    const journeys = createJourneyAggregator({ lookbackDays: 10 });
    journeys.addTouchpoint("j", 0, "A");
    journeys.addTouchpoint("j", 15 * DAY, "B");
    journeys.addTouchpoint("j", 20 * DAY, "C");
    expect(pathsOf(journeys.finish().paths)).toEqual(["B>C c=0 v=0 n=1"]);
  });

  it("sorts touches that arrive out of order and interleaved between journeys", () => {
    const journeys = createJourneyAggregator();
    journeys.addTouchpoint("j", 3 * DAY, "C");
    journeys.addTouchpoint("k", 1 * DAY, "X");
    journeys.addTouchpoint("j", 1 * DAY, "A");
    journeys.addConversion("j", 4 * DAY, 1);
    journeys.addTouchpoint("j", 2 * DAY, "B");
    journeys.addTouchpoint("j", 2 * DAY, "B2");
    const result = journeys.finish();
    expect(pathsOf(result.paths)).toEqual(["A>B>B2>C c=1 v=1 n=0", "X c=0 v=0 n=1"]);
    expect(result).toMatchObject({ journeyCount: 2, touchpointCount: 5, conversionCount: 1 });
  });

  it("merges conversions at the same time into one path", () => {
    const journeys = createJourneyAggregator();
    journeys.addTouchpoint("j", 0, "A");
    journeys.addConversion("j", DAY, 10);
    journeys.addConversion("j", DAY, 15);
    expect(pathsOf(journeys.finish().paths)).toEqual(["A c=2 v=25 n=0"]);
  });

  it("rejects bad options and bad rows", () => {
    expect(() => createJourneyAggregator({ halfLifeDays: 0 })).toThrow(/halfLifeDays/);
    expect(() => createJourneyAggregator({ lookbackDays: -1 })).toThrow(/lookbackDays/);
    const journeys = createJourneyAggregator();
    expect(() => journeys.addTouchpoint("", 0, "A")).toThrow(/journey id is empty/);
    expect(() => journeys.addTouchpoint("j", Number.NaN, "A")).toThrow(/timestamp/);
    expect(() => journeys.addTouchpoint("j", 0, "")).toThrow(/channel name is empty/);
    expect(() => journeys.addConversion("j", 0, -5)).toThrow(/value/);
  });
});
