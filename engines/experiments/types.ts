import type { z } from "zod";
import type {
  CorrectionSchema,
  DifferenceSchema,
  MethodSchema,
  MetricSchema,
  MomentTypeSchema,
  SidedSchema,
} from "./schema";

/** Kind of metric the variants' aggregates describe. */
export type Metric = z.infer<typeof MetricSchema>;

/** Statistical method: fixed-horizon t-test, always-valid sequential test, or Gaussian Bayesian. */
export type Method = z.infer<typeof MethodSchema>;

/** Alternative hypothesis: two-sided, or one-sided with the treatment greater / lesser than control. */
export type Sided = z.infer<typeof SidedSchema>;

/** Effect scale: relative lift over the control mean, or absolute difference of means. */
export type Difference = z.infer<typeof DifferenceSchema>;

/** Multiple-testing correction: Holm–Bonferroni (FWER) or Benjamini–Hochberg (FDR). */
export type Correction = z.infer<typeof CorrectionSchema>;

/** Type of a per-unit moment: a numeric value (sum and sum of squares) or a 0/1 conversion (sum only). */
export type MomentType = z.infer<typeof MomentTypeSchema>;

/** Aggregates of one per-unit value: Σx and, for numeric values, Σx². */
export type MomentsInput = { sum: number; sumSquares?: number };

/** One variant's aggregates as given by the caller; which fields are needed depends on the metric. */
export type VariantInput = {
  name: string;
  n: number;
  sum?: number;
  sumSquares?: number;
  post?: MomentsInput;
  pre?: MomentsInput;
  postType?: MomentType;
  preType?: MomentType;
  postPreSumOfProducts?: number;
  m?: MomentsInput;
  d?: MomentsInput;
  mdSumOfProducts?: number;
};

/** Gaussian prior on the relative lift; used by the Bayesian method only when proper. */
export type Prior = { mean: number; variance: number; proper: boolean };

/** Input of one analysis (the JSON of `tandem experiment analyze`); the first variant is the control. */
export type ExperimentInput = {
  metric: Metric;
  variants: VariantInput[];
  method?: Method;
  sided?: Sided;
  difference?: Difference;
  alpha?: number;
  sequentialTuning?: number;
  prior?: Partial<Prior>;
  expectedSplit?: number[];
  postType?: MomentType;
  preType?: MomentType;
  correction?: Correction;
};

/** Aggregates of a numeric value. */
export type MeanMoments = { type: "mean"; n: number; sum: number; sumSquares: number };

/** Aggregates of a 0/1 value. */
export type ProportionMoments = { type: "proportion"; n: number; sum: number };

/** Aggregates of one per-unit value, numeric or 0/1. */
export type Moments = MeanMoments | ProportionMoments;

/** One arm's validated statistic, ready for analysis. */
export type ArmStatistic =
  | { kind: "moments"; n: number; value: Moments }
  | { kind: "ratio"; n: number; m: Moments; d: Moments; mdSumOfProducts: number }
  | { kind: "cuped"; n: number; post: Moments; pre: Moments; postPreSumOfProducts: number };

/** A validated analysis with every default filled in. */
export type AnalysisPlan = {
  metric: Metric;
  names: string[];
  arms: ArmStatistic[];
  method: Method;
  sided: Sided;
  difference: Difference;
  alpha: number;
  sequentialTuning: number;
  prior: Prior;
  expectedSplit: number[];
  correction?: Correction;
};

/** Result for one treatment variant compared with the control. */
export type VariantResult = {
  name: string;
  estimate: number;
  ci: [number, number];
  standardError: number;
  pValue?: number;
  adjustedPValue?: number;
  chanceToWin?: number;
  risk?: [number, number];
};

/** Something the analysis adjusted in the input to go on (e.g. a correlation clamped to ±1), naming the field. */
export type AnalysisWarning = { path: string; message: string };

/** Result of one analysis: the sample-ratio-mismatch p-value, one entry per treatment variant, and any warnings. */
export type ExperimentResult = { srmPValue: number; variants: VariantResult[]; warnings?: AnalysisWarning[] };

/** Defaults applied when the input leaves a setting out (GrowthBook's defaults). */
export const ExperimentDefaults = {
  method: "frequentist",
  sided: "two",
  difference: "relative",
  alpha: 0.05,
  sequentialTuning: 5000,
  prior: { mean: 0, variance: 0.09, proper: false },
} as const;
