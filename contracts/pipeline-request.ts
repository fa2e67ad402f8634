// A Pipeline request: its types, stages and moves, the intake, triage and planning fields, the bodies of its moves,
// how lists and its page show it, and its timeline.
import { z } from "zod";
import { editableFields, Id, ListQuery, page, Timestamp, Version } from "./common";
import { TermStatus } from "./glossary";
import { PurchaseDetails, PurchaseJudgement } from "./guardrails";
import { CalendarDate, Currency, DataClass } from "./stack";

/** Limits shared by forms and the server. */
export const PipelineLimits = {
  titleMax: 160,
  textMax: 8000,
  commentMax: 8000,
  activitiesMax: 30,
  activityNameMax: 80,
  alternativesMax: 10,
  holidaysMax: 400,
  requirementMax: 4000,
  termMeaningsMax: 50,
  termFormMax: 120,
} as const;

export const RequestType = z.enum(["change", "capability", "data", "purchase", "project"]);
export type RequestType = z.infer<typeof RequestType>;

export const Priority = z.enum(["crucial", "secondary", "nice_to_have"]);
export type Priority = z.infer<typeof Priority>;

export const Stage = z.enum([
  "draft",
  "submitted",
  "triage",
  "planning",
  "decision",
  "delivery",
  "delivered",
  "value_review",
  "closed",
  "declined",
  "withdrawn",
]);
export type Stage = z.infer<typeof Stage>;

/**
 * The stages a request may move to through a plain transition. Decisions (→ delivery, declined, triage), the
 * appeal (declined → decision), accepting an alternative and the value review (→ closed) have routes of their own
 * because they carry more than a stage. The server decides; the web shows the same moves.
 */
export const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["triage", "withdrawn"],
  triage: ["planning", "withdrawn"],
  planning: ["decision", "triage", "withdrawn"],
  decision: ["planning", "withdrawn"],
  delivery: ["delivered", "withdrawn"],
  delivered: ["value_review"],
  value_review: [],
  closed: [],
  declined: [],
  withdrawn: [],
};

/** Stages in which a request is still open work (the board's columns). */
export const OPEN_STAGES: readonly Stage[] = [
  "submitted",
  "triage",
  "planning",
  "decision",
  "delivery",
  "delivered",
  "value_review",
];

/** Open stages whose clocks still run: before delivery is done (a late delivery is history once delivered). */
export const IN_FLIGHT_STAGES: readonly Stage[] = ["submitted", "triage", "planning", "decision", "delivery"];

/** Stages a request no longer moves out of (except a declined one, by a single appeal). */
export const FINAL_STAGES: readonly Stage[] = ["closed", "declined", "withdrawn"];

export const DecisionOutcome = z.enum(["approved", "declined", "deferred", "alternative"]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const RaciRole = z.enum(["R", "A", "C", "I"]);
export type RaciRole = z.infer<typeof RaciRole>;

/** A non-negative amount of money as a decimal string, in the request's currency. */
export const Amount = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "must be a non-negative amount like 12345.67" });

/** An hourly rate as a decimal string: at most ten digits before the point, as its column holds. */
export const HourlyRate = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { error: "must be a non-negative amount like 85.00, below 10,000,000,000" });

const text = (max: number = PipelineLimits.textMax) => z.string().trim().max(max);
const score = z.number().int().min(1, { error: "must be from 1 to 10" }).max(10, { error: "must be from 1 to 10" });

/**
 * Which meaning a term with several meanings (a glossary clash) has in this request: the form as written ("CMS")
 * and the glossary term meant. One per form.
 */
export const TermMeaning = z.strictObject({
  form: z.string().trim().min(1, { error: "is empty" }).max(PipelineLimits.termFormMax),
  termId: Id,
});
export type TermMeaning = z.infer<typeof TermMeaning>;

/** What the requester fills in: the guided intake form (the request template's parts are optional: empty when absent). */
export const IntakeFields = z.strictObject({
  type: RequestType,
  title: z.string().trim().min(1, { error: "is required" }).max(PipelineLimits.titleMax),
  problem: text().default(""),
  outcome: text().default(""),
  beneficiaries: text(2000).default(""),
  objectives: text(2000).default(""),
  deadline: CalendarDate.nullable().default(null),
  deadlineReason: text(2000).default(""),
  dataClasses: z.array(DataClass).max(5).default([]),
  expectedBenefit: Amount.nullable().default(null),
  softHours: z.number().min(0).max(10_000_000).nullable().default(null),
  hourlyRate: HourlyRate.nullable().default(null),
  costEstimate: Amount.nullable().default(null),
  currency: Currency.default("EUR"),
  confidence: z.number().int().min(0).max(100).nullable().default(null),
  sponsorId: Id.nullable().default(null),
  teamId: Id.nullable().default(null),
  /** The requirements' business view (beside `outcome` and `beneficiaries`, its users): how success is measured. */
  successMeasure: text(PipelineLimits.requirementMax).optional(),
  /** The requirements' technical view (with `dataClasses` and `securityNotes`): the systems it touches. */
  systems: text(PipelineLimits.requirementMax).optional(),
  /** The technical view: the data it needs (sources, volumes, freshness), beside the data classes. */
  dataNeeds: text(PipelineLimits.requirementMax).optional(),
  /** The technical view: non-functional needs (availability, speed, scale, accessibility, retention). */
  nonFunctionalNeeds: text(PipelineLimits.requirementMax).optional(),
  /** The meaning intended for each term with several meanings written in the request. */
  termMeanings: z.array(TermMeaning).max(PipelineLimits.termMeaningsMax).optional(),
  /** What the purchase policy decides on; only on a request of type `purchase`. */
  purchase: PurchaseDetails.nullable().optional(),
});

/** What triage sets: the priority class and the score's inputs. */
export const TriageFields = z.strictObject({
  priority: Priority.nullable().default(null),
  itPartnerId: Id.nullable().default(null),
  reach: z.number().min(0).max(1_000_000_000).nullable().default(null),
  valueScore: score.nullable().default(null),
  urgencyScore: score.nullable().default(null),
  riskScore: score.nullable().default(null),
  effort: z.number().positive({ error: "must be more than 0" }).max(100_000).nullable().default(null),
});

/** What planning adds: IT's part of the case, before anything is chosen. */
export const PlanningFields = z.strictObject({
  architectureNotes: text().default(""),
  integrationNotes: text().default(""),
  securityNotes: text().default(""),
  complianceNotes: text().default(""),
  toolIds: z.array(Id).max(50).default([]),
});

/** Creates a request: submitted at once, or kept as a draft; the requester may start the security needs too. */
export const CreateRequestBody = IntakeFields.extend({
  securityNotes: text().optional(),
  draft: z.boolean().default(false),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

/** Edits a request: any intake, triage or planning field, with the version it was read at. */
export const UpdateRequestBody = z.strictObject({
  version: Version,
  ...editableFields(IntakeFields.shape),
  ...editableFields(TriageFields.shape),
  ...editableFields(PlanningFields.shape),
});
export type UpdateRequestBody = z.infer<typeof UpdateRequestBody>;

/** Moves a request to another stage. */
export const TransitionBody = z.strictObject({
  to: Stage,
  version: Version,
  comment: text(2000).optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

/** Marks a request as waiting on its requester (the clocks pause) or not. */
export const WaitingBody = z.strictObject({ waiting: z.boolean(), version: Version, reason: text(2000).optional() });

/** An alternative offered when IT cannot provide what was asked: free text, or a tool of the Stack. */
export const Alternative = z.strictObject({
  text: z.string().trim().max(2000).default(""),
  toolId: Id.nullable().default(null),
});

/** The decision on a request; a reason is always required, and alternatives with a decline or an alternative. */
export const DecisionBody = z.strictObject({
  outcome: DecisionOutcome,
  reason: z.string().trim().min(1, { error: "is required" }).max(4000),
  alternatives: z.array(Alternative).max(PipelineLimits.alternativesMax).default([]),
  version: Version,
});
export type DecisionBody = z.infer<typeof DecisionBody>;

/** The requester's single appeal of a decline or an alternative. */
export const AppealBody = z.strictObject({
  comment: z.string().trim().min(1, { error: "is required" }).max(4000),
  version: Version,
});

export const VersionBody = z.strictObject({ version: Version });

/** The value review of a delivered request. */
export const ReviewBody = z.strictObject({
  realisedBenefit: Amount,
  notes: text(4000).default(""),
  version: Version,
});

/** Moves a request in the ranked backlog: directly above another one, or to the bottom. */
export const RankBody = z.strictObject({ beforeId: Id.nullable(), version: Version });

const PersonRef = z.object({ id: Id, name: z.string() });
const TeamRef = z.object({ id: Id, name: z.string() });

/** One of a request's service-level clocks. */
export const SlaClock = z.object({
  targetMinutes: z.number(),
  elapsedMinutes: z.number(),
  status: z.enum(["met", "breached", "running", "at_risk", "paused", "none"]),
  dueAt: Timestamp.nullable(),
  stoppedAt: Timestamp.nullable(),
});
export type SlaClock = z.infer<typeof SlaClock>;

/** A request as lists show it. */
export const RequestSummary = z.object({
  id: Id,
  number: z.number().int(),
  reference: z.string(),
  type: RequestType,
  title: z.string(),
  stage: Stage,
  priority: Priority.nullable(),
  score: z.number().nullable(),
  /** Position in the backlog: a key that sorts byte by byte (fractional indexing), lower first. */
  rank: z.string(),
  requester: PersonRef,
  sponsor: PersonRef.nullable(),
  itPartner: PersonRef.nullable(),
  team: TeamRef.nullable(),
  deadline: z.string().nullable(),
  waitingOnRequester: z.boolean(),
  breached: z.boolean(),
  nextDueAt: Timestamp.nullable(),
  stageChangedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RaciRow = z.object({
  activity: z.string(),
  role: RaciRole,
  team: TeamRef.nullable(),
  user: PersonRef.nullable(),
});
export type RaciRow = z.infer<typeof RaciRow>;

/** A request with everything its page shows. */
export const PipelineRequest = RequestSummary.extend({
  problem: z.string(),
  outcome: z.string(),
  beneficiaries: z.string(),
  objectives: z.string(),
  deadlineReason: z.string(),
  dataClasses: z.array(DataClass),
  currency: z.string(),
  expectedBenefit: z.string().nullable(),
  softHours: z.number().nullable(),
  hourlyRate: z.string().nullable(),
  /** Hard benefit plus soft hours × hourly rate: the benefit in money. */
  totalExpectedBenefit: z.string().nullable(),
  costEstimate: z.string().nullable(),
  confidence: z.number().int().nullable(),
  reach: z.number().nullable(),
  valueScore: z.number().int().nullable(),
  urgencyScore: z.number().int().nullable(),
  riskScore: z.number().int().nullable(),
  effort: z.number().nullable(),
  scoreExplanation: z.string().nullable(),
  architectureNotes: z.string(),
  integrationNotes: z.string(),
  securityNotes: z.string(),
  complianceNotes: z.string(),
  successMeasure: z.string(),
  systems: z.string(),
  dataNeeds: z.string(),
  nonFunctionalNeeds: z.string(),
  /** The request template's parts still empty, per view: what each side has left to write. */
  requirementGaps: z.object({
    business: z.array(z.enum(["outcome", "users", "successMeasure"])),
    technical: z.array(z.enum(["systems", "data", "security", "nonFunctionalNeeds"])),
  }),
  /** The meaning intended for each term with several meanings, with the term meant (null if it is gone). */
  termMeanings: z.array(
    TermMeaning.extend({
      term: z
        .object({ id: Id, name: z.string(), acronym: z.string().nullable(), context: z.string(), status: TermStatus })
        .nullable(),
    }),
  ),
  tools: z.array(z.object({ id: Id, name: z.string() })),
  decision: z
    .object({
      outcome: DecisionOutcome,
      reason: z.string(),
      alternatives: z.array(z.object({ text: z.string(), tool: z.object({ id: Id, name: z.string() }).nullable() })),
      decidedBy: PersonRef.nullable(),
      decidedAt: Timestamp.nullable(),
      appealedAt: Timestamp.nullable(),
      appealComment: z.string().nullable(),
      alternativeAcceptedAt: Timestamp.nullable(),
    })
    .nullable(),
  review: z.object({
    dueOn: z.string().nullable(),
    realisedBenefit: z.string().nullable(),
    notes: z.string(),
    reviewedAt: Timestamp.nullable(),
  }),
  raci: z.array(RaciRow),
  raciProblems: z.array(z.string()),
  clocks: z.object({ firstResponse: SlaClock, decision: SlaClock, delivery: SlaClock }),
  allowedTransitions: z.array(Stage),
  watching: z.boolean(),
  purchase: PurchaseDetails.nullable(),
  /** The purchase policy's answer, on the answer of the submit that triggered it. */
  policyJudgement: PurchaseJudgement.nullable().optional(),
});
export type PipelineRequest = z.infer<typeof PipelineRequest>;

export const RequestList = page(RequestSummary);
export const RequestListQuery = ListQuery.extend({
  /** `rank` is the backlog order both sides see; `-updatedAt` the latest changes. */
  sort: z.enum(["rank", "-updatedAt", "number", "-number"]).default("rank"),
  /** `open`: every open stage; `in_flight`: the open stages before delivered, whose clocks still run. */
  stage: z.union([Stage, z.literal("open"), z.literal("in_flight")]).optional(),
  type: RequestType.optional(),
  priority: Priority.optional(),
  teamId: Id.optional(),
  sponsorId: Id.optional(),
  breached: z.enum(["true", "false"]).optional(),
  /** `me`: what waits on the signed-in person. */
  waitingOn: z.literal("me").optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

/** An entry of a request's timeline. */
export const RequestEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  fromStage: Stage.nullable(),
  toStage: Stage.nullable(),
  actor: PersonRef.nullable(),
  at: Timestamp,
  data: z.record(z.string(), z.unknown()),
});
export const RequestEventList = z.object({ items: z.array(RequestEvent) });
export const RequestTypeParams = z.object({ type: RequestType });
