import { z } from "zod";
import { EventTimestamp, Id, ListQuery, PlanDate, page, sortParam, TimeLimits, Timestamp, Version } from "./common";

/** Limits shared by forms and the server. */
export const ValueLimits = {
  channelMax: 80,
  campaignMax: 160,
  initiativeMax: 160,
  /** The largest CSV one import takes, in characters. */
  csvMax: 48 * 1024 * 1024,
  /** How many rows one API push takes. */
  batchMax: 5000,
  /** How many per-line errors a report lists (the count is always exact). */
  errorsShown: 200,
} as const;

/** ISO 4217 currencies a spend line may be in. */
export const CURRENCIES = [
  "AUD",
  "BRL",
  "CAD",
  "CHF",
  "CNY",
  "CZK",
  "DKK",
  "EUR",
  "GBP",
  "HKD",
  "INR",
  "JPY",
  "MXN",
  "NOK",
  "NZD",
  "PLN",
  "SEK",
  "SGD",
  "USD",
  "ZAR",
] as const;

/** A currency Tandem knows. */
export const KnownCurrency = z.enum(CURRENCIES, { error: `must be a known currency code (${CURRENCIES.join(", ")})` });

/** Whether a spend line is what was budgeted or what was spent. */
export const SpendKind = z.enum(["planned", "actual"]);
export type SpendKind = z.infer<typeof SpendKind>;

/** A calendar date (YYYY-MM-DD). */
/** The day of a spend line (planned spend may lie ahead): 1970 to 2100, as every plan date. */
export const SpendDate = PlanDate;

/** A non-negative amount with at most two decimals, as a decimal string. */
export const SpendAmount = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "must be an amount ≥ 0 like 12345.67" });

/** Money as the API answers it: a decimal string with exactly two decimals ("1234.50"), never a float. */
export const MoneyAmount = z.string().regex(/^-?\d+\.\d{2}$/);
export type MoneyAmount = z.infer<typeof MoneyAmount>;

const channel = z.string().trim().min(1, { error: "is required" }).max(ValueLimits.channelMax);

/** The fields of a spend line. */
export const SpendLineFields = z.strictObject({
  date: SpendDate,
  channel,
  campaign: z.string().trim().max(ValueLimits.campaignMax).default(""),
  /** The initiative (project, programme) the money went to, if any. */
  initiative: z.string().trim().max(ValueLimits.initiativeMax).default(""),
  kind: SpendKind.default("actual"),
  amount: SpendAmount,
  currency: KnownCurrency,
});
export type SpendLineFields = z.infer<typeof SpendLineFields>;

/** Adds one spend line. */
export const CreateSpendBody = SpendLineFields;
export type CreateSpendBody = z.infer<typeof CreateSpendBody>;

/** Edits a spend line, with the version it was read at. */
export const UpdateSpendBody = z.strictObject({
  version: Version,
  date: SpendDate.optional(),
  channel: channel.optional(),
  campaign: z.string().trim().max(ValueLimits.campaignMax).optional(),
  initiative: z.string().trim().max(ValueLimits.initiativeMax).optional(),
  kind: SpendKind.optional(),
  amount: SpendAmount.optional(),
  currency: KnownCurrency.optional(),
});
export type UpdateSpendBody = z.infer<typeof UpdateSpendBody>;

/** A spend line as the API shows it. */
export const SpendLine = z.object({
  id: Id,
  date: z.string(),
  channel: z.string(),
  campaign: z.string(),
  initiative: z.string(),
  kind: SpendKind,
  amount: z.object({ amount: MoneyAmount, currency: z.string() }),
  importId: Id.nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SpendLine = z.infer<typeof SpendLine>;

export const SpendList = page(SpendLine);
export const SpendListQuery = ListQuery.extend({
  sort: sortParam(["date", "amount"], "-date"),
  channel: z.string().trim().max(ValueLimits.channelMax).optional(),
  kind: SpendKind.optional(),
  from: SpendDate.optional(),
  to: SpendDate.optional(),
});
export type SpendListQuery = z.infer<typeof SpendListQuery>;

/** Plan vs actual by month and by channel, in one currency. */
export const SpendSummaryQuery = z.object({
  from: SpendDate.optional(),
  to: SpendDate.optional(),
  /** Default: the currency most spend is in. */
  currency: KnownCurrency.optional(),
});
export type SpendSummaryQuery = z.infer<typeof SpendSummaryQuery>;

export const SpendSummary = z.object({
  currency: z.string().nullable(),
  /** Currencies present besides the one summarised (their lines are not in these totals). */
  otherCurrencies: z.array(z.string()),
  months: z.array(z.object({ month: z.string(), planned: MoneyAmount, actual: MoneyAmount })),
  channels: z.array(z.object({ channel: z.string(), planned: MoneyAmount, actual: MoneyAmount })),
  initiatives: z.array(z.object({ initiative: z.string(), planned: MoneyAmount, actual: MoneyAmount })),
  totals: z.object({
    planned: MoneyAmount,
    /** Planned for the months up to and including the current one: what actual spend compares with. */
    plannedToDate: MoneyAmount,
    actual: MoneyAmount,
    /** actual ÷ plannedToDate, from the exact amounts; null when nothing is planned to date. */
    actualShareOfPlan: z.number().nullable(),
    lines: z.number().int(),
  }),
});
export type SpendSummary = z.infer<typeof SpendSummary>;

/** What an import does: check only, import all-or-nothing, or import the valid lines and skip the bad. */
export const ImportMode = z.enum(["dry_run", "import", "import_valid"]);
export type ImportMode = z.infer<typeof ImportMode>;

/** What a journeys import holds: aggregated paths, or raw touchpoints. */
export const JourneyImportKind = z.enum(["paths", "touchpoints"]);

/** A CSV file sent for import. */
export const ImportBody = z.strictObject({
  csv: z.string().min(1, { error: "is empty" }).max(ValueLimits.csvMax, { error: "is larger than 48 MB" }),
  mode: ImportMode.default("dry_run"),
  fileName: z.string().trim().max(200).default(""),
});
export type ImportBody = z.infer<typeof ImportBody>;

/** A journeys file: paths (with the period they cover) or touchpoints. */
export const JourneyImportBody = ImportBody.extend({
  kind: JourneyImportKind,
  /** Paths only: the first and last day the paths' journeys fall in. */
  periodStart: SpendDate.optional(),
  periodEnd: SpendDate.optional(),
});
export type JourneyImportBody = z.infer<typeof JourneyImportBody>;

/** One bad line of a file. */
export const ImportError = z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

/** What an import found and did. */
export const ImportReport = z.object({
  importId: Id.nullable(),
  kind: z.enum(["spend", "conversions", "paths", "touchpoints"]),
  mode: ImportMode,
  /** Data lines read (the header and blank lines are not counted). */
  lines: z.number().int(),
  validLines: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors, by line. */
  errors: z.array(ImportError),
  imported: z.number().int(),
  /** A short summary of what the file holds (channels, period, total amount…). */
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A line of a streamed (application/x-ndjson) import: progress, then the report or a problem. */
export type ImportProgress =
  | { type: "progress"; phase: "checking" | "writing"; done: number; total: number }
  | { type: "report"; report: ImportReport }
  | { type: "problem"; problem: { code: string; detail: string; errors?: { path: string; message: string }[] } };

/** A past import. */
export const ValueImport = z.object({
  id: Id,
  kind: z.enum(["spend", "conversions", "paths", "touchpoints"]),
  fileName: z.string(),
  lines: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
});
export const ValueImportList = z.object({ items: z.array(ValueImport) });

/** Conversions pushed by API. */
export const PushOutcomesBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        journeyId: z.string().trim().min(1, { error: "is required" }).max(200),
        occurredAt: EventTimestamp,
        value: z.number().min(0, { error: "cannot be negative" }).max(1e12).default(0),
      }),
    )
    .min(1)
    .max(ValueLimits.batchMax),
});

/** Touchpoints pushed by API. */
export const PushTouchpointsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        journeyId: z.string().trim().min(1, { error: "is required" }).max(200),
        occurredAt: EventTimestamp,
        channel,
      }),
    )
    .min(1)
    .max(ValueLimits.batchMax),
});

/** How many records a push stored. */
export const PushResult = z.object({ imported: z.number().int() });

/** What is stored to attribute: counts and the period it covers. */
export const JourneyData = z.object({
  touchpoints: z.number().int(),
  journeys: z.number().int(),
  conversions: z.number().int(),
  conversionValue: MoneyAmount,
  paths: z.number().int(),
  pathConversions: z.number(),
  channels: z.array(z.string()),
  firstTouch: z.string().nullable(),
  lastTouch: z.string().nullable(),
  pathPeriod: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
});

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
