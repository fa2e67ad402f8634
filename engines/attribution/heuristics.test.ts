import { describe, expect, it } from "vitest";
import { computeAttribution } from "./attribute";
import { computeHeuristicModels } from "./heuristics";
import { buildPathTable } from "./paths";
import { computeShapleyModel } from "./shapley";
import type { AttributionResult } from "./types";

// Worked by hand: see the sums in each test.
const table = buildPathTable([
  { path: ["A", "B", "C"], conversions: 2, value: 100, nulls: 1 },
  { path: ["A"], conversions: 1, value: 10 },
  { path: ["B", "A"], conversions: 1, value: 20 },
  { path: ["C", "B", "B", "A"], conversions: 2, value: 40 },
  { path: ["D"], conversions: 0, nulls: 3 },
]);

function creditOf(result: AttributionResult): Record<string, [number, number]> {
  return Object.fromEntries(result.channels.map((c) => [c.channel, [c.conversions, c.value]]));
}

function expectCredit(result: AttributionResult, expected: Record<string, [number, number]>): void {
  const actual = creditOf(result);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [channel, [conversions, value]] of Object.entries(expected)) {
    expect(actual[channel][0]).toBeCloseTo(conversions, 12);
    expect(actual[channel][1]).toBeCloseTo(value, 12);
  }
}

describe("heuristic models", () => {
  const results = computeHeuristicModels(table);

  it("reports the observed totals and lists channels by name", () => {
    expect(results.first.totals).toEqual({ conversions: 6, value: 170 });
    expect(results.first.channels.map((c) => c.channel)).toEqual(["A", "B", "C", "D"]);
    expect(results.first.order).toBeNull();
  });

  it("gives first touch everything to the first channel", () => {
    expectCredit(results.first, { A: [3, 110], B: [1, 20], C: [2, 40], D: [0, 0] });
  });

  it("gives last touch everything to the last channel", () => {
    expectCredit(results.last, { A: [4, 70], B: [0, 0], C: [2, 100], D: [0, 0] });
  });

  it("gives linear credit per touch, so a channel touched twice gets twice", () => {
    // A: 2/3 + 1 + 1/2 + 1/2; B: 2/3 + 1/2 + 2·1/2; C: 2/3 + 1/2.
    expectCredit(results.linear, {
      A: [2 / 3 + 2, 100 / 3 + 30],
      B: [2 / 3 + 1.5, 100 / 3 + 30],
      C: [2 / 3 + 0.5, 100 / 3 + 10],
      D: [0, 0],
    });
  });

  it("gives position-based 40/20/40, one touch 100% and two touches 50/50", () => {
    // A: 0.4·2 + 1 + 0.5 + 0.4·2; B: 0.2·2 + 0.5 + 2·0.1·2; C: 0.4·2 + 0.4·2.
    expectCredit(results.position, { A: [3.1, 76], B: [1.3, 38], C: [1.6, 56], D: [0, 0] });
  });

  it("agrees with computeAttribution for each model", () => {
    for (const model of ["first", "last", "linear", "position"] as const) {
      expect(computeAttribution(table, model)).toEqual(results[model]);
    }
  });
});

describe("computeShapleyModel", () => {
  it("splits each channel set's conversions equally over its members", () => {
    // R({A,B,C}) = 4 conversions / 140 value, R({A}) = 1 / 10, R({A,B}) = 1 / 20.
    expectCredit(computeShapleyModel(table), {
      A: [4 / 3 + 1 + 0.5, 140 / 3 + 10 + 10],
      B: [4 / 3 + 0.5, 140 / 3 + 10],
      C: [4 / 3, 140 / 3],
      D: [0, 0],
    });
  });

  it("counts a channel once per path however often it is touched", () => {
    const result = computeShapleyModel(buildPathTable([{ path: ["X", "X", "X", "Y"], conversions: 4, value: 8 }]));
    expectCredit(result, { X: [2, 4], Y: [2, 4] });
  });
});
