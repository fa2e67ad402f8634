// Stateless experiment statistics: an analysis of given numbers, and a sample-size plan.
import { z } from "zod";
import { DifferenceSchema, MethodSchema, MetricSchema, SidedSchema } from "#engines/experiments/schema";

/** An interval bound: a number, or ±Infinity as the strings JSON can carry. */
export const JsonBound = z.union([z.number(), z.literal("Infinity"), z.literal("-Infinity")]);

/** The analysis of one treatment variant against the control. */
export const VariantAnalysis = z.object({
  name: z.string(),
  estimate: z.number(),
  ci: z.tuple([JsonBound, JsonBound]),
  standardError: z.number(),
  pValue: z.number().min(0).max(1).optional(),
  adjustedPValue: z.number().min(0).max(1).optional(),
  chanceToWin: z.number().min(0).max(1).optional(),
  risk: z.tuple([z.number(), z.number()]).optional(),
});

/** The answer of /stats/analyze and `tandem experiment analyze`; `warnings` names what the engine had to adjust. */
export const ExperimentAnalysis = z.object({
  srmPValue: z.number().min(0).max(1),
  variants: z.array(VariantAnalysis),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ExperimentAnalysis = z.infer<typeof ExperimentAnalysis>;

/** The input of an analysis (the engine checks it field by field and names the field it refuses). */
export const AnalyzeBody = z.record(z.string(), z.unknown());

/** A sample-size plan: the baseline, the smallest lift worth detecting, the test design and the daily traffic. */
export const SampleSizeBody = z.strictObject({
  metric: MetricSchema.extract(["mean", "proportion"]),
  /** The control's mean (a conversion rate between 0 and 1 for a proportion). */
  mean: z.number().finite(),
  /** The control's standard deviation (mean metrics only). */
  standardDeviation: z.number().finite().positive().optional(),
  /** The relative lift to detect (0.05 = 5%; negative for a "lesser" test). */
  effect: z.number().finite(),
  variants: z.number().int().min(2).max(20).default(2),
  power: z.number().gt(0).lt(1).default(0.8),
  dailyUsers: z.number().finite().positive().optional(),
  method: MethodSchema.default("frequentist"),
  sided: SidedSchema.default("two"),
  difference: DifferenceSchema.default("relative"),
  alpha: z.number().gt(0).lt(0.5).default(0.05),
});
export type SampleSizeBody = z.input<typeof SampleSizeBody>;

/** Units needed per variant and in total to reach the power, and in days at the daily traffic. */
export const SampleSize = z.object({
  usersPerVariant: z.number(),
  totalUsers: z.number(),
  power: z.number(),
  days: z.number().optional(),
});
export type SampleSize = z.infer<typeof SampleSize>;
