import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeExperiment } from "./analyze";
import { calculatePower } from "./power";
import type { ExperimentResult } from "./types";

type Arm = Record<string, unknown> & { name: string; n: number };

// Aggregates built from a mean, a standard deviation and a correlation, so they are always consistent.
const buildMoments = (n: number, mean: number, sd: number) => ({
  sum: n * mean,
  sumSquares: (n - 1) * sd * sd + n * mean * mean,
});
const computeSumOfProducts = (n: number, a: { mean: number; sd: number }, b: { mean: number; sd: number }, r: number) =>
  (n - 1) * r * a.sd * b.sd + n * a.mean * b.mean;

const size = fc.integer({ min: 20, max: 100_000 });
const positiveMean = fc.double({ min: 0.5, max: 500, noNaN: true });
const spread = fc.double({ min: 0.1, max: 50, noNaN: true });
const correlation = fc.double({ min: -0.9, max: 0.9, noNaN: true });

const meanArm = fc
  .record({ n: size, mean: positiveMean, sd: spread })
  .map(({ n, mean, sd }) => ({ n, ...buildMoments(n, mean, sd) }));
const proportionArm = size.chain((n) => fc.integer({ min: 1, max: n - 1 }).map((sum) => ({ n, sum })));
const cupedArm = fc
  .record({
    n: size,
    post: fc.record({ mean: positiveMean, sd: spread }),
    pre: fc.record({ mean: positiveMean, sd: spread }),
    r: correlation,
  })
  .map(({ n, post, pre, r }) => ({
    n,
    post: buildMoments(n, post.mean, post.sd),
    pre: buildMoments(n, pre.mean, pre.sd),
    postPreSumOfProducts: computeSumOfProducts(n, post, pre, r),
  }));
const ratioArm = fc
  .record({
    n: size,
    m: fc.record({ mean: positiveMean, sd: spread }),
    d: fc.record({ mean: positiveMean, sd: spread }),
    r: correlation,
  })
  .map(({ n, m, d, r }) => ({
    n,
    m: buildMoments(n, m.mean, m.sd),
    d: buildMoments(n, d.mean, d.sd),
    mdSumOfProducts: computeSumOfProducts(n, m, d, r),
  }));

const armsByMetric = { mean: meanArm, proportion: proportionArm, cuped: cupedArm, ratio: ratioArm } as const;
type Spec = {
  metric: "mean" | "proportion" | "cuped" | "ratio";
  arms: Omit<Arm, "name">[];
  method: "frequentist" | "sequential" | "bayesian";
  sided: "two" | "greater" | "lesser";
  difference: "relative" | "absolute";
  alpha: number;
  proper: boolean;
};
const experiment: fc.Arbitrary<Spec> = fc
  .constantFrom("mean" as const, "proportion" as const, "cuped" as const, "ratio" as const)
  .chain((metric) =>
    fc.record({
      metric: fc.constant(metric),
      arms: fc.array(armsByMetric[metric] as fc.Arbitrary<Omit<Arm, "name">>, { minLength: 2, maxLength: 5 }),
      method: fc.constantFrom("frequentist" as const, "sequential" as const, "bayesian" as const),
      sided: fc.constantFrom("two" as const, "greater" as const, "lesser" as const),
      difference: fc.constantFrom("relative" as const, "absolute" as const),
      alpha: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      proper: fc.boolean(),
    }),
  );

function analyze(spec: Spec, arms = spec.arms): ExperimentResult {
  return analyzeExperiment({
    metric: spec.metric,
    method: spec.method,
    sided: spec.sided,
    difference: spec.difference,
    alpha: spec.alpha,
    prior: { mean: 0.01, variance: 0.05, proper: spec.proper },
    variants: arms.map((arm, index) => ({ name: `v${index}`, ...arm })),
  });
}

describe("analysis invariants (fast-check)", () => {
  it("gives p-values, chance to win and SRM in [0, 1], non-negative risk, and no NaN", () => {
    fc.assert(
      fc.property(experiment, (spec) => {
        const result = analyze(spec);
        expect(result.srmPValue).toBeGreaterThanOrEqual(0);
        expect(result.srmPValue).toBeLessThanOrEqual(1);
        for (const variant of result.variants) {
          for (const value of [variant.estimate, variant.standardError]) expect(Number.isFinite(value)).toBe(true);
          for (const value of [variant.pValue, variant.chanceToWin]) {
            if (value === undefined) continue;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          for (const value of variant.risk ?? []) expect(value).toBeGreaterThanOrEqual(0);
          expect(variant.ci.some(Number.isNaN)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("has a confidence (or credible) interval that contains the estimate", () => {
    fc.assert(
      fc.property(experiment, (spec) => {
        for (const variant of analyze(spec).variants) {
          expect(variant.ci[0]).toBeLessThanOrEqual(variant.estimate);
          expect(variant.ci[1]).toBeGreaterThanOrEqual(variant.estimate);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("flips the sign of the absolute difference when control and treatment swap", () => {
    fc.assert(
      fc.property(experiment, (spec) => {
        const pair = spec.arms.slice(0, 2);
        const frequentist = {
          ...spec,
          method: "frequentist" as const,
          difference: "absolute" as const,
          sided: "two" as const,
        };
        const forward = analyze(frequentist, pair).variants[0];
        const backward = analyze(frequentist, [pair[1], pair[0]]).variants[0];
        expect(backward.estimate).toBeCloseTo(-forward.estimate, 9);
        expect(backward.pValue ?? 0).toBeCloseTo(forward.pValue ?? 0, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a chance to win and its complement when control and treatment swap (flat prior)", () => {
    fc.assert(
      fc.property(experiment, (spec) => {
        const pair = spec.arms.slice(0, 2);
        const flat = { ...spec, method: "bayesian" as const, difference: "absolute" as const, proper: false };
        const forward = analyze(flat, pair).variants[0].chanceToWin ?? Number.NaN;
        const backward = analyze(flat, [pair[1], pair[0]]).variants[0].chanceToWin ?? Number.NaN;
        expect(forward + backward).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe("power invariants (fast-check)", () => {
  it("grows with the sample size and stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 10, max: 1_000_000 }),
        fc.constantFrom("frequentist" as const, "sequential" as const, "bayesian" as const),
        (effect, n, method) => {
          const design = { metric: "proportion" as const, mean: 0.1, effect, method };
          const smaller = calculatePower({ ...design, usersPerVariant: n });
          const larger = calculatePower({ ...design, usersPerVariant: n * 2 });
          expect(smaller).toBeGreaterThanOrEqual(0);
          expect(larger).toBeLessThanOrEqual(1);
          expect(larger).toBeGreaterThanOrEqual(smaller - 1e-12);
        },
      ),
    );
  });
});
