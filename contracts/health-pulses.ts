// Health's pulses: the item bank, pulses, the anonymous responses and a pulse's aggregated results.
import { z } from "zod";
import { Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";
import {
  AgreementValue,
  AlignmentCriterion,
  HealthLimits,
  HealthSide,
  ItemCriterion,
  PublishedFigureKey,
} from "./health-criteria";

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
