import { describe, expect, it } from "vitest";
import { analyzeExperiment, serializeResult } from "./analyze";
import { ExperimentInputError } from "./errors";

// Aggregates of n units whose two values have the given means, standard deviations and correlation ρ; a ρ just
// past 1 is what a caller gets when the sums were rounded before being exported (as in a GrowthBook case at 1.00015).
function pairedMoments(n: number, meanX: number, sdX: number, meanY: number, sdY: number, rho: number) {
  return {
    x: { sum: n * meanX, sumSquares: (n - 1) * sdX ** 2 + n * meanX ** 2 },
    y: { sum: n * meanY, sumSquares: (n - 1) * sdY ** 2 + n * meanY ** 2 },
    sumOfProducts: (n - 1) * rho * sdX * sdY + n * meanX * meanY,
  };
}

// Arms with different spreads, so that even at |ρ| = 1 the pooled CUPED adjustment leaves some variance.
function cupedVariant(name: string, n: number, meanPost: number, rho: number, sdPost = 4) {
  const { x, y, sumOfProducts } = pairedMoments(n, meanPost, sdPost, 10, 2, rho);
  return { name, n, post: x, pre: y, postPreSumOfProducts: sumOfProducts };
}

function cupedInput(rho: number, extra: object = {}) {
  return {
    metric: "cuped",
    variants: [cupedVariant("control", 1000, 20, rho), cupedVariant("b", 1040, 20.6, rho, 5)],
    ...extra,
  };
}

function errorOf(input: unknown): ExperimentInputError {
  try {
    analyzeExperiment(input);
  } catch (error) {
    if (error instanceof ExperimentInputError) return error;
    throw error;
  }
  throw new Error("expected the analysis to refuse the input");
}

describe("post/pre correlation just past ±1 from rounding", () => {
  it("analyses a CUPED case at ρ = 1.00015 with the correlation clamped to 1, and says so", () => {
    const result = analyzeExperiment(cupedInput(1.00015));
    expect(result.warnings?.map((warning) => warning.path)).toEqual([
      "variants[0].postPreSumOfProducts",
      "variants[1].postPreSumOfProducts",
    ]);
    expect(result.warnings?.[0].message).toMatch(/correlation of 1\.000(1[45]|150).*clamped to 1/);
    // Clamped: within rounding of the answer for the same aggregates at ρ = 1 exactly (θ is still pooled from the
    // sums as given, as gbstats does, hence not identical).
    const atOne = analyzeExperiment(cupedInput(1));
    expect(atOne.warnings).toBeUndefined();
    expect(result.variants[0].estimate / atOne.variants[0].estimate).toBeCloseTo(1, 3);
    expect(result.variants[0].standardError / atOne.variants[0].standardError).toBeCloseTo(1, 3);
    expect(result.variants[0].pValue).toBeGreaterThanOrEqual(0);
    expect(result.variants[0].pValue).toBeLessThanOrEqual(1);
  });

  it("clamps a negative correlation to −1 and works for absolute differences and the Bayesian method", () => {
    for (const extra of [{ difference: "absolute" }, { method: "bayesian" }]) {
      const result = analyzeExperiment(cupedInput(-1.0009, extra));
      expect(result.warnings).toHaveLength(2);
      expect(result.warnings?.[1].message).toMatch(/clamped to -1/);
      expect(Number.isFinite(result.variants[0].standardError)).toBe(true);
    }
  });

  it("names the control's adjustment once however many treatments it is compared with", () => {
    const input = cupedInput(1.0002);
    input.variants.push(cupedVariant("c", 990, 19.5, 0.5));
    const result = analyzeExperiment(input);
    expect(result.warnings?.map((warning) => warning.path)).toEqual([
      "variants[0].postPreSumOfProducts",
      "variants[1].postPreSumOfProducts",
    ]);
  });

  it("clamps a ratio metric's m/d correlation the same way", () => {
    const variant = (name: string, n: number, meanM: number) => {
      const { x, y, sumOfProducts } = pairedMoments(n, meanM, 3, 2, 1, 1.0005);
      return { name, n, m: x, d: y, mdSumOfProducts: sumOfProducts };
    };
    const result = analyzeExperiment({ metric: "ratio", variants: [variant("a", 800, 5), variant("b", 820, 5.3)] });
    expect(result.warnings?.map((warning) => warning.path)).toEqual([
      "variants[0].mdSumOfProducts",
      "variants[1].mdSumOfProducts",
    ]);
    expect(Number.isFinite(result.variants[0].estimate)).toBe(true);
  });

  it("refuses a correlation beyond 1 + 1e-3, naming the field", () => {
    const error = errorOf(cupedInput(1.0015));
    expect(error.path).toBe("variants[0].postPreSumOfProducts");
    expect(error.message).toMatch(/correlation would be 1\.0015.*beyond ±1/);
  });

  it("writes the warnings into the JSON answer, and nothing when no value was adjusted", () => {
    expect(serializeResult(analyzeExperiment(cupedInput(1.00015))).warnings).toHaveLength(2);
    expect(serializeResult(analyzeExperiment(cupedInput(0.7)))).not.toHaveProperty("warnings");
  });
});
