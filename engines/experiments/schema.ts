import { z } from "zod";

// The zod schemas of the engine's input. contracts/experiments.ts re-uses the enums (the API declares the same
// choices), so the engine and the API cannot drift. Messages are the engine's ("must be …"), placed after the
// field's path by `inputProblem`.

/** Kind of metric the variants' aggregates describe. */
export const MetricSchema = z.enum(["mean", "proportion", "cuped", "ratio"]);

/** Statistical method: fixed-horizon t-test, always-valid sequential test, or Gaussian Bayesian. */
export const MethodSchema = z.enum(["frequentist", "sequential", "bayesian"]);

/** Alternative hypothesis: two-sided, or one-sided with the treatment greater / lesser than control. */
export const SidedSchema = z.enum(["two", "greater", "lesser"]);

/** Effect scale: relative lift over the control mean, or absolute difference of means. */
export const DifferenceSchema = z.enum(["relative", "absolute"]);

/** Multiple-testing correction: Holm–Bonferroni (FWER) or Benjamini–Hochberg (FDR). */
export const CorrectionSchema = z.enum(["holm", "bh"]);

/** Type of a per-unit moment: a numeric value (sum and sum of squares) or a 0/1 conversion (sum only). */
export const MomentTypeSchema = z.enum(["mean", "proportion"]);

const finite = z.number({ error: "must be a finite number" });
const positive = finite.positive({ error: "must be a positive number" });

/** Σx and, for numeric values, Σx² of one per-unit value (other fields are ignored). */
export const MomentsInputSchema = z.object(
  { sum: finite, sumSquares: finite.optional() },
  { error: "must be an object {sum, sumSquares}" },
);

const variantName = z.string({ error: "must be a non-empty string" }).refine((name) => name.trim() !== "", {
  error: "must be a non-empty string",
});
const variantSize = z
  .number({ error: "must be an integer of at least 2" })
  .int({ error: "must be an integer of at least 2" })
  .min(2, { error: "must be an integer of at least 2" });

const variantOf = <Shape extends z.core.$ZodLooseShape>(metric: string, shape: Shape) =>
  z.strictObject(
    { name: variantName, n: variantSize, ...shape },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `is not a field of a "${metric}" variant` : "must be an object",
    },
  );

const momentsVariant = (metric: string) => variantOf(metric, { sum: finite, sumSquares: finite.optional() });

/** One variant's aggregates for each metric; the first variant of the input is the control. */
export const VariantInputSchemas = {
  mean: momentsVariant("mean"),
  proportion: momentsVariant("proportion"),
  cuped: variantOf("cuped", {
    post: MomentsInputSchema,
    pre: MomentsInputSchema,
    postType: MomentTypeSchema.optional(),
    preType: MomentTypeSchema.optional(),
    postPreSumOfProducts: finite,
  }),
  ratio: variantOf("ratio", { m: MomentsInputSchema, d: MomentsInputSchema, mdSumOfProducts: finite }),
} as const;

/** Gaussian prior on the relative lift (any part left out takes the default). */
export const PriorInputSchema = z.strictObject(
  {
    mean: finite.optional(),
    variance: positive.optional(),
    proper: z.boolean({ error: "must be true or false" }).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? "is not a known field" : "must be an object {mean, variance, proper}",
  },
);

/**
 * Input of one analysis (the JSON of `tandem experiment analyze`, the body of `POST /stats/analyze`), the variants
 * still unread: which of their fields are needed depends on the metric (VariantInputSchemas).
 */
export const ExperimentInputSchema = z.strictObject(
  {
    metric: MetricSchema,
    method: MethodSchema.optional(),
    sided: SidedSchema.optional(),
    difference: DifferenceSchema.optional(),
    alpha: finite
      .gt(0, { error: "must be greater than 0 and less than 0.5" })
      .lt(0.5, { error: "must be greater than 0 and less than 0.5" })
      .optional(),
    sequentialTuning: positive.optional(),
    correction: CorrectionSchema.optional(),
    prior: PriorInputSchema.optional(),
    variants: z
      .array(z.unknown(), { error: "must be an array of variants" })
      .min(2, { error: "must hold a control and at least one treatment" }),
    postType: MomentTypeSchema.optional(),
    preType: MomentTypeSchema.optional(),
    expectedSplit: z.array(positive, { error: "must be an array of shares, one per variant" }).optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? "is not a known field" : "input must be a JSON object"),
  },
);

/**
 * The first problem of a failed parse as the engine names it: the field's path (`variants[1].n`, `prior.mean`;
 * an unknown field's own path) and the message that follows it. Choices list their options; a field whose schema
 * gives no message of its own gets a plain one.
 */
export function inputProblem(error: z.ZodError, prefix: (string | number)[] = []): { path: string; message: string } {
  const issue = error.issues[0];
  const segments = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") segments.push(issue.keys[0]);
  const path = segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`,
    )
    .join("");
  if (issue.code === "invalid_value") {
    return { path, message: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}` };
  }
  return { path, message: issue.message };
}
