import { describe, expect, it } from "vitest";
import { ABSORPTION_TOLERANCE, solveAbsorption } from "./absorption";
import { computeMarkovModel } from "./markov";
import { buildMarkovChain } from "./markov-chain";
import { buildPathTable, type PathRow } from "./paths";
import { generateTestPaths } from "./test-paths";

function effectsOf(rows: PathRow[], order: number) {
  const result = computeMarkovModel(buildPathTable(rows), { order });
  const byName = Object.fromEntries(result.channels.map((c) => [c.channel, c]));
  return { result, byName };
}

const mixed: PathRow[] = [
  { path: ["A", "B", "A", "C"], conversions: 3, value: 30, nulls: 2 },
  { path: ["B", "A"], conversions: 1, value: 50, nulls: 4 },
  { path: ["C", "B", "C"], conversions: 2, value: 10, nulls: 1 },
  { path: ["A"], conversions: 0, nulls: 5 },
  { path: ["B", "B", "C"], conversions: 1, value: 20, nulls: 0 },
];

describe("computeMarkovModel", () => {
  it("gives the issue's toy removal effects 0.5 / 1 / 1", () => {
    const { result, byName } = effectsOf(
      [
        { path: ["C1", "C2", "C3"], conversions: 1 },
        { path: ["C1"], conversions: 0, nulls: 1 },
        { path: ["C2", "C3"], conversions: 0, nulls: 1 },
      ],
      1,
    );
    expect(byName.C1.removalEffect).toBeCloseTo(0.5, 14);
    expect(byName.C2.removalEffect).toBeCloseTo(1, 14);
    expect(byName.C3.removalEffect).toBeCloseTo(1, 14);
    expect(result.channels.map((c) => c.conversions)).toEqual([0.2, 0.4, 0.4].map((x) => expect.closeTo(x, 14)));
    expect(result.diagnostics.conversionProbability).toBeCloseTo(1 / 3, 15);
  });

  // Exact fractions from a rational Gaussian solve of the same chain (Python fractions), matching numpy.
  it("solves a first-order chain with cycles exactly", () => {
    const { result, byName } = effectsOf(mixed, 1);
    expect(byName.A.removalEffect).toBeCloseTo(58 / 91, 14);
    expect(byName.B.removalEffect).toBeCloseTo(15 / 28, 14);
    expect(byName.C.removalEffect).toBeCloseTo(141 / 161, 14);
    expect(byName.A.conversions).toBeCloseTo(37352 / 17153, 13);
    expect(byName.B.conversions).toBeCloseTo(31395 / 17153, 13);
    expect(byName.C.conversions).toBeCloseTo(51324 / 17153, 13);
    expect(result.diagnostics.valueRemovalEffects).toEqual({
      A: expect.closeTo(10 / 13, 14),
      B: expect.closeTo(23 / 44, 14),
      C: expect.closeTo(153 / 253, 14),
    });
    expect(byName.A.value).toBeCloseTo(1113200 / 24953, 12);
    expect(byName.B.value).toBeCloseTo(756470 / 24953, 12);
    expect(byName.C.value).toBeCloseTo(875160 / 24953, 12);
    // By flow conservation P(conversion) is the observed conversion rate: 7 of 19.
    expect(result.diagnostics.conversionProbability).toBeCloseTo(7 / 19, 15);
  });

  it("solves a second-order chain with windows, short paths and collapsed repeats", () => {
    const { result, byName } = effectsOf(
      [...mixed, { path: ["A", "B", "A", "B", "A"], conversions: 1, value: 5, nulls: 1 }],
      2,
    );
    expect(result.order).toBe(2);
    expect(byName.A.removalEffect).toBeCloseTo(5 / 8, 14);
    expect(byName.B.removalEffect).toBeCloseTo(1, 14);
    expect(byName.C.removalEffect).toBeCloseTo(3 / 4, 14);
    expect(byName.A.conversions).toBeCloseTo(40 / 19, 13);
    expect(byName.B.conversions).toBeCloseTo(64 / 19, 13);
    expect(byName.C.conversions).toBeCloseTo(48 / 19, 13);
    expect(byName.A.value).toBeCloseTo(1955 / 52, 12);
    expect(byName.B.value).toBeCloseTo(2645 / 52, 12);
    expect(byName.C.value).toBeCloseTo(345 / 13, 12);
    expect(result.diagnostics.conversionProbability).toBeCloseTo(8 / 21, 15);
  });

  // Expected values from a dense numpy solve (numpy.linalg.solve) of the same chains, run once offline.
  it("matches a dense reference solve on a 272-state second-order chain", () => {
    const { result, byName } = effectsOf(generateTestPaths(7, 16, 2500), 2);
    expect(result.diagnostics.stateCount).toBe(272);
    expect(result.diagnostics.conversionProbability).toBeCloseTo(0.3042822109036031, 13);
    const reference: Record<string, [number, number]> = {
      ch00: [0.2709730771099731, 0.27668026563072934],
      ch01: [0.20501501069648786, 0.20487490774692563],
      ch02: [0.1722523677431771, 0.18569884784049095],
      ch03: [0.14474191235045075, 0.15986891717016005],
      ch04: [0.12560458172385536, 0.1341849837169522],
      ch05: [0.10997745261875536, 0.10733687020223093],
      ch06: [0.11704523834112501, 0.11229941015248868],
      ch07: [0.10238032033395383, 0.10683568417517209],
      ch08: [0.09587292707729633, 0.08769173271303521],
      ch09: [0.10868080714839823, 0.1139970451193063],
      ch10: [0.0884717797145762, 0.08439443940161062],
      ch11: [0.09675671730891366, 0.09133392727487422],
      ch12: [0.08554304985565209, 0.08434182304360016],
      ch13: [0.08029072137429183, 0.0859758496680244],
      ch14: [0.08235252627754852, 0.08672151025771713],
      ch15: [0.08738229542529274, 0.08942451220639058],
    };
    for (const [channel, [conversion, value]] of Object.entries(reference)) {
      expect(byName[channel].removalEffect).toBeCloseTo(conversion, 12);
      expect(result.diagnostics.valueRemovalEffects[channel]).toBeCloseTo(value, 12);
    }
    expect(result.diagnostics.maxRemovalEffectError).toBeLessThan(1e-12);
  });

  it("matches a dense reference solve on a third-order chain", () => {
    const { result, byName } = effectsOf(generateTestPaths(11, 7, 2500), 3);
    expect(result.diagnostics.conversionProbability).toBeCloseTo(0.2940304041527623, 13);
    const reference: Record<string, [number, number]> = {
      ch00: [0.48501707599349875, 0.4825302498014695],
      ch01: [0.28309231044398275, 0.29842449754516465],
      ch02: [0.26199642084607955, 0.26269777211036793],
      ch03: [0.24586570864037594, 0.24156373912179374],
      ch04: [0.2206773389054446, 0.2237924554970695],
      ch05: [0.2223728024404663, 0.22484099603571428],
      ch06: [0.21581190172821474, 0.21621255125302385],
    };
    for (const [channel, [conversion, value]] of Object.entries(reference)) {
      expect(byName[channel].removalEffect).toBeCloseTo(conversion, 12);
      expect(result.diagnostics.valueRemovalEffects[channel]).toBeCloseTo(value, 12);
    }
  });

  it("gives nothing when nothing converted", () => {
    const { result } = effectsOf([{ path: ["A", "B"], conversions: 0, nulls: 3 }], 1);
    expect(result.channels).toEqual([
      { channel: "A", conversions: 0, value: 0, removalEffect: 0 },
      { channel: "B", conversions: 0, value: 0, removalEffect: 0 },
    ]);
  });

  it("rejects an order below 1", () => {
    expect(() => computeMarkovModel(buildPathTable([{ path: ["A"], conversions: 1 }]), { order: 0 })).toThrow(/order/);
  });
});

describe("buildMarkovChain", () => {
  it("makes a shorter path one state and collapses consecutive identical windows", () => {
    const chain = buildMarkovChain(
      buildPathTable([
        { path: ["A"], conversions: 1 },
        { path: ["A", "A", "A", "B"], conversions: 0, nulls: 1 },
      ]),
      2,
    );
    // States: [A], [A A], [A B]; the path A>A>A>B visits [A A] once, then [A B].
    expect(chain.stateCount).toBe(3);
    expect(chain.transitionCount).toBe(1);
    expect(Array.from(chain.startProb)).toEqual([0.5, 0.5, 0]);
  });
});

describe("solveAbsorption", () => {
  it("iterates a large slow-mixing cycle until the bounds meet, with no step cap", () => {
    // A ring of 250 states, each leaving with probability 0.001 and earning 0.001 when it does: x = 1 everywhere.
    const n = 250;
    const rowPtr = Int32Array.from({ length: n + 1 }, (_, i) => i);
    const col = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
    const prob = new Float64Array(n).fill(0.999);
    const revPtr = rowPtr.slice();
    const revCol = Int32Array.from({ length: n }, (_, i) => (i + n - 1) % n);
    const rhs = new Float64Array(n).fill(0.001);
    const [{ lower, upper, maxRelativeGap }] = solveAbsorption(
      { stateCount: n, rowPtr, col, prob, revPtr, revCol },
      [rhs],
      null,
      [1],
    );
    // Rounding limits the width to about the condition number (1000) times machine epsilon; it is reported.
    expect(maxRelativeGap).toBeGreaterThanOrEqual(0);
    expect(maxRelativeGap).toBeLessThan(1000 * ABSORPTION_TOLERANCE);
    for (let i = 0; i < n; i++) {
      expect(lower[i]).toBeLessThanOrEqual(upper[i]);
      expect(lower[i]).toBeCloseTo(1, 12);
      expect(upper[i]).toBeCloseTo(1, 12);
    }
  });
});
