import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustPValues } from "./corrections";
import { ExperimentInputError } from "./errors";

describe("adjustPValues", () => {
  it("matches hand-computed Holm and Benjamini–Hochberg values (as R's p.adjust)", () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    expect(adjustPValues(p, "holm").map((x) => +x.toFixed(12))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(adjustPValues(p, "bh").map((x) => +x.toFixed(12))).toEqual([0.02, 0.04, 0.04, 0.02]);
    const even = [0.01, 0.02, 0.03, 0.04, 0.05];
    expect(adjustPValues(even, "holm").map((x) => +x.toFixed(12))).toEqual([0.05, 0.08, 0.09, 0.09, 0.09]);
    expect(adjustPValues(even, "bh").map((x) => +x.toFixed(12))).toEqual([0.05, 0.05, 0.05, 0.05, 0.05]);
  });

  it("caps at 1, keeps ties together and accepts an empty family", () => {
    expect(adjustPValues([0.6, 0.6, 0.9], "holm")).toEqual([1, 1, 1]);
    expect(adjustPValues([0.2, 0.2], "bh")).toEqual([0.2, 0.2]);
    expect(adjustPValues([], "bh")).toEqual([]);
  });

  it("names the bad p-value", () => {
    expect(() => adjustPValues([0.1, 1.5], "holm")).toThrow(ExperimentInputError);
    expect(() => adjustPValues([0.1, Number.NaN], "bh")).toThrow(/pValues\[1\] must be a number from 0 to 1/);
    expect(() => adjustPValues([0.1], "bonferroni" as "holm")).toThrow(/correction must be "holm" or "bh"/);
  });

  const family = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 });

  it("never lowers a p-value, never exceeds 1, and keeps the order of the raw p-values", () => {
    fc.assert(
      fc.property(family, fc.constantFrom("holm" as const, "bh" as const), (p, method) => {
        const adjusted = adjustPValues(p, method);
        adjusted.forEach((value, i) => {
          expect(value).toBeGreaterThanOrEqual(p[i]);
          expect(value).toBeLessThanOrEqual(1);
          adjusted.forEach((other, j) => {
            if (p[i] <= p[j]) expect(value).toBeLessThanOrEqual(other);
          });
        });
      }),
    );
  });

  it("is at least as strict under Holm as under Benjamini–Hochberg", () => {
    fc.assert(
      fc.property(family, (p) => {
        const holm = adjustPValues(p, "holm");
        adjustPValues(p, "bh").forEach((value, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(value - 1e-15);
        });
      }),
    );
  });
});
