import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAttribution, type PathModelName } from "./attribute";
import { createJourneyAggregator } from "./journeys";
import { computeMarkovModel } from "./markov";
import { buildPathTable, type PathRow } from "./paths";
import type { AttributionResult } from "./types";

const NAMES = ["Search", "Email", "Display", "Social", "Affiliate", "Direct"];
const ABSENT = "Never";

const pathRow: fc.Arbitrary<PathRow> = fc
  .record({
    path: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 7 }),
    conversions: fc.integer({ min: 0, max: 5 }),
    valuePerConversion: fc.double({ min: 0, max: 500, noNaN: true }),
    nulls: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ path, conversions, valuePerConversion, nulls }) => ({
    path,
    conversions,
    value: conversions * valuePerConversion,
    nulls,
  }));

const pathRows = fc.array(pathRow, { minLength: 1, maxLength: 25 });

const MODELS: { model: PathModelName; order?: number }[] = [
  { model: "first" },
  { model: "last" },
  { model: "linear" },
  { model: "position" },
  { model: "shapley" },
  { model: "markov", order: 1 },
  { model: "markov", order: 2 },
  { model: "markov", order: 3 },
  { model: "markov", order: 4 },
];

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function sumOf(result: AttributionResult, key: "conversions" | "value"): number {
  return result.channels.reduce((sum, channel) => sum + channel[key], 0);
}

describe.each(MODELS)("invariants of $model (order $order)", ({ model, order }) => {
  it("distributes exactly the observed totals", () => {
    fc.assert(
      fc.property(pathRows, (rows) => {
        const result = computeAttribution(buildPathTable(rows), model, { order });
        const conversions = rows.reduce((sum, row) => sum + row.conversions, 0);
        const value = rows.reduce((sum, row) => sum + (row.value ?? 0), 0);
        expectClose(result.totals.conversions, conversions);
        expectClose(result.totals.value, value);
        expectClose(sumOf(result, "conversions"), conversions);
        expectClose(sumOf(result, "value"), value);
        for (const channel of result.channels) {
          expect(channel.conversions).toBeGreaterThanOrEqual(0);
          expect(channel.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("gives nothing to a channel that never appears", () => {
    fc.assert(
      fc.property(pathRows, (rows) => {
        const result = computeAttribution(buildPathTable(rows, [ABSENT]), model, { order });
        const absent = result.channels.find((channel) => channel.channel === ABSENT);
        expect(absent?.conversions).toBe(0);
        expect(absent?.value).toBe(0);
        if (model === "markov") expect(absent?.removalEffect).toBe(0);
      }),
    );
  });

  it("permutes its results when channel names are permuted", () => {
    fc.assert(
      fc.property(pathRows, fc.shuffledSubarray(NAMES, { minLength: NAMES.length }), (rows, shuffled) => {
        const rename = new Map(NAMES.map((name, i) => [name, `${shuffled[i]}!`]));
        const renamed = rows.map((row) => ({ ...row, path: row.path.map((name) => rename.get(name) as string) }));
        const original = computeAttribution(buildPathTable(rows), model, { order });
        const permuted = computeAttribution(buildPathTable(renamed), model, { order });
        const byName = new Map(permuted.channels.map((channel) => [channel.channel, channel]));
        expect(permuted.channels).toHaveLength(original.channels.length);
        for (const channel of original.channels) {
          const twin = byName.get(rename.get(channel.channel) as string);
          expectClose(twin?.conversions ?? Number.NaN, channel.conversions);
          expectClose(twin?.value ?? Number.NaN, channel.value);
          if (model === "markov") expectClose(twin?.removalEffect ?? Number.NaN, channel.removalEffect ?? 0);
        }
      }),
    );
  });
});

describe("invariants of the Markov removal effects", () => {
  it("keeps every removal effect in [0, 1] and P(conversion) at the observed conversion rate", () => {
    fc.assert(
      fc.property(pathRows, fc.integer({ min: 1, max: 4 }), (rows, order) => {
        const result = computeMarkovModel(buildPathTable(rows), { order });
        for (const channel of result.channels) {
          expect(channel.removalEffect).toBeGreaterThanOrEqual(0);
          expect(channel.removalEffect).toBeLessThanOrEqual(1);
          expect(result.diagnostics.valueRemovalEffects[channel.channel]).toBeGreaterThanOrEqual(0);
          expect(result.diagnostics.valueRemovalEffects[channel.channel]).toBeLessThanOrEqual(1);
        }
        const conversions = rows.reduce((sum, row) => sum + row.conversions, 0);
        const weight = rows.reduce((sum, row) => sum + row.conversions + (row.nulls ?? 0), 0);
        expectClose(result.diagnostics.conversionProbability, weight === 0 ? 0 : conversions / weight);
        expect(result.diagnostics.maxRemovalEffectError).toBeLessThan(1e-12);
      }),
    );
  });

  it("gives a channel found in every converting path the full removal effect", () => {
    fc.assert(
      fc.property(pathRows, (rows) => {
        const forced = rows.map((row) => ({ ...row, path: [...row.path, "Checkout"] }));
        if (!forced.some((row) => row.conversions > 0)) return;
        const result = computeMarkovModel(buildPathTable(forced), { order: 1 });
        expectClose(result.channels.find((channel) => channel.channel === "Checkout")?.removalEffect ?? 0, 1);
      }),
    );
  });
});

describe("invariants of time-decay", () => {
  const touch = fc.record({
    journey: fc.integer({ min: 0, max: 6 }),
    day: fc.double({ min: 0, max: 60, noNaN: true }),
    channel: fc.constantFrom(...NAMES),
  });
  const conversion = fc.record({
    journey: fc.integer({ min: 0, max: 6 }),
    day: fc.double({ min: 0, max: 60, noNaN: true }),
    value: fc.double({ min: 0, max: 1000, noNaN: true }),
  });

  it("distributes exactly the matched conversions, and matched plus unmatched is everything", () => {
    fc.assert(
      fc.property(
        fc.array(touch, { maxLength: 40 }),
        fc.array(conversion, { maxLength: 10 }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        (touches, conversions, halfLifeDays, lookbackDays) => {
          const journeys = createJourneyAggregator({ halfLifeDays, lookbackDays });
          for (const t of touches) journeys.addTouchpoint(`j${t.journey}`, t.day * 86_400_000, t.channel);
          for (const c of conversions) journeys.addConversion(`j${c.journey}`, c.day * 86_400_000, c.value);
          const { timeDecay, unmatched, paths } = journeys.finish();
          expectClose(timeDecay.totals.conversions + unmatched.conversions, conversions.length);
          expectClose(
            timeDecay.totals.value + unmatched.value,
            conversions.reduce((sum, c) => sum + c.value, 0),
          );
          expectClose(sumOf(timeDecay, "conversions"), timeDecay.totals.conversions);
          expectClose(sumOf(timeDecay, "value"), timeDecay.totals.value);
          const linear = computeAttribution(paths, "linear");
          expect(linear.totals).toEqual(timeDecay.totals);
        },
      ),
    );
  });
});
