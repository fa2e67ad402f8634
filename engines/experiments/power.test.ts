import { describe, expect, it } from "vitest";
import { ExperimentInputError } from "./errors";
import { calculateMinimumDetectableEffect, calculatePower, calculateSampleSize, type PowerInput } from "./power";
import referenceVectors from "./reference-vectors.json";

// The scipy re-implementation's power vectors (test data, in JSON beside the tests).
const powerVectors: { input: Record<string, unknown>; expected: number }[] = referenceVectors.powerVectors;

// GrowthBook's power tests (packages/shared/test/power.test.ts): 400,000 users over 3 variations.
const growthbookMean: PowerInput = {
  metric: "mean",
  mean: 10,
  standardDeviation: Math.sqrt(3909.9997749994377),
  effect: 0.05,
};
const clickThrough: PowerInput = { metric: "proportion", mean: 0.1, effect: 0.05 };
const revenue: PowerInput = { metric: "mean", mean: 0.1, standardDeviation: Math.sqrt(0.5), effect: 0.3 };
const bayesianPrior = { mean: 0.2, variance: 0.3, proper: true };
// usersPerWeek 4,500 over 3 variations for weeks 1–9; values alternate click-through, revenue.
const weeklyPower = [
  0.073, 0.17053, 0.0965, 0.29389, 0.1204, 0.41122, 0.14458, 0.51749, 0.16895, 0.61037, 0.19342, 0.68938, 0.21791,
  0.75513, 0.24235, 0.80886, 0.26666, 0.85213,
];
const weeklyMde = [
  0.36767, 1.26769, 0.24505, 0.71941, 0.19525, 0.54299, 0.16673, 0.4506, 0.14774, 0.39208, 0.13394, 0.35099, 0.12336,
  0.32018, 0.11491, 0.29603, 0.10796, 0.27647,
];
const weeklyPowerBayesian = [
  0.0752, 0.15127, 0.10103, 0.29358, 0.12581, 0.41893, 0.15048, 0.52858, 0.17516, 0.62241, 0.19984, 0.70103, 0.22446,
  0.7657, 0.24899, 0.81807, 0.27334, 0.8599,
];
const weeklyMdeBayesian = [
  0.36259, 1.65287, 0.24173, 0.73248, 0.1929, 0.54036, 0.16492, 0.44561, 0.14626, 0.38687, 0.1327, 0.34604, 0.12228,
  0.3156, 0.11396, 0.29182, 0.10712, 0.27258,
];
const weeklyPowerSequential = [
  0.05936, 0.09832, 0.06912, 0.14992, 0.07849, 0.19972, 0.08761, 0.24784, 0.09657, 0.29426, 0.10541, 0.33888, 0.11415,
  0.38165, 0.12282, 0.42249, 0.13142, 0.46136,
];
const weeklyMdeSequential = [
  0.65545, 4.33868, 0.4112, 1.51846, 0.32394, 1.04943, 0.27607, 0.84084, 0.24484, 0.71862, 0.22241, 0.63663, 0.20532,
  0.577, 0.19172, 0.53123, 0.18058, 0.49473,
];

function tabulateWeeks(extra: Partial<PowerInput>): { power: number[]; mde: (number | null)[] } {
  const power: number[] = [];
  const mde: (number | null)[] = [];
  for (let week = 1; week <= 9; week += 1) {
    for (const metric of [clickThrough, revenue]) {
      const input = { ...metric, ...extra, usersPerVariant: 1500 * week };
      power.push(calculatePower(input));
      const { effect, ...withoutEffect } = input;
      mde.push(calculateMinimumDetectableEffect(withoutEffect));
    }
  }
  return { power, mde };
}

describe("power against GrowthBook's published vectors", () => {
  it("frequentist and sequential power for one metric", () => {
    expect(calculatePower({ ...growthbookMean, usersPerVariant: 400000 / 3 })).toBeCloseTo(0.52144, 5);
    expect(
      calculatePower({ ...growthbookMean, usersPerVariant: 400000 / 3, method: "sequential", sequentialTuning: 5000 }),
    ).toBeCloseTo(0.20596, 5);
  });

  it("frequentist and sequential minimum detectable effects", () => {
    const { effect, ...design } = growthbookMean;
    expect(calculateMinimumDetectableEffect({ ...design, usersPerVariant: 400000 / 3 })).toBeCloseTo(0.07027, 5);
    expect(
      calculateMinimumDetectableEffect({ ...design, usersPerVariant: 400000 / 3, method: "sequential" }),
    ).toBeCloseTo(0.12821, 5);
  });

  it.each([
    ["frequentist", {}, weeklyPower, weeklyMde],
    ["sequential", { method: "sequential" }, weeklyPowerSequential, weeklyMdeSequential],
    ["bayesian", { method: "bayesian", prior: bayesianPrior }, weeklyPowerBayesian, weeklyMdeBayesian],
  ] as const)("weekly power and MDE table, %s", (_, extra, power, mde) => {
    const actual = tabulateWeeks(extra as Partial<PowerInput>);
    actual.power.forEach((value, index) => {
      expect(value).toBeCloseTo(power[index], 5);
    });
    // GrowthBook's MDE ignores the far tail (frequentist) or grid-searches in 1e-5 steps (Bayesian).
    actual.mde.forEach((value, index) => {
      expect(Math.abs((value ?? Number.NaN) - mde[index])).toBeLessThan(2e-5 * Math.max(1, mde[index]));
    });
  });

  it("Bayesian power of the Bayesian MDE is the target, relative and absolute", () => {
    const metric: PowerInput = {
      ...growthbookMean,
      method: "bayesian",
      prior: { mean: 0.05, variance: 0.5476, proper: true },
    };
    const usersPerVariant = 400000 / 3;
    expect(calculatePower({ ...metric, effect: 0.07024999999999991, usersPerVariant })).toBeCloseTo(0.8, 3);
    expect(
      calculatePower({ ...metric, effect: 0.06781974621178363, difference: "absolute", usersPerVariant }),
    ).toBeCloseTo(0.8, 3);
  });
});

describe("power against the scipy re-implementation (1e-9)", () => {
  it.each(powerVectors.map((vector, index) => ({ ...vector, index })))("vector $index", ({ input, expected }) => {
    expect(Math.abs(calculatePower(input as PowerInput & { usersPerVariant: number }) - expected)).toBeLessThan(1e-9);
  });
});

describe("calculateSampleSize", () => {
  it("finds the first sample size reaching the target, matching GrowthBook's week 8 for revenue", () => {
    const result = calculateSampleSize({ ...revenue, variants: 3, dailyUsers: 4500 / 7 });
    expect(result.usersPerVariant).toBeGreaterThan(1500 * 7);
    expect(result.usersPerVariant).toBeLessThanOrEqual(1500 * 8);
    expect(result.power).toBeGreaterThanOrEqual(0.8);
    expect(calculatePower({ ...revenue, usersPerVariant: result.usersPerVariant - 1 })).toBeLessThan(0.8);
    expect(result.totalUsers).toBe(3 * result.usersPerVariant);
    expect(result.days).toBe(Math.ceil(result.totalUsers / (4500 / 7)));
  });

  it("asks for more users under sequential testing and fewer under a one-sided test", () => {
    const fixed = calculateSampleSize(clickThrough).usersPerVariant;
    expect(calculateSampleSize({ ...clickThrough, method: "sequential" }).usersPerVariant).toBeGreaterThan(fixed);
    expect(calculateSampleSize({ ...clickThrough, sided: "greater" }).usersPerVariant).toBeLessThan(fixed);
    expect(calculateSampleSize({ ...clickThrough, power: 0.9 }).usersPerVariant).toBeGreaterThan(fixed);
  });

  it("handles Bayesian designs and negative effects for lesser tests", () => {
    const bayesian = calculateSampleSize({ ...clickThrough, method: "bayesian", prior: bayesianPrior });
    expect(bayesian.power).toBeGreaterThanOrEqual(0.8);
    const lesser = calculateSampleSize({ ...clickThrough, effect: -0.05, sided: "lesser" });
    expect(
      calculatePower({ ...clickThrough, effect: -0.05, sided: "lesser", usersPerVariant: lesser.usersPerVariant }),
    ).toBeGreaterThanOrEqual(0.8);
    expect(calculateMinimumDetectableEffect({ ...clickThrough, sided: "lesser", usersPerVariant: 50000 })).toBeLessThan(
      0,
    );
  });

  it.each([
    [{ ...clickThrough, effect: 0 }, "effect"],
    [{ ...clickThrough, effect: -0.1, sided: "greater" as const }, "effect"],
    [{ ...clickThrough, mean: 1.2 }, "mean"],
    [{ ...revenue, standardDeviation: undefined }, "standardDeviation"],
    [{ ...clickThrough, power: 1 }, "power"],
    [{ ...clickThrough, alpha: 0.7 }, "alpha"],
    [{ ...clickThrough, variants: 1 }, "variants"],
    [{ ...clickThrough, dailyUsers: 0 }, "dailyUsers"],
    [{ ...clickThrough, dailyUsers: 5e-324 }, "dailyUsers"],
    [{ ...clickThrough, mean: 0.5, effect: 1e-7 }, "effect"],
  ])("rejects bad input naming %j's field %s", (input, path) => {
    expect(() => calculateSampleSize(input)).toThrow(ExperimentInputError);
    try {
      calculateSampleSize(input);
    } catch (error) {
      expect((error as ExperimentInputError).path).toBe(path);
    }
  });

  it("returns null when no lift up to 500% reaches the power", () => {
    expect(calculateMinimumDetectableEffect({ ...revenue, usersPerVariant: 10 })).toBeNull();
  });
});
