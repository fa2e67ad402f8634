import { describe, expect, it } from "vitest";
import { analyzeExperiment, serializeResult } from "./analyze";
import referenceVectors from "./reference-vectors.json";
import type { VariantResult } from "./types";

// The scipy re-implementation's vectors (test data, in JSON beside the tests); the one-sided sequential ones also
// carry the exact root.
const analysisVectors: { input: unknown; expected: unknown; exactOneSidedPValues?: number[] }[] =
  referenceVectors.analysisVectors;

const control = { name: "control", n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const treatment = { name: "b", n: 3461, sum: 2422.7, sumSquares: 134698.29 };
const control3000 = { ...control, n: 3000 };
const cupedControl = {
  name: "control",
  n: 3000,
  post: { sum: 1396.87, sumSquares: 52377.9767 },
  pre: { sum: 16.87, sumSquares: 527.9767 },
  postPreSumOfProducts: 1,
};
const cupedTreatment = {
  name: "b",
  n: 3461,
  post: { sum: 2422.7, sumSquares: 134698.29 },
  pre: { sum: 22.7, sumSquares: 1348.29 },
  postPreSumOfProducts: 1,
};
const smallA = { name: "a", n: 10, sum: 100, sumSquares: 1002.25 };
const smallB = { name: "b", n: 10, sum: 105, sumSquares: 1111.5 };
const inf = Number.POSITIVE_INFINITY;

// Expected values published in GrowthBook's gbstats test suite (packages/stats/tests), rounded there to
// 5 decimals unless given in full.
const rounded = 5e-6;
const full = 1e-9;
const published: {
  name: string;
  input: object;
  expected: Partial<VariantResult>;
  tolerance: number;
  pValueTolerance?: number;
}[] = [
  {
    name: "two-sided t-test, relative",
    input: { metric: "mean", variants: [control, treatment] },
    expected: { estimate: 0.70732, ci: [-0.03526, 1.44989], standardError: 0.37879, pValue: 0.06191 },
    tolerance: rounded,
  },
  {
    name: "two-sided t-test, absolute",
    input: { metric: "mean", difference: "absolute", variants: [control, treatment] },
    expected: { estimate: 0.29, ci: [0.04538, 0.53462], standardError: 0.12478, pValue: 0.02016 },
    tolerance: rounded,
  },
  {
    name: "two-sided t-test, proportions",
    input: {
      metric: "proportion",
      variants: [
        { name: "a", n: 28, sum: 14 },
        { name: "b", n: 30, sum: 16 },
      ],
    },
    expected: { estimate: 0.06667, ci: [-0.47767, 0.61101], standardError: 0.2717, pValue: 0.80707 },
    tolerance: rounded,
  },
  {
    name: "one-sided greater t-test, relative",
    input: { metric: "mean", sided: "greater", variants: [control3000, treatment] },
    expected: {
      estimate: 0.5033610858562358,
      ci: [-0.045136675850396046, inf],
      standardError: 0.3334122146400735,
      pValue: 0.06558262868467746,
    },
    tolerance: full,
  },
  {
    name: "one-sided greater t-test, absolute",
    input: { metric: "mean", sided: "greater", difference: "absolute", variants: [control3000, treatment] },
    expected: {
      estimate: 0.23437666666666668,
      ci: [0.020791480063255735, inf],
      standardError: 0.12983081254184736,
      pValue: 0.03554272489873023,
    },
    tolerance: full,
  },
  {
    name: "one-sided lesser t-test, relative",
    input: { metric: "mean", sided: "lesser", variants: [control3000, treatment] },
    expected: { estimate: 0.5033610858562358, ci: [-inf, 1.0518588475628676], pValue: 0.9344173713153225 },
    tolerance: full,
  },
  {
    name: "one-sided lesser t-test, absolute",
    input: { metric: "mean", sided: "lesser", difference: "absolute", variants: [control3000, treatment] },
    expected: { ci: [-inf, 0.44796185327007765], pValue: 0.9644572751012698 },
    tolerance: full,
  },
  {
    name: "sequential, tuning 1000",
    input: { metric: "mean", method: "sequential", sequentialTuning: 1000, variants: [control3000, treatment] },
    expected: { estimate: 0.50336, ci: [-0.55844, 1.56516], standardError: 0.33341, pValue: 1 },
    tolerance: rounded,
  },
  {
    name: "sequential, proportions",
    input: {
      metric: "proportion",
      method: "sequential",
      variants: [
        { name: "a", n: 3000, sum: 1396 },
        { name: "b", n: 3461, sum: 2422 },
      ],
    },
    expected: { estimate: 0.50386, ci: [0.40098, 0.60675], standardError: 0.03386, pValue: 0 },
    tolerance: rounded,
  },
  {
    name: "sequential, CUPED",
    input: { metric: "cuped", method: "sequential", variants: [cupedControl, cupedTreatment] },
    expected: { estimate: 0.50338, ci: [-0.50969, 1.51646], standardError: 0.33341, pValue: 1 },
    tolerance: rounded,
  },
  {
    name: "sequential one-sided greater, relative",
    input: { metric: "mean", method: "sequential", sided: "greater", variants: [control3000, treatment] },
    expected: { ci: [-0.42356454602790883, inf], pValue: 0.4999 },
    tolerance: full,
  },
  {
    name: "sequential one-sided lesser, relative",
    input: { metric: "mean", method: "sequential", sided: "lesser", variants: [control3000, treatment] },
    expected: { ci: [-inf, 1.4302867177403806], pValue: 0.4999 },
    tolerance: full,
  },
  {
    name: "sequential one-sided greater, absolute",
    input: {
      metric: "mean",
      method: "sequential",
      sided: "greater",
      difference: "absolute",
      variants: [control3000, treatment],
    },
    expected: { ci: [-0.12656844172804982, inf], pValue: 0.46316491943359384 },
    tolerance: full,
    pValueTolerance: 2e-4,
  },
  {
    name: "sequential one-sided lesser, absolute",
    input: {
      metric: "mean",
      method: "sequential",
      sided: "lesser",
      difference: "absolute",
      variants: [control3000, treatment],
    },
    expected: { ci: [-inf, 0.5953217750613832], pValue: 0.4999 },
    tolerance: full,
  },
  {
    name: "Bayesian, flat prior",
    input: { metric: "mean", method: "bayesian", variants: [smallA, smallB] },
    expected: {
      estimate: 0.05,
      ci: [-0.02, 0.12],
      standardError: 0.03572,
      chanceToWin: 0.91923,
      risk: [0.05131, 0.00131],
    },
    tolerance: rounded,
  },
  {
    name: "Bayesian, informative prior",
    input: {
      metric: "mean",
      method: "bayesian",
      prior: { mean: 0.1, variance: 0.1, proper: true },
      variants: [smallA, smallB],
    },
    expected: {
      estimate: 0.05063,
      ci: [-0.01893, 0.12019],
      standardError: 0.03549,
      chanceToWin: 0.92315,
      risk: [0.05186, 0.00123],
    },
    tolerance: rounded,
  },
  {
    name: "Bayesian, proportions",
    input: {
      metric: "proportion",
      method: "bayesian",
      variants: [
        { name: "a", n: 100, sum: 49 },
        { name: "b", n: 100, sum: 51 },
      ],
    },
    expected: {
      estimate: 0.04082,
      ci: [-0.24779, 0.32943],
      standardError: 0.14725,
      chanceToWin: 0.60918,
      risk: [0.0814, 0.04058],
    },
    tolerance: rounded,
  },
];

function expectClose(actual: unknown, expected: unknown, tolerance: number, where: string): void {
  if (typeof expected === "number" && !Number.isFinite(expected)) {
    expect(actual, where).toBe(expected);
  } else if (typeof expected === "number") {
    expect(typeof actual, where).toBe("number");
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(expected)),
    );
  } else if (Array.isArray(expected)) {
    expected.forEach((item, index) => {
      expectClose((actual as unknown[])[index], item, tolerance, `${where}[${index}]`);
    });
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${where}.${key}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

describe("analyzeExperiment against GrowthBook's published gbstats vectors", () => {
  it.each(published)("$name", ({ input, expected, tolerance, pValueTolerance }) => {
    const [result] = analyzeExperiment(input).variants;
    for (const [key, value] of Object.entries(expected)) {
      // gbstats finds one-sided sequential p-values by bisection, to a 1e-6 tolerance on the bound only.
      expectClose(
        result[key as keyof VariantResult],
        value,
        key === "pValue" ? (pValueTolerance ?? tolerance) : tolerance,
        key,
      );
    }
  });

  it("returns the exact root where gbstats bisects for a one-sided sequential p-value", () => {
    const input = {
      metric: "mean",
      method: "sequential",
      sided: "greater",
      difference: "absolute",
      variants: [control3000, treatment],
    };
    // scipy.optimize.brentq on the same half-width equation gives 0.4630473577946261 (gbstats: 0.46316…).
    expectClose(analyzeExperiment(input).variants[0].pValue, 0.4630473577946261, full, "pValue");
  });
});

describe("analyzeExperiment against the scipy re-implementation of gbstats (1e-6)", () => {
  it.each(analysisVectors.map((vector, index) => ({ ...vector, index })))(
    "vector $index",
    ({ input, expected, exactOneSidedPValues }) => {
      const actual = serializeResult(analyzeExperiment(input));
      if (exactOneSidedPValues === undefined) {
        expectClose(actual, expected, 1e-6, "result");
        return;
      }
      // One-sided sequential p-values: exact root to 1e-9, and within gbstats' bisection tolerance.
      const withoutP = (result: typeof actual) => ({
        ...result,
        variants: result.variants.map(({ pValue, adjustedPValue, ...rest }) => rest),
      });
      expectClose(withoutP(actual), withoutP(expected as typeof actual), 1e-6, "result");
      actual.variants.forEach((variant, index) => {
        expectClose(variant.pValue, exactOneSidedPValues[index], 1e-9, `variants[${index}].pValue (exact)`);
        expectClose(
          variant.pValue,
          (expected as typeof actual).variants[index].pValue,
          5e-5,
          `variants[${index}].pValue (gbstats)`,
        );
      });
    },
  );
});

describe("sample ratio mismatch", () => {
  const variantsOf = (counts: number[]) => counts.map((n, index) => ({ name: `v${index}`, n, sum: n / 2 }));

  it("matches GrowthBook's checkSrm vector for three variants", () => {
    const result = analyzeExperiment({
      metric: "proportion",
      variants: variantsOf([500, 500, 600]),
      expectedSplit: [0.34, 0.33, 0.33],
    });
    expect(result.srmPValue).toBeCloseTo(0.000592638, 9);
  });

  it("is 1 for a perfect split and defaults to equal shares", () => {
    expect(analyzeExperiment({ metric: "proportion", variants: variantsOf([500, 500]) }).srmPValue).toBe(1);
  });

  it("keeps precision for gross mismatches (chi-square survival, not 1 − cdf)", () => {
    const result = analyzeExperiment({ metric: "proportion", variants: variantsOf([10000, 12000]) });
    expect(result.srmPValue).toBeGreaterThan(0);
    expect(result.srmPValue).toBeLessThan(1e-30);
  });
});

describe("result shape", () => {
  it("reports every treatment against the control, in input order", () => {
    const third = { name: "c", n: 3300, sum: 1500, sumSquares: 60000 };
    const result = analyzeExperiment({ metric: "mean", variants: [control, treatment, third] });
    expect(result.variants.map((variant) => variant.name)).toEqual(["b", "c"]);
  });

  it("writes infinite bounds as strings only when serialized", () => {
    const result = analyzeExperiment({ metric: "mean", sided: "greater", variants: [control, treatment] });
    expect(result.variants[0].ci[1]).toBe(Number.POSITIVE_INFINITY);
    const json = JSON.parse(JSON.stringify(serializeResult(result)));
    expect(json.variants[0].ci[1]).toBe("Infinity");
    const lesser = serializeResult(
      analyzeExperiment({ metric: "mean", sided: "lesser", variants: [control, treatment] }),
    );
    expect(lesser.variants[0].ci[0]).toBe("-Infinity");
  });

  it("adds Holm-adjusted p-values across the treatments when asked", () => {
    const third = { name: "c", n: 3300, sum: 1500, sumSquares: 60000 };
    const result = analyzeExperiment({ metric: "mean", correction: "holm", variants: [control, treatment, third] });
    const [b, c] = result.variants;
    const smaller = Math.min(b.pValue ?? 1, c.pValue ?? 1);
    expect(Math.min(b.adjustedPValue ?? 1, c.adjustedPValue ?? 1)).toBeCloseTo(Math.min(1, 2 * smaller), 12);
  });

  it("falls back to the unadjusted analysis when CUPED's pre-period has no variance (θ = 0)", () => {
    const flatPre = (arm: typeof cupedControl) => ({
      ...arm,
      pre: { sum: arm.n, sumSquares: arm.n },
      postPreSumOfProducts: arm.post.sum,
    });
    const cuped = analyzeExperiment({ metric: "cuped", variants: [flatPre(cupedControl), flatPre(cupedTreatment)] });
    const plain = analyzeExperiment({
      metric: "mean",
      variants: [
        { name: "control", n: 3000, ...cupedControl.post },
        { name: "b", n: 3461, ...cupedTreatment.post },
      ],
    });
    expect(cuped.variants[0].estimate).toBeCloseTo(plain.variants[0].estimate, 12);
    expect(cuped.variants[0].pValue).toBeCloseTo(plain.variants[0].pValue ?? Number.NaN, 12);
  });

  it("states relative lift over |control mean|, so a higher treatment is a positive lift even below zero", () => {
    const negative = analyzeExperiment({
      metric: "mean",
      variants: [
        { name: "control", n: 100, sum: -200, sumSquares: 500 },
        { name: "b", n: 100, sum: -100, sumSquares: 200 },
      ],
    });
    expect(negative.variants[0].estimate).toBeCloseTo(0.5, 12);
  });
});
