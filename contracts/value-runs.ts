// Value's attribution runs, their results and the which-half view.
import { z } from "zod";
import { Id, ListQuery, page, sortParam, TimeLimits, Timestamp } from "./common";
import { KnownCurrency, MoneyAmount } from "./value-spend";

/** The attribution models a run may compute. */
export const RunModel = z.enum(["first", "last", "linear", "position", "time-decay", "markov", "shapley"]);
export type RunModel = z.infer<typeof RunModel>;

/** Bounds of an attribution run: its period, and how it reads and queues. */
export const RunLimits = {
  /** The longest period one run covers, in years (and in days, leap days counted). */
  periodYearsMax: 5,
  periodDaysMax: 5 * 366,
  /** How far ahead of today a period may end, in days. */
  aheadDaysMax: 366,
} as const;

function daysBetween(start: string, end: string) {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
}

/** A day of an attribution run's period: from 1970 to a year ahead of today. */
export const RunDate = z.iso
  .date({ error: "must be a date like 2026-03-01" })
  .refine(
    (value) =>
      value >= TimeLimits.earliestDate &&
      value <= new Date(Date.now() + RunLimits.aheadDaysMax * 86_400_000).toISOString().slice(0, 10),
    { error: "must be a date from 1970 to a year ahead" },
  );

/** Starts an attribution run. */
export const CreateRunBody = z
  .strictObject({
    name: z.string().trim().max(120).default(""),
    /** `touchpoints` builds journeys from stored touchpoints and conversions; `paths` uses stored aggregated paths. */
    source: z.enum(["touchpoints", "paths"]).default("touchpoints"),
    models: z
      .array(RunModel)
      .min(1, { error: "choose at least one model" })
      .max(7)
      .refine((list) => new Set(list).size === list.length, { error: "lists a model twice" }),
    /** Markov order: channels per state, 1 to 4. */
    order: z.number().int().min(1).max(4).default(1),
    lookbackDays: z.number().int().min(0).max(365).default(30),
    halfLifeDays: z.number().min(0.1).max(365).default(7),
    periodStart: RunDate,
    periodEnd: RunDate,
    /** The currency conversion values are in, and of the spend compared with them. */
    currency: KnownCurrency.default("EUR"),
    /** Run as a background job: answered at once (202, status queued), then followed by its progress. */
    background: z.boolean().default(false),
  })
  .refine((body) => body.periodStart <= body.periodEnd, {
    path: ["periodEnd"],
    error: "must be on or after periodStart",
  })
  .refine((body) => daysBetween(body.periodStart, body.periodEnd) < RunLimits.periodDaysMax, {
    path: ["periodEnd"],
    error: `must be at most ${RunLimits.periodYearsMax} years after periodStart`,
  })
  .refine((body) => body.source === "touchpoints" || !body.models.includes("time-decay"), {
    path: ["models"],
    error: "time-decay needs touchpoints (source touchpoints)",
  });
export type CreateRunBody = z.infer<typeof CreateRunBody>;

/** One model's credit to one channel. */
export const ChannelCredit = z.object({
  channel: z.string(),
  conversions: z.number(),
  /** Credited value, rounded to cents. */
  value: MoneyAmount,
  removalEffect: z.number().optional(),
});

/** One model's results. */
export const ModelResult = z.object({
  model: RunModel,
  order: z.number().int().nullable(),
  totals: z.object({ conversions: z.number(), value: MoneyAmount }),
  channels: z.array(ChannelCredit),
});
export type ModelResult = z.infer<typeof ModelResult>;

/** What a run read. */
export const RunInputs = z.object({
  journeys: z.number().int(),
  touchpoints: z.number().int(),
  conversions: z.number().int(),
  paths: z.number().int(),
  channels: z.array(z.string()),
  /** Conversions without a touch in their lookback window: not attributable. */
  unmatched: z.object({ conversions: z.number(), value: MoneyAmount }),
  millis: z.number(),
});

/** An attribution run. */
export const AttributionRun = z.object({
  id: Id,
  name: z.string(),
  /** `queued` waits behind the workspace's running run; `cancelled` was stopped by a person or a newer run. */
  status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  /** 0 to 1 while queued or running; 1 when done. */
  progress: z.number(),
  progressNote: z.string(),
  source: z.enum(["touchpoints", "paths"]),
  models: z.array(RunModel),
  order: z.number().int(),
  lookbackDays: z.number().int(),
  halfLifeDays: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  inputs: RunInputs.nullable(),
  results: z.array(ModelResult),
  error: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
});
export type AttributionRun = z.infer<typeof AttributionRun>;

/** A run in a list (results left out). */
export const AttributionRunSummary = AttributionRun.omit({ results: true });
export type AttributionRunSummary = z.infer<typeof AttributionRunSummary>;
export const AttributionRunList = page(AttributionRunSummary);
export const RunListQuery = ListQuery.extend({ sort: sortParam(["createdAt"], "-createdAt") });

/** Which half works: spend against attributed return, per channel and model. */
export const WhichHalfQuery = z.object({
  /** The model channels are ranked by; default markov when the run has it, else its first model. */
  model: RunModel.optional(),
});

export const WhichHalfChannel = z.object({
  channel: z.string(),
  spend: MoneyAmount,
  spendShare: z.number(),
  /** Per model: attributed conversions and value, return on spend and cost per conversion (null without spend or conversions). */
  models: z.array(
    z.object({
      model: RunModel,
      conversions: z.number(),
      value: MoneyAmount,
      roas: z.number().nullable(),
      costPerConversion: MoneyAmount.nullable(),
      inLeastHalf: z.boolean(),
    }),
  ),
  /** Rank by return on spend under the chosen model, 1 = best; null for unpaid channels. */
  rank: z.number().int().nullable(),
  /** Whether every model, some, or none put the channel in the half of spend that returns the least. */
  agreement: z.enum(["all", "some", "none"]),
  inLeastHalf: z.boolean(),
});

export const WhichHalf = z.object({
  run: z.object({ id: Id, name: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  model: RunModel,
  currency: z.string(),
  totalSpend: MoneyAmount,
  totalValue: MoneyAmount,
  /** Spend in other currencies in the period, left out. */
  otherCurrencySpend: z.array(z.object({ currency: z.string(), amount: MoneyAmount })),
  channels: z.array(WhichHalfChannel),
  /** The half of spend (by the chosen model) that returns the least. */
  leastHalf: z.object({
    channels: z.array(z.string()),
    spend: MoneyAmount,
    spendShare: z.number(),
    value: MoneyAmount,
    valueShare: z.number(),
    roas: z.number().nullable(),
  }),
  bestHalf: z.object({ spend: MoneyAmount, value: MoneyAmount, roas: z.number().nullable() }),
  /** Spend on channels no journey of the run touched (brand TV, IT projects…): it cannot be attributed. */
  untrackedSpend: z.array(z.object({ channel: z.string(), spend: MoneyAmount })),
  /** Channels that earned credit without any spend (organic, direct…). */
  unpaidChannels: z.array(z.object({ channel: z.string(), value: MoneyAmount })),
  /** One plain sentence. */
  headline: z.string(),
  /** Spend tagged to initiatives in the period and the attributed value their share of each channel earned. */
  initiatives: z.array(
    z.object({
      initiative: z.string(),
      planned: MoneyAmount,
      actual: MoneyAmount,
      /** Null when none of its spend went to a channel the journeys track. */
      attributedValue: MoneyAmount.nullable(),
      roas: z.number().nullable(),
      /** The Pipeline request the initiative names (by title or "#number"), with its estimate and value review. */
      request: z
        .object({
          id: Id,
          number: z.number().int(),
          title: z.string(),
          currency: z.string(),
          expectedBenefit: MoneyAmount.nullable(),
          costEstimate: MoneyAmount.nullable(),
          realisedBenefit: MoneyAmount.nullable(),
        })
        .nullable(),
    }),
  ),
});
export type WhichHalf = z.infer<typeof WhichHalf>;
