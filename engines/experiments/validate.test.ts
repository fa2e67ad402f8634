import { describe, expect, it } from "vitest";
import { analyzeExperiment } from "./analyze";
import { ExperimentInputError } from "./errors";
import { parseExperimentInput } from "./validate";

const meanInput = () => ({
  metric: "mean",
  variants: [
    { name: "control", n: 100, sum: 50, sumSquares: 60 },
    { name: "b", n: 120, sum: 70, sumSquares: 80 },
  ],
});
const cupedVariant = (name: string) => ({
  name,
  n: 100,
  post: { sum: 50, sumSquares: 60 },
  pre: { sum: 40, sumSquares: 45 },
  postPreSumOfProducts: 30,
});

function errorOf(input: unknown): ExperimentInputError {
  try {
    analyzeExperiment(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ExperimentInputError);
    return error as ExperimentInputError;
  }
  throw new Error("expected the analysis to reject its input");
}

function withVariant(index: number, patch: Record<string, unknown>, base: { variants: object[] } = meanInput()) {
  const variants = base.variants.map((variant, position) => (position === index ? { ...variant, ...patch } : variant));
  return { ...base, variants };
}

describe("parseExperimentInput", () => {
  it("fills GrowthBook's defaults", () => {
    const plan = parseExperimentInput(meanInput());
    expect(plan).toMatchObject({
      method: "frequentist",
      sided: "two",
      difference: "relative",
      alpha: 0.05,
      sequentialTuning: 5000,
    });
    expect(plan.prior).toEqual({ mean: 0, variance: 0.09, proper: false });
    expect(plan.expectedSplit).toEqual([0.5, 0.5]);
  });

  it("normalises the expected split and infers proportion moments from a missing sumSquares", () => {
    const plan = parseExperimentInput({
      metric: "cuped",
      expectedSplit: [1, 3],
      variants: [
        { name: "a", n: 10, post: { sum: 4 }, pre: { sum: 3 }, postPreSumOfProducts: 2 },
        { name: "b", n: 10, post: { sum: 5 }, pre: { sum: 3 }, postPreSumOfProducts: 2 },
      ],
    });
    expect(plan.expectedSplit).toEqual([0.25, 0.75]);
    expect(plan.arms[0]).toMatchObject({ kind: "cuped", post: { type: "proportion" }, pre: { type: "proportion" } });
  });
});

describe("bad input is rejected with the field named", () => {
  const cases: { name: string; input: unknown; path: string; message: RegExp }[] = [
    { name: "not an object", input: [1, 2], path: "", message: /input must be a JSON object/ },
    {
      name: "unknown metric",
      input: { ...meanInput(), metric: "median" },
      path: "metric",
      message: /must be one of "mean"/,
    },
    {
      name: "misspelt setting",
      input: { ...meanInput(), methd: "bayesian" },
      path: "methd",
      message: /not a known field/,
    },
    {
      name: "one variant only",
      input: { ...meanInput(), variants: [meanInput().variants[0]] },
      path: "variants",
      message: /control and at least one treatment/,
    },
    {
      name: "n below 2",
      input: withVariant(1, { n: 1 }),
      path: "variants[1].n",
      message: /^variants\[1\]\.n must be an integer of at least 2$/,
    },
    { name: "fractional n", input: withVariant(0, { n: 10.5 }), path: "variants[0].n", message: /integer/ },
    {
      name: "non-numeric sum",
      input: withVariant(1, { sum: "70" }),
      path: "variants[1].sum",
      message: /finite number/,
    },
    { name: "NaN sum", input: withVariant(1, { sum: Number.NaN }), path: "variants[1].sum", message: /finite number/ },
    {
      name: "negative variance",
      input: withVariant(1, { sumSquares: 10 }),
      path: "variants[1].sumSquares",
      message: /variance would be negative/,
    },
    {
      name: "proportion above 1",
      input: {
        metric: "proportion",
        variants: [
          { name: "a", n: 10, sum: 5 },
          { name: "b", n: 10, sum: 11 },
        ],
      },
      path: "variants[1].sum",
      message: /between 0 and n/,
    },
    {
      name: "zero control mean for a relative lift",
      input: withVariant(0, { sum: 0, sumSquares: 60 }),
      path: "variants[0]",
      message: /mean of zero.*absolute/,
    },
    {
      name: "no variance at all",
      input: {
        metric: "proportion",
        variants: [
          { name: "a", n: 10, sum: 5 },
          { name: "b", n: 10, sum: 10 },
        ],
      },
      path: "variants[1]",
      message: /no variance/,
    },
    {
      name: "duplicate names",
      input: withVariant(1, { name: "control" }),
      path: "variants[1].name",
      message: /unique/,
    },
    {
      name: "field of another metric",
      input: withVariant(1, { post: { sum: 1 } }),
      path: "variants[1].post",
      message: /not a field of a "mean" variant/,
    },
    {
      name: "alpha of 0.5",
      input: { ...meanInput(), alpha: 0.5 },
      path: "alpha",
      message: /greater than 0 and less than 0.5/,
    },
    { name: "alpha of 0", input: { ...meanInput(), alpha: 0 }, path: "alpha", message: /greater than 0/ },
    {
      name: "tuning of 0",
      input: { ...meanInput(), method: "sequential", sequentialTuning: 0 },
      path: "sequentialTuning",
      message: /positive/,
    },
    {
      name: "prior variance of 0",
      input: { ...meanInput(), method: "bayesian", prior: { variance: 0 } },
      path: "prior.variance",
      message: /positive/,
    },
    {
      name: "correction with Bayesian",
      input: { ...meanInput(), method: "bayesian", correction: "bh" },
      path: "correction",
      message: /frequentist and sequential/,
    },
    {
      name: "split of the wrong length",
      input: { ...meanInput(), expectedSplit: [1] },
      path: "expectedSplit",
      message: /2 shares/,
    },
    {
      name: "zero share",
      input: { ...meanInput(), expectedSplit: [1, 0] },
      path: "expectedSplit[1]",
      message: /positive/,
    },
    {
      name: "CUPED without pre",
      input: { metric: "cuped", variants: [cupedVariant("a"), { ...cupedVariant("b"), pre: undefined }] },
      path: "variants[1].pre",
      message: /must be an object/,
    },
    {
      name: "CUPED correlation beyond ±1",
      input: { metric: "cuped", variants: [cupedVariant("a"), { ...cupedVariant("b"), postPreSumOfProducts: 500 }] },
      path: "variants[1].postPreSumOfProducts",
      message: /correlation would be .* beyond ±1/,
    },
    {
      name: "CUPED types differing from control",
      input: {
        metric: "cuped",
        variants: [cupedVariant("a"), { ...cupedVariant("b"), postType: "proportion", post: { sum: 50 } }],
      },
      path: "variants[1].post",
      message: /same type as the control's/,
    },
    {
      name: "ratio with a zero denominator",
      input: {
        metric: "ratio",
        variants: [
          { name: "a", n: 10, m: { sum: 5, sumSquares: 5 }, d: { sum: 10, sumSquares: 12 }, mdSumOfProducts: 6 },
          { name: "b", n: 10, m: { sum: 0, sumSquares: 0 }, d: { sum: 0, sumSquares: 0 }, mdSumOfProducts: 0 },
        ],
      },
      path: "variants[1].d.sum",
      message: /must not be zero/,
    },
  ];

  it("says what is wrong after the field's path, as before the schemas", () => {
    const messages = [
      { ...meanInput(), sided: 2 },
      { ...meanInput(), prior: { varianc: 1 } },
      { ...meanInput(), prior: [] },
      { ...meanInput(), alpha: "0.05" },
      { ...meanInput(), variants: [null, meanInput().variants[1]] },
      withVariant(1, { name: " " }),
      withVariant(0, { sumSquares: Number.POSITIVE_INFINITY }),
      { ...meanInput(), variants: "two" },
    ].map((input) => errorOf(input).message);
    expect(messages).toEqual([
      'sided must be one of "two", "greater", "lesser"',
      "prior.varianc is not a known field",
      "prior must be an object {mean, variance, proper}",
      "alpha must be a finite number",
      "variants[0] must be an object",
      "variants[1].name must be a non-empty string",
      "variants[0].sumSquares must be a finite number",
      "variants must be an array of variants",
    ]);
  });

  it.each(cases)("$name → $path", ({ input, path, message }) => {
    const error = errorOf(input);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});
