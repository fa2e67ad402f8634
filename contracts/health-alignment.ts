// Health's Alignment Index: criteria scores, drivers, the trend, published figures, the playbook, Home's glance.
import { z } from "zod";
import { Id, Timestamp } from "./common";
import { AlignmentCriterion, HealthSide, PublishedFigureKey } from "./health-criteria";
import { GroupResult, SurveyStatus } from "./health-pulses";

/** Where a behavioural signal comes from. */
export const SignalSource = z.enum(["pipeline", "scorecard", "guardrails", "stack", "rituals"]);
export type SignalSource = z.infer<typeof SignalSource>;

/** A behavioural signal on 0–100 (higher is better); `value` null when its module has no data or is missing. */
export const Signal = z.object({
  key: z.string(),
  label: z.string(),
  source: SignalSource,
  value: z.number().nullable(),
  /** The raw share behind the value, e.g. 14 of 20 requests. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Why the value is what it is, in words (or why it is missing). */
  note: z.string(),
});
export type Signal = z.infer<typeof Signal>;

export const CriterionScore = z.object({
  key: AlignmentCriterion,
  label: z.string(),
  /** Mean answers per side on 0–100 and their gap; null when either side is below k. */
  survey: z.object({ marketing: z.number(), it: z.number(), gap: z.number() }).nullable(),
  /** The survey part after the gap penalty (mean of both sides − min(cap, rate × gap)). */
  surveyScore: z.number().nullable(),
  /** Mean of the available signals, 0–100; null when none has data. */
  behaviour: z.number().nullable(),
  /** 0.7 × survey + 0.3 × behaviour (survey alone without behaviour; behaviour alone without survey). */
  score: z.number().nullable(),
  level: z.number().int().nullable(),
  signals: z.array(Signal),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const Driver = z.object({
  kind: z.enum(["low_criterion", "large_gap", "outcome_item"]),
  criterion: AlignmentCriterion,
  /** For outcome items: the item. */
  itemId: Id.nullable(),
  /** The figure behind it: a score, a gap in points, or a correlation (−1..1). */
  value: z.number(),
  /** In words, e.g. "Governance is the lowest criterion (41)". */
  message: z.string(),
});
export type Driver = z.infer<typeof Driver>;

export const CriterionChange = z.object({
  key: AlignmentCriterion,
  delta: z.number().nullable(),
  /** Why, in words: which side's answers and which signals moved. */
  because: z.string(),
});
export type CriterionChange = z.infer<typeof CriterionChange>;

export const TrendPoint = z.object({
  surveyId: Id,
  title: z.string(),
  /** The pulse's closing (or, while open, launch) day. */
  on: z.string(),
  status: SurveyStatus,
  /** Hidden when a side is below k: index and criteria null. */
  hidden: z.boolean(),
  index: z.number().nullable(),
  criteria: z.array(z.object({ key: AlignmentCriterion, score: z.number().nullable() })),
  /** Change per criterion against the previous visible point. */
  changes: z.array(CriterionChange),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const PublishedComparison = z.object({
  key: PublishedFigureKey,
  label: z.string(),
  published: z.number(),
  itemId: Id.nullable(),
  /** Share of our marketing people agreeing (4–5) with the matching item, percent; null below k / not asked. */
  ours: z.number().nullable(),
});
export type PublishedComparison = z.infer<typeof PublishedComparison>;

export const PlaybookSuggestion = z.object({
  criterion: AlignmentCriterion,
  practice: z.string(),
  why: z.string(),
  /** Where in Tandem to do it: a web path like `/pipeline/rules`. */
  link: z.object({ label: z.string(), to: z.string() }),
});
export type PlaybookSuggestion = z.infer<typeof PlaybookSuggestion>;

/** `GET /api/v1/alignment[?team=<id>]`. */
export const AlignmentQuery = z.object({ team: Id.optional() });
export type AlignmentQuery = z.infer<typeof AlignmentQuery>;

export const Alignment = z.object({
  /** 0–100, one decimal; null before any visible pulse or signal. */
  index: z.number().nullable(),
  level: z.object({
    /** Mean of the six criteria's levels (1–5, one decimal). */
    average: z.number().nullable(),
    /** Luftman's rule: level N only when all six criteria reach N. */
    weakestLink: z.number().int().nullable(),
  }),
  criteria: z.array(CriterionScore),
  drivers: z.array(Driver),
  trend: z.array(TrendPoint),
  /** The pulse the survey figures come from (latest closed or released), and k. */
  basis: z.object({
    surveyId: Id.nullable(),
    title: z.string().nullable(),
    k: z.number().int(),
    groups: z.object({ marketing: GroupResult, it: GroupResult }),
    team: z.object({ id: Id, name: z.string(), side: HealthSide }).nullable(),
  }),
  /** What changed since the previous visible pulse, per criterion. */
  change: z.object({ index: z.number().nullable(), criteria: z.array(CriterionChange) }).nullable(),
  published: z.array(PublishedComparison),
  playbook: z.array(PlaybookSuggestion),
  /** Signals left out because their module is missing, said so. */
  missingSignals: z.array(z.object({ key: z.string(), source: SignalSource, reason: z.string() })),
  asOf: Timestamp,
});
export type Alignment = z.infer<typeof Alignment>;

/** Home's "the partnership at a glance". */
export const PartnershipGlance = z.object({
  index: z.number().nullable(),
  level: z.object({ average: z.number().nullable(), weakestLink: z.number().int().nullable() }),
  trend: z.array(z.object({ on: z.string(), index: z.number().nullable() })),
  drivers: z.array(Driver),
  change: z.number().nullable(),
  nextActions: z.array(PlaybookSuggestion),
  openSurvey: z.object({ id: Id, title: z.string(), answered: z.boolean(), canAnswer: z.boolean() }).nullable(),
});
export type PartnershipGlance = z.infer<typeof PartnershipGlance>;
