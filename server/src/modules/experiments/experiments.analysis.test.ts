import { describe, expect, it } from "vitest";
import type { MetricDefinition } from "#contracts/experiments";
import { analyzeExperiment } from "#engines/experiments";
import { analyzeSnapshot, buildHeadline } from "./experiments.analysis";
import { checkSnapshot, type ExperimentDesign } from "./experiments.design";
import { readVariant } from "./experiments.reading";

const definition = (extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
  name: "sign-up rate",
  type: "proportion",
  direction: "increase",
  method: "frequentist",
  alpha: 0.05,
  sided: "two",
  difference: "relative",
  mde: null,
  ...extra,
});

const design = (extra: Partial<ExperimentDesign> = {}): ExperimentDesign => ({
  status: "stopped",
  variants: [
    { name: "A", weight: 50 },
    { name: "B", weight: 50 },
  ],
  primaryMetric: definition(),
  otherMetrics: [],
  ...extra,
});

const rates = (a: [number, number], b: [number, number]) => [
  {
    metric: "sign-up rate",
    variants: [
      { variant: "A", n: a[0], sum: a[1] },
      { variant: "B", n: b[0], sum: b[1] },
    ],
  },
];

describe("readVariant", () => {
  it("reads a significant rise of a metric that should rise as a win, with the interval in words", () => {
    const [variant] = analyzeExperiment({
      metric: "proportion",
      variants: [
        { name: "A", n: 5000, sum: 500 },
        { name: "B", n: 5000, sum: 600 },
      ],
    }).variants;
    const reading = readVariant(definition(), "A", variant);
    expect(reading.verdict).toBe("win");
    expect(reading.sentence).toBe(
      `B raised sign-up rate by 20.0% (95% CI ${(variant.ci[0] * 100).toFixed(1)}% to ${(variant.ci[1] * 100).toFixed(1)}%); this is unlikely to be chance (p = ${variant.pValue?.toFixed(3)}).`,
    );
  });

  it("calls the same rise a loss when lower is better, and an infinite one-sided bound ∞", () => {
    const [variant] = analyzeExperiment({
      metric: "proportion",
      sided: "greater",
      variants: [
        { name: "A", n: 5000, sum: 500 },
        { name: "B", n: 5000, sum: 600 },
      ],
    }).variants;
    const reading = readVariant(definition({ direction: "decrease", sided: "greater" }), "A", variant);
    expect(reading.verdict).toBe("loss");
    expect(reading.sentence).toMatch(/to ∞\)/);
  });

  it("reads an absolute difference of rates in percentage points, and a large p as no conclusion", () => {
    const [variant] = analyzeExperiment({
      metric: "proportion",
      difference: "absolute",
      variants: [
        { name: "A", n: 1000, sum: 100 },
        { name: "B", n: 1000, sum: 105 },
      ],
    }).variants;
    const reading = readVariant(definition({ difference: "absolute" }), "A", variant);
    expect(reading.verdict).toBe("inconclusive");
    expect(reading.sentence).toMatch(
      /^B raised sign-up rate by 0\.50 percentage points \(95% CI −\d\.\d pp to \d\.\d pp\); this could well be chance/,
    );
  });

  it("reads a Bayesian result as the chance of being better, flipped when lower is better", () => {
    const [variant] = analyzeExperiment({
      metric: "proportion",
      method: "bayesian",
      variants: [
        { name: "A", n: 5000, sum: 500 },
        { name: "B", n: 5000, sum: 600 },
      ],
    }).variants;
    expect(readVariant(definition({ method: "bayesian" }), "A", variant).verdict).toBe("win");
    const lower = readVariant(definition({ method: "bayesian", direction: "decrease" }), "A", variant);
    expect(lower.verdict).toBe("loss");
    expect(lower.sentence).toMatch(/a 0\.2% chance of being better than A: B is very likely worse than A\.$/);
  });
});

describe("checkSnapshot", () => {
  it("accepts the variants in any order and case, and maps engine errors back to the body's own indexes", () => {
    const metrics = [
      {
        metric: "Sign-up rate",
        variants: [
          { variant: "b", n: 100, sum: 130 },
          { variant: "a", n: 100, sum: 10 },
        ],
      },
    ];
    expect(checkSnapshot(design(), metrics)).toEqual([
      { path: "metrics.0.variants.0.sum", message: "must be between 0 and n (100) for a proportion" },
    ]);
    metrics[0].variants[0].sum = 12;
    expect(checkSnapshot(design(), metrics)).toEqual([]);
  });

  it("names a missing variant and a missing primary metric", () => {
    expect(checkSnapshot(design(), [{ metric: "sign-up rate", variants: [{ variant: "A", n: 10, sum: 1 }] }])).toEqual([
      { path: "metrics.0.variants", message: 'must give numbers for every variant (missing "B")' },
    ]);
    const otherOnly = checkSnapshot(
      design({ otherMetrics: [{ ...definition({ name: "revenue", type: "mean" }), role: "secondary" }] }),
      [{ metric: "revenue", variants: [] }],
    );
    expect(otherOnly[0]).toEqual({ path: "metrics", message: 'must include the primary metric "sign-up rate"' });
  });
});

describe("analyzeSnapshot", () => {
  it("flags peeking only for a fixed-horizon test read while running or read more than once", () => {
    const codes = (status: ExperimentDesign["status"], count: number, method: MetricDefinition["method"]) =>
      analyzeSnapshot(
        design({ status, primaryMetric: definition({ method }) }),
        rates([1000, 100], [1000, 110]),
        count,
      ).warnings.map((warning) => warning.code);
    expect(codes("running", 1, "frequentist")).toEqual(["peeking"]);
    expect(codes("stopped", 1, "frequentist")).toEqual([]);
    expect(codes("stopped", 3, "frequentist")).toEqual(["peeking"]);
    expect(codes("running", 3, "sequential")).toEqual([]);
  });

  it("keeps the headline on the best winner, and null without results", () => {
    const three = design({
      variants: [
        { name: "A", weight: 1 },
        { name: "B", weight: 1 },
        { name: "C", weight: 1 },
      ],
    });
    const results = analyzeSnapshot(
      three,
      [
        {
          metric: "sign-up rate",
          variants: [
            { variant: "A", n: 5000, sum: 500 },
            { variant: "B", n: 5000, sum: 520 },
            { variant: "C", n: 5000, sum: 640 },
          ],
        },
      ],
      1,
    );
    const headline = buildHeadline(results, new Date("2026-01-01T00:00:00Z"));
    expect(headline).toMatchObject({ variant: "C", verdict: "win", warnings: 0, at: "2026-01-01T00:00:00.000Z" });
    expect(buildHeadline(analyzeSnapshot(three, null, 0), new Date())).toBeNull();
  });
});
