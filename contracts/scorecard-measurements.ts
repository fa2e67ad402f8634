// Measurements of a KPI: check-ins, the timeline, the chart's series, CSV import, recomputes.
import { z } from "zod";
import { EventDate, Id, ListQuery, page, Timestamp } from "./common";
import { KpiDirection, KpiUnit, KpiValue, MeasurementSource, ScorecardLimits } from "./scorecard-common";
import { CalendarDate } from "./stack";

/** A check-in, or a push by API token: one value for one date; a second one for the same date replaces it. */
export const CreateMeasurementBody = z.strictObject({
  /** The day the value was observed: from 1970 to at most a day ahead. */
  date: EventDate,
  value: KpiValue,
  comment: z.string().trim().max(ScorecardLimits.commentMax).default(""),
  /** How sure the person is, 1 (a guess) to 5 (certain). */
  confidence: z.number().int().min(1).max(5).nullable().default(null),
});
export type CreateMeasurementBody = z.infer<typeof CreateMeasurementBody>;

/** What a computed value was computed from: named figures and the period. */
export const ComputedFrom = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type ComputedFrom = z.infer<typeof ComputedFrom>;

/** One measurement of a KPI. */
export const Measurement = z.object({
  id: Id,
  kpiId: Id,
  date: z.string(),
  value: z.number(),
  comment: z.string(),
  confidence: z.number().int().nullable(),
  source: MeasurementSource,
  computedFrom: ComputedFrom.nullable(),
  recordedBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Measurement = z.infer<typeof Measurement>;
/** The check-in timeline: newest first. */
export const MeasurementList = page(Measurement);
/** Query of the timeline. */
export const MeasurementListQuery = ListQuery.omit({ q: true });

/** The series for the KPI chart: values by date, the straight line from baseline to target, thresholds. */
export const KpiSeries = z.object({
  kpiId: Id,
  unit: KpiUnit,
  currency: z.string().nullable(),
  direction: KpiDirection,
  baseline: z.number(),
  target: z.number(),
  thresholds: z.object({ green: z.number(), amber: z.number() }).nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  points: z.array(z.object({ date: z.string(), value: z.number() })),
  /** Where the value should be on each date to be exactly on plan (baseline at start, target at end). */
  plan: z.array(z.object({ date: z.string(), value: z.number() })),
});
export type KpiSeries = z.infer<typeof KpiSeries>;
/** Narrows the series to dates from–to (inclusive). */
export const KpiSeriesQuery = z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() });

/** A CSV of measurements (columns kpi, date, value[, comment, confidence]; kpi is the KPI's id or exact name). */
export const ImportMeasurementsBody = z.strictObject({
  csv: z.string().min(1, { error: "is empty" }).max(ScorecardLimits.importMaxBytes),
  dryRun: z.boolean().default(true),
});
export type ImportMeasurementsBody = z.infer<typeof ImportMeasurementsBody>;
/** What an import did (or would do); re-importing the same file changes nothing (idempotent by KPI + date). */
export const ImportMeasurementsResult = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  lines: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportMeasurementsResult = z.infer<typeof ImportMeasurementsResult>;

/** What an on-demand recompute did. */
export const RecomputeResult = z.object({
  kpis: z.number().int(),
  measurements: z.number().int(),
  items: z.array(z.object({ kpiId: Id, date: z.string(), value: z.number().nullable(), computedFrom: ComputedFrom })),
});
export type RecomputeResult = z.infer<typeof RecomputeResult>;
