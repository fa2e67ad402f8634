import { z } from "zod";
import { Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";

// Health (issue 17): pulse surveys of both teams and the Alignment Index.
//
// Anonymity, as the API keeps it: an answer is stored without the person and without a time; who took part is
// stored apart. Results of a group (a side, a team) appear only when at least `k` people of it answered (k is
// 3–10, default 5, fixed when the pulse is launched); a team whose complement within its side is 1..k−1 is
// suppressed too (no subtraction); comments appear only when at least 10 people of the group answered; a trend
// point below k is hidden; an open pulse's results are released in steps of k answers (time correlation).

/** Limits shared by forms and the server. */
export const HealthLimits = {
  kMin: 3,
  kMax: 10,
  kDefault: 5,
  /** Comments of a group are shown only when at least this many of the group answered. */
  commentsK: 10,
  /** Criterion items per pulse (the outcome item is always asked on top). */
  itemsPerPulseMin: 6,
  itemsPerPulseMax: 8,
  itemsPerPulseDefault: 6,
  titleMax: 160,
  itemTextMax: 300,
  commentMax: 1000,
  /** Answers (respondents with the outcome item) needed before items' association with the outcome is shown. */
  driverAnswersMin: 30,
  /** Trend points returned (the newest). */
  trendPoints: 40,
} as const;

/** Luftman's six criteria of strategic alignment maturity. */
export const AlignmentCriterion = z.enum([
  "communications",
  "value_measurement",
  "governance",
  "partnership",
  "scope_architecture",
  "skills",
]);
export type AlignmentCriterion = z.infer<typeof AlignmentCriterion>;

export const CRITERIA: Record<AlignmentCriterion, { label: string; description: string }> = {
  communications: {
    label: "Communications",
    description: "Each side understands the other's work and they exchange knowledge regularly.",
  },
  value_measurement: {
    label: "Value measurement",
    description: "The value of technology to marketing is measured together and reviewed.",
  },
  governance: {
    label: "Governance",
    description: "Decisions on priorities, purchases and budgets are taken with both sides, by agreed rules.",
  },
  partnership: {
    label: "Partnership",
    description: "Trust, shared goals and shared risk; IT seen as a partner, not a supplier.",
  },
  scope_architecture: {
    label: "Scope & architecture",
    description: "An integrated, secure stack that serves marketing, with little shadow IT.",
  },
  skills: {
    label: "Skills",
    description: "People learn each other's field: job swaps, joint training, shared language.",
  },
};

/** What an item measures: one of the six criteria, or the overall outcome. */
export const ItemCriterion = z.enum([...AlignmentCriterion.options, "outcome"]);
export type ItemCriterion = z.infer<typeof ItemCriterion>;

/** The side a respondent answers for (their home team's kind: marketing, or IT). */
export const HealthSide = z.enum(["marketing", "it"]);
export type HealthSide = z.infer<typeof HealthSide>;

/** The 5-point agreement scale every item is answered on. */
export const AGREEMENT_SCALE = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Neither agree nor disagree" },
  { value: 4, label: "Agree" },
  { value: 5, label: "Strongly agree" },
] as const;
export const AgreementValue = z.number().int().min(1, { error: "must be 1–5" }).max(5, { error: "must be 1–5" });

/** Luftman's five maturity levels. */
export const MATURITY_LEVELS = [
  { level: 1, label: "Initial / ad hoc", from: 0 },
  { level: 2, label: "Committed", from: 20 },
  { level: 3, label: "Established, focused", from: 40 },
  { level: 4, label: "Improved, managed", from: 60 },
  { level: 5, label: "Optimized", from: 80 },
] as const;

/** The published figures (DOMAIN.md), shown beside the company's own answers to the matching items. */
export const PublishedFigureKey = z.enum(["strategic_partner", "it_involved_in_buying", "shared_vision"]);
export type PublishedFigureKey = z.infer<typeof PublishedFigureKey>;
export const PUBLISHED_FIGURES: Record<PublishedFigureKey, { percent: number; label: string }> = {
  strategic_partner: { percent: 62, label: "of CMOs call the CIO a strategic partner" },
  it_involved_in_buying: { percent: 29, label: "of CMOs involve IT when they buy marketing technology" },
  shared_vision: { percent: 41, label: "of CMOs say they share a common vision with the CIO" },
};

// ---------- the item bank ----------

/** An item's wording for each side: what a marketing person reads (about IT) and what an IT person reads. */
export const ItemText = z.strictObject({
  marketing: z.string().trim().min(1, { error: "is required" }).max(HealthLimits.itemTextMax),
  it: z.string().trim().min(1, { error: "is required" }).max(HealthLimits.itemTextMax),
});
export type ItemText = z.infer<typeof ItemText>;

/** An item of the bank. `live` once asked in a launched pulse: then its wording never changes. */
export const SurveyItem = z.object({
  id: Id,
  /** Stable short code, e.g. `gov-2` (shipped) or `custom-7`. */
  code: z.string(),
  criterion: ItemCriterion,
  text: ItemText,
  shipped: z.boolean(),
  status: z.enum(["active", "retired"]),
  live: z.boolean(),
  publishedFigure: PublishedFigureKey.nullable(),
  /** Position within its criterion (rotation order). */
  position: z.number().int(),
  version: Version,
  createdAt: Timestamp,
});
export type SurveyItem = z.infer<typeof SurveyItem>;

/** `GET /api/v1/survey-items`: the whole bank (about 31 items; not paginated). */
export const SurveyItemList = z.object({ items: z.array(SurveyItem) });
export type SurveyItemList = z.infer<typeof SurveyItemList>;

/** `POST /api/v1/survey-items` (admins): a new item; criterion "outcome" is refused (one outcome item). */
export const CreateSurveyItemBody = z.strictObject({ criterion: AlignmentCriterion, text: ItemText });
export type CreateSurveyItemBody = z.infer<typeof CreateSurveyItemBody>;

/** `PATCH /api/v1/survey-items/{id}` (admins): rewording only while never asked (409 `invalid_state` when live). */
export const UpdateSurveyItemBody = z.strictObject({
  version: Version,
  text: ItemText.optional(),
  status: z.enum(["active", "retired"]).optional(),
});
export type UpdateSurveyItemBody = z.infer<typeof UpdateSurveyItemBody>;

// ---------- surveys (pulses) ----------

export const SurveyStatus = z.enum(["draft", "open", "closed"]);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** `POST /api/v1/surveys` (admins): a draft pulse for both teams. Without `itemIds` the rotation picks them. */
export const CreateSurveyBody = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(HealthLimits.titleMax),
  /** The anonymity threshold, 3–10 (default 5), locked at launch. */
  k: z.number().int().min(HealthLimits.kMin).max(HealthLimits.kMax).default(HealthLimits.kDefault),
  /** Criterion items asked (6–8; each criterion at least once); the outcome item is added on top. */
  itemsPerPulse: z
    .number()
    .int()
    .min(HealthLimits.itemsPerPulseMin)
    .max(HealthLimits.itemsPerPulseMax)
    .default(HealthLimits.itemsPerPulseDefault),
  /** An explicit choice of criterion items (6–8, covering all six criteria); omitted: the rotation's choice. */
  itemIds: z.array(Id).min(HealthLimits.itemsPerPulseMin).max(HealthLimits.itemsPerPulseMax).optional(),
  /** The last day answers are taken (the pulse closes after it, or when an admin closes it). */
  closesOn: PlanDate,
});
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

/** `PATCH /api/v1/surveys/{id}`: only a draft; k can no longer change after launch. */
export const UpdateSurveyBody = z.strictObject({
  version: Version,
  title: CreateSurveyBody.shape.title.optional(),
  k: z.number().int().min(HealthLimits.kMin).max(HealthLimits.kMax).optional(),
  itemIds: CreateSurveyBody.shape.itemIds,
  closesOn: PlanDate.optional(),
});
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBody>;

/** `POST /api/v1/surveys/{id}/launch` and `/close`. */
export const SurveyTransitionBody = z.strictObject({ version: Version });
export type SurveyTransitionBody = z.infer<typeof SurveyTransitionBody>;

/** An item as a pulse shows it: the respondent's own wording is `text[side]`. */
export const PulseItem = z.object({
  id: Id,
  code: z.string(),
  criterion: ItemCriterion,
  text: ItemText,
  publishedFigure: PublishedFigureKey.nullable(),
});
export type PulseItem = z.infer<typeof PulseItem>;

/** How many took part per side (counts only; who answered is never shown). */
export const Participation = z.object({
  marketing: z.object({ answered: z.number().int(), invited: z.number().int() }),
  it: z.object({ answered: z.number().int(), invited: z.number().int() }),
});
export type Participation = z.infer<typeof Participation>;

export const Survey = z.object({
  id: Id,
  title: z.string(),
  status: SurveyStatus,
  k: z.number().int(),
  itemsPerPulse: z.number().int(),
  closesOn: PlanDate,
  /** The day it was launched / closed (a day, not a time). */
  launchedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  items: z.array(PulseItem),
  participation: Participation,
  /** The cadence's launch day this pulse was launched for; null for a pulse an admin made. */
  scheduledOn: z.string().nullable(),
  /** The signed-in person: may they answer, for which side, have they answered. */
  me: z.object({ side: HealthSide.nullable(), canAnswer: z.boolean(), answered: z.boolean() }),
  version: Version,
  createdAt: Timestamp,
});
export type Survey = z.infer<typeof Survey>;

export const SurveyListQuery = ListQuery.extend({ status: SurveyStatus.optional() });
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;
export const SurveyPage = page(Survey);
export type SurveyPage = z.infer<typeof SurveyPage>;

// ---------- the pulse cadence ----------

/** How often pulses launch on their own: never, every two weeks, or monthly. */
export const PulseCadenceKind = z.enum(["off", "every_2_weeks", "monthly"]);
export type PulseCadenceKind = z.infer<typeof PulseCadenceKind>;

/** Limits of the cadence's settings (a pulse stays open at most until the next one launches). */
export const CadenceLimits = {
  lengthDaysMin: 1,
  lengthDaysDefault: 10,
  /** The longest a pulse may stay open per cadence: the days between two launches. */
  lengthDaysMax: { every_2_weeks: 14, monthly: 28 },
  /** Launches in any quarter (13 weeks) per cadence (as `engines/alignment` counts them). */
  pulsesPerQuarter: { every_2_weeks: 6, monthly: 3 },
  /** Monthly cannot cover the bank within a quarter: its default asks the most items a pulse allows. */
  itemsPerPulseDefault: 8,
} as const;

/**
 * `PUT /api/v1/pulse-cadence` (admins): the cadence, the day of its first launch (every launch day follows from it:
 * every 14 days, or the same day of each month, the month's last day when shorter), and the k, items per pulse and
 * days open that each launched pulse gets (k locked at each launch, as for a pulse launched by hand).
 */
export const UpdatePulseCadenceBody = z
  .strictObject({
    version: Version,
    cadence: PulseCadenceKind,
    startsOn: PlanDate.nullable(),
    k: z.number().int().min(HealthLimits.kMin).max(HealthLimits.kMax),
    itemsPerPulse: z.number().int().min(HealthLimits.itemsPerPulseMin).max(HealthLimits.itemsPerPulseMax),
    lengthDays: z.number().int().min(CadenceLimits.lengthDaysMin).max(CadenceLimits.lengthDaysMax.monthly),
  })
  .superRefine((body, context) => {
    if (body.cadence === "off") return;
    if (body.startsOn === null) {
      context.addIssue({ code: "custom", path: ["startsOn"], message: "is required when pulses launch on a cadence" });
    }
    const max = CadenceLimits.lengthDaysMax[body.cadence];
    if (body.lengthDays > max) {
      context.addIssue({
        code: "custom",
        path: ["lengthDays"],
        message: `must be at most ${max} days: a pulse closes before the next one launches`,
      });
    }
  });
export type UpdatePulseCadenceBody = z.infer<typeof UpdatePulseCadenceBody>;

/** `GET /api/v1/pulse-cadence`: the settings, the next launch day, and how long the rotation takes to ask the bank. */
export const PulseCadence = z.object({
  cadence: PulseCadenceKind,
  startsOn: PlanDate.nullable(),
  k: z.number().int(),
  itemsPerPulse: z.number().int(),
  lengthDays: z.number().int(),
  /** The day the next pulse launches (the hourly job launches it that day); null when off. */
  nextPulseOn: PlanDate.nullable(),
  coverage: z.object({
    /** Active criterion items in rotation (the outcome item is asked every pulse besides). */
    items: z.number().int(),
    /** Every item is asked at least once in any this many consecutive pulses. */
    pulsesToCover: z.number().int(),
    /** Launches the cadence makes in any quarter (null when off). */
    pulsesPerQuarter: z.number().int().nullable(),
    /** Whether the whole bank is asked within each quarter (null when off). */
    coveredInQuarter: z.boolean().nullable(),
  }),
  version: Version,
  updatedAt: Timestamp.nullable(),
});
export type PulseCadence = z.infer<typeof PulseCadence>;

// ---------- responses ----------

/**
 * `POST /api/v1/surveys/{id}/responses`: one per person per open pulse (409 `conflict` for a second one), every
 * pulse item answered 1–5 exactly once; items not in the pulse, values outside the scale: 400 naming the field.
 */
export const ResponseBody = z.strictObject({
  answers: z
    .array(z.strictObject({ itemId: Id, value: AgreementValue }))
    .min(1)
    .max(HealthLimits.itemsPerPulseMax + 1),
  comment: z.string().trim().max(HealthLimits.commentMax).optional(),
});
export type ResponseBody = z.infer<typeof ResponseBody>;

/** The answer to a response: an acknowledgement only (nothing that links the answer to the person). */
export const ResponseReceipt = z.object({ ok: z.literal(true), side: HealthSide });
export type ResponseReceipt = z.infer<typeof ResponseReceipt>;

/** One group's mean answer to an item on 0–100 ((mean − 1) / 4 × 100), null when the group is below k. */
export const ItemResult = z.object({
  itemId: Id,
  code: z.string(),
  criterion: ItemCriterion,
  text: ItemText,
  marketing: z.number().nullable(),
  it: z.number().nullable(),
  /** Share answering 4 or 5, in percent, per side (null below k). */
  agree: z.object({ marketing: z.number().nullable(), it: z.number().nullable() }),
});
export type ItemResult = z.infer<typeof ItemResult>;

/** A group as results show it; `suppressed` says why its figures are null. */
export const GroupResult = z.object({
  answered: z.number().int().nullable(),
  suppressed: z.enum(["below_k", "complement_below_k"]).nullable(),
});
export type GroupResult = z.infer<typeof GroupResult>;

/**
 * `GET /api/v1/surveys/{id}/responses[?team=<id>]`: the pulse's aggregated results, never single answers.
 * An open pulse shows what was released at the last multiple of k answers per side.
 */
export const SurveyResults = z.object({
  surveyId: Id,
  status: SurveyStatus,
  k: z.number().int(),
  groups: z.object({ marketing: GroupResult, it: GroupResult }),
  items: z.array(ItemResult),
  /** Comments of a side, only when at least 10 of it answered, in random order. */
  comments: z.object({ marketing: z.array(z.string()).nullable(), it: z.array(z.string()).nullable() }),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

// ---------- the Alignment Index ----------

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
