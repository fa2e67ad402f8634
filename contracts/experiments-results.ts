// Experiments' result snapshots (entered, pushed or imported from CSV) and their analysis.
import { z } from "zod";
import { DifferenceSchema } from "#engines/experiments/schema";
import { Id, Timestamp } from "./common";
import {
  ExperimentLimits,
  MetricDirection,
  MetricName,
  MetricType,
  PersonRef,
  StatsMethod,
} from "./experiments-design";
import { ExperimentAnalysis } from "./experiments-stats";

const count = z.number().finite();
const Moments = z.strictObject({ sum: count, sumSquares: count.optional() });

/** One variant's aggregates for one metric, as the engine takes them. */
export const VariantAggregates = z.strictObject({
  variant: z.string().trim().min(1).max(60),
  n: count,
  sum: count.optional(),
  sumSquares: count.optional(),
  post: Moments.optional(),
  pre: Moments.optional(),
  postPreSumOfProducts: count.optional(),
  m: Moments.optional(),
  d: Moments.optional(),
  mdSumOfProducts: count.optional(),
});
export type VariantAggregates = z.infer<typeof VariantAggregates>;

/** The aggregates of one metric for every variant. */
export const MetricAggregates = z.strictObject({
  metric: MetricName,
  variants: z.array(VariantAggregates).min(1).max(ExperimentLimits.variantsMax),
});
export type MetricAggregates = z.infer<typeof MetricAggregates>;

/** Where a snapshot's numbers came from. */
export const SnapshotSource = z.enum(["form", "csv", "json", "api"]);
export type SnapshotSource = z.infer<typeof SnapshotSource>;

/** Adds a result snapshot: every variant's aggregates for the primary metric, optionally for the others. */
export const AddSnapshotBody = z.strictObject({
  source: SnapshotSource.default("api"),
  note: z.string().trim().max(ExperimentLimits.noteMax).default(""),
  metrics: z
    .array(MetricAggregates)
    .min(1, { error: "must hold the primary metric" })
    .max(ExperimentLimits.metricsMax + 1),
});
export type AddSnapshotBody = z.input<typeof AddSnapshotBody>;

/**
 * Imports a snapshot from CSV: per-variant aggregates (`metric,variant,n,sum,sum_squares`) or raw
 * per-unit rows (`variant,<metric>,<metric>…`, one row per user, aggregated on import).
 */
export const ImportSnapshotBody = z.strictObject({
  csv: z.string().min(1, { error: "is required" }).max(ExperimentLimits.csvMax),
  note: z.string().trim().max(ExperimentLimits.noteMax).default(""),
  /** Only check and preview: nothing is stored. */
  dryRun: z.boolean().default(false),
});
export type ImportSnapshotBody = z.input<typeof ImportSnapshotBody>;

/** A stored result snapshot (who entered it, when, from where), with its numbers. */
export const Snapshot = z.object({
  id: Id,
  source: SnapshotSource,
  note: z.string(),
  enteredBy: PersonRef.nullable(),
  enteredAt: Timestamp,
  totalUnits: z.number(),
  metrics: z.array(MetricAggregates),
});
export type Snapshot = z.infer<typeof Snapshot>;
export const SnapshotList = z.object({ items: z.array(Snapshot) });

/** A warning about the trust one can put in a result. */
export const ResultWarning = z.object({
  code: z.enum(["srm", "peeking", "underpowered", "guardrail", "analysis_failed", "missing_metric", "adjusted_input"]),
  severity: z.enum(["critical", "warning", "info"]),
  metric: z.string().nullable(),
  message: z.string(),
});
export type ResultWarning = z.infer<typeof ResultWarning>;

/** One metric analysed: the engine's answer plus what it means in words. */
export const MetricResult = z.object({
  metric: z.string(),
  role: z.enum(["primary", "guardrail", "secondary"]),
  type: MetricType,
  direction: MetricDirection,
  method: StatsMethod,
  difference: DifferenceSchema,
  alpha: z.number(),
  /** Per variant: units and the observed mean (conversion rate for proportions). */
  variants: z.array(z.object({ name: z.string(), n: z.number(), mean: z.number().nullable() })),
  /** The engine's output (null when the numbers could not be analysed: see `error`). */
  analysis: ExperimentAnalysis.nullable(),
  error: z.object({ path: z.string(), message: z.string() }).nullable(),
  /** Per treatment: win, loss or inconclusive, and the sentence that says it. */
  readings: z.array(
    z.object({ variant: z.string(), verdict: z.enum(["win", "loss", "inconclusive"]), sentence: z.string() }),
  ),
});
export type MetricResult = z.infer<typeof MetricResult>;

/** The latest analysis of an experiment. */
export const ExperimentResults = z.object({
  snapshot: Snapshot.omit({ metrics: true }).nullable(),
  snapshotCount: z.number().int(),
  metrics: z.array(MetricResult),
  srm: z
    .object({
      pValue: z.number(),
      isMismatch: z.boolean(),
      observed: z.array(z.number()),
      expectedShare: z.array(z.number()),
    })
    .nullable(),
  power: z
    .object({
      mde: z.number(),
      usersPerVariantNeeded: z.number().nullable(),
      smallestVariant: z.number(),
      power: z.number().nullable(),
    })
    .nullable(),
  warnings: z.array(ResultWarning),
});
export type ExperimentResults = z.infer<typeof ExperimentResults>;

/** The answer of an import: a dry run previews it, a real run stores the snapshot too. */
export const ImportResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(["aggregates", "rows"]),
  rows: z.number().int(),
  metrics: z.array(MetricAggregates),
  results: ExperimentResults,
});
export type ImportResult = z.infer<typeof ImportResult>;
