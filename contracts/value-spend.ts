// Value's spend ledger: lines, their money and currencies, plan vs actual.
import { z } from "zod";
import { Id, ListQuery, PlanDate, page, sortParam, Timestamp, Version } from "./common";

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

/** A channel's name (a spend line's, a touchpoint's). */
export const ChannelName = z.string().trim().min(1, { error: "is required" }).max(ValueLimits.channelMax);

/** The fields of a spend line. */
export const SpendLineFields = z.strictObject({
  date: SpendDate,
  channel: ChannelName,
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
  channel: ChannelName.optional(),
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
