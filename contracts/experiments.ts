import { z } from "zod";

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

/** The answer of /stats/analyze and `tandem experiment analyze`. */
export const ExperimentAnalysis = z.object({
  srmPValue: z.number().min(0).max(1),
  variants: z.array(VariantAnalysis),
});
export type ExperimentAnalysis = z.infer<typeof ExperimentAnalysis>;

/** The input of an analysis (the engine checks it field by field and names the field it refuses). */
export const AnalyzeBody = z.record(z.string(), z.unknown());
