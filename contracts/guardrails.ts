import { z } from "zod";
import { Id, Timestamp, Version, VersionOrDefault } from "./common";
import { PolicyEvaluation, PolicyLimits, PolicyOutcome, PolicyRule, ReviewerKind } from "./policy";
import { Currency, DataClass, StackCategory, StackLimits } from "./stack";

/** Limits shared by forms and the server. */
export const GuardrailLimits = {
  nameMax: 120,
  textMax: 4000,
  testsMax: 200,
  checklistMax: 30,
  checklistItemMax: 200,
  simulateMax: 500,
  ratesMax: 60,
} as const;

const money = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "must be a non-negative amount like 12345.67" });
const tag = z.string().trim().min(1).max(StackLimits.tagMax);

/** What a purchase request carries for the policy (item 1): stored as `purchase` on a request of type `purchase`. */
export const PurchaseDetails = z.strictObject({
  vendor: z.string().trim().min(1, { error: "is required" }).max(StackLimits.vendorMax),
  product: z.string().trim().min(1, { error: "is required" }).max(StackLimits.nameMax),
  category: StackCategory,
  subcategory: z.string().trim().min(1, { error: "is required" }).max(80),
  capabilities: z.array(tag).max(StackLimits.tagsMax).default([]),
  /** Per year, in `currency`; the policy sees it converted to the workspace currency. */
  annualCost: money,
  currency: Currency,
  seats: z.number().int().min(0).max(StackLimits.seatsMax).nullable().default(null),
  dataClasses: z.array(DataClass).max(5).default([]),
  sso: z.boolean().default(false),
  dpaAvailable: z.boolean().default(false),
  hostingRegion: z.string().trim().max(60).default(""),
  /** Stack tools it must integrate with. */
  integratesWith: z.array(Id).max(50).default([]),
  agencyManaged: z.boolean().default(false),
});
export type PurchaseDetails = z.infer<typeof PurchaseDetails>;

/** The workspace's currency for the policy and its small rate table (1 unit of the key = rate units of `currency`). */
export const GuardrailSettings = z.object({
  currency: z.string(),
  rates: z.record(z.string(), z.number()),
  /** 0 while the workspace still has the defaults (EUR, no rates). */
  version: z.number().int().min(0),
});
export type GuardrailSettings = z.infer<typeof GuardrailSettings>;
/** Replaces the guardrail settings (admins). */
export const UpdateGuardrailSettingsBody = z.strictObject({
  currency: Currency,
  rates: z
    .record(Currency, z.number().positive().max(1_000_000))
    .refine((r) => Object.keys(r).length <= GuardrailLimits.ratesMax, { error: "has too many rates" }),
  /** The version read; 0 while the workspace still has the defaults (EUR, no rates). */
  version: VersionOrDefault,
});

/** A stored policy's rules: checked by the engine on save (the engine names the rule it refuses). */
export const PolicyRules = z.array(PolicyRule).max(PolicyLimits.rulesMax);

/** Creates a policy (admins): version 1; the workspace's first policy becomes the active one. */
export const CreatePolicyBody = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(GuardrailLimits.nameMax),
  rules: PolicyRules,
});
export type CreatePolicyBody = z.infer<typeof CreatePolicyBody>;
/** Saves a new version of a policy (admins); refused (409 `policy_tests_failed`) if a test case breaks. */
export const SavePolicyBody = z.strictObject({ rules: PolicyRules, version: Version });
/** Makes a policy the active one (admins). */
export const ActivatePolicyBody = z.strictObject({ version: Version });

/** One saved version of a policy. */
export const PolicyVersionInfo = z.object({
  id: Id,
  number: z.number().int(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
});
/** A policy with its current rules and its versions, newest first. */
export const StoredPolicy = z.object({
  id: Id,
  name: z.string(),
  active: z.boolean(),
  currentVersion: PolicyVersionInfo,
  rules: PolicyRules,
  versions: z.array(PolicyVersionInfo),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StoredPolicy = z.infer<typeof StoredPolicy>;
export const StoredPolicyList = z.object({
  items: z.array(StoredPolicy.omit({ rules: true, versions: true })),
});

/** What a test case expects: the outcome, and optionally the exact reviews and matched rule ids. */
export const PolicyExpectation = z.strictObject({
  outcome: PolicyOutcome,
  reviews: z.array(ReviewerKind).optional(),
  matched: z.array(z.string()).optional(),
});
/** An author's test case: an input (`{request, stack}`) and the expected result. */
export const CreatePolicyTestBody = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(GuardrailLimits.nameMax),
  input: z.strictObject({
    request: z.record(z.string(), z.unknown()),
    stack: z.record(z.string(), z.unknown()).default({}),
  }),
  expected: PolicyExpectation,
});
export type CreatePolicyTestBody = z.infer<typeof CreatePolicyTestBody>;
/** A stored test case with what the current version yields. */
export const PolicyTest = z.object({
  id: Id,
  name: z.string(),
  input: z.object({ request: z.record(z.string(), z.unknown()), stack: z.record(z.string(), z.unknown()) }),
  expected: PolicyExpectation,
  actual: PolicyEvaluation,
  passes: z.boolean(),
  createdAt: Timestamp,
});
export type PolicyTest = z.infer<typeof PolicyTest>;
export const PolicyTestList = z.object({ items: z.array(PolicyTest) });
/** A failing test, as a refused save names it (in the problem's `errors`, path `tests.<id>`). */
export const FailingTest = z.object({
  id: Id,
  name: z.string(),
  expected: PolicyExpectation,
  actual: PolicyEvaluation,
});

/** Replays the last `last` purchase requests against draft rules. */
export const SimulatePolicyBody = z.strictObject({
  rules: PolicyRules,
  last: z.number().int().min(1).max(GuardrailLimits.simulateMax).default(50),
});
/** What the draft would decide on each replayed request, and whether that differs from the recorded answer. */
export const PolicySimulation = z.object({
  replayed: z.number().int(),
  changed: z.number().int(),
  items: z.array(
    z.object({
      request: z.object({ id: Id, number: z.number().int(), reference: z.string(), title: z.string() }),
      before: z.object({ outcome: PolicyOutcome, reviews: z.array(ReviewerKind) }).nullable(),
      after: PolicyEvaluation,
      changed: z.boolean(),
    }),
  ),
});

export type PolicySimulation = z.infer<typeof PolicySimulation>;

/** An owned tool with idle seats, offered as an alternative when the request overlaps the Stack. */
export const IdleSeatsAlternative = z.object({
  toolId: Id,
  name: z.string(),
  seatsBought: z.number().int().nullable(),
  seatsUsed: z.number().int().nullable(),
  idleSeats: z.number().int(),
});

/** The policy's answer on one purchase request (item 6): stored, and returned with the submit answer. */
export const PurchaseJudgement = z.object({
  id: Id,
  requestId: Id,
  /** The policy version that judged it; null when the workspace had no active policy. */
  policyVersion: z.object({ id: Id, policyId: Id, number: z.number().int() }).nullable(),
  result: PolicyEvaluation,
  /** What the policy saw under `stack` (item 4). */
  stack: z.object({ overlapping: z.array(z.unknown()), integrations: z.array(z.unknown()) }),
  alternatives: z.array(IdleSeatsAlternative),
  reviewIds: z.array(Id),
  evaluatedAt: Timestamp,
});
export type PurchaseJudgement = z.infer<typeof PurchaseJudgement>;
export const PurchaseJudgementList = z.object({ items: z.array(PurchaseJudgement) });

/** A review's state. */
export const ReviewStatus = z.enum(["open", "approved", "rejected", "cancelled"]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
/** A checklist item of a review. */
export const ChecklistItem = z.object({ item: z.string(), done: z.boolean() });

/** One team's review of a purchase (item 7). */
export const PurchaseReview = z.object({
  id: Id,
  request: z.object({ id: Id, number: z.number().int(), reference: z.string(), title: z.string() }),
  kind: ReviewerKind,
  status: ReviewStatus,
  checklist: z.array(ChecklistItem),
  dueAt: Timestamp.nullable(),
  decidedBy: z.object({ id: Id, name: z.string() }).nullable(),
  decidedAt: Timestamp.nullable(),
  comment: z.string(),
  /** Whether the signed-in person may approve or reject it (a person of a team of this kind, or an admin). */
  canDecide: z.boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type PurchaseReview = z.infer<typeof PurchaseReview>;
export const PurchaseReviewList = z.object({ items: z.array(PurchaseReview) });
export const ReviewListQuery = z.object({
  /** `me`: open reviews of the signed-in person's team kind. */
  waitingOn: z.literal("me").optional(),
  requestId: Id.optional(),
  status: ReviewStatus.optional(),
});
/** Approves or rejects a review; a comment is required, the checklist state is optional. */
export const DecideReviewBody = z.strictObject({
  outcome: z.enum(["approve", "reject"]),
  comment: z.string().trim().min(1, { error: "is required" }).max(GuardrailLimits.textMax),
  checklist: z
    .array(z.object({ item: z.string().max(GuardrailLimits.checklistItemMax), done: z.boolean() }))
    .max(GuardrailLimits.checklistMax)
    .optional(),
  version: Version,
});
export type DecideReviewBody = z.infer<typeof DecideReviewBody>;

/** The checklist template of one reviewer kind. */
export const ReviewTemplate = z.object({
  kind: ReviewerKind,
  items: z.array(z.string()),
  /** 0 while the built-in default. */
  version: z.number().int(),
});
export type ReviewTemplate = z.infer<typeof ReviewTemplate>;
export const ReviewTemplateList = z.object({ items: z.array(ReviewTemplate) });
/** Replaces one kind's checklist template (admins). */
export const UpdateReviewTemplateBody = z.strictObject({
  items: z
    .array(z.string().trim().min(1).max(GuardrailLimits.checklistItemMax))
    .min(1)
    .max(GuardrailLimits.checklistMax),
  version: VersionOrDefault,
});

/** A draft policy to check as written (the editor's as-you-type check): nothing is stored or evaluated. */
export const CheckPolicyBody = z.strictObject({ rules: z.array(z.unknown()).max(PolicyLimits.rulesMax) });
/** One problem (or warning) of a draft policy: the rule by index and id, the field, and where in `when`. */
export const PolicyCheckFinding = z.object({
  /** The rule's position in the list, or null for a problem of the whole policy. */
  index: z.number().int().nullable(),
  rule: z.string().nullable(),
  /** The rule's field (`id`, `when`, `outcome`, `require`, `require[1]`, `explain`), or "" for the whole rule. */
  field: z.string(),
  message: z.string(),
  /** 1-based, in the `when` condition, when the CEL library says where. */
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type PolicyCheckFinding = z.infer<typeof PolicyCheckFinding>;
/** The check of a draft: valid when it has no problems; warnings never make it invalid. */
export const PolicyCheckResult = z.object({
  valid: z.boolean(),
  problems: z.array(PolicyCheckFinding),
  warnings: z.array(PolicyCheckFinding),
});
export type PolicyCheckResult = z.infer<typeof PolicyCheckResult>;

/** The measures' window: submitted in [from, to); by default the twelve months up to today. */
export const GuardrailMeasuresQuery = z.object({
  from: z.iso.date({ error: "must be a date like 2026-03-01" }).optional(),
  to: z.iso.date({ error: "must be a date like 2026-03-01" }).optional(),
});
const YearlySpend = z.object({ currency: z.string(), yearly: z.string() });
/** The Guardrails' measures (item 10) over purchase requests submitted in the window. */
export const GuardrailMeasures = z.object({
  from: z.string(),
  to: z.string(),
  purchases: z.number().int(),
  judged: z.number().int(),
  /** Approved or blocked by the policy at once, of those judged; null when none was judged. */
  decidedAtOncePercent: z.number().nullable(),
  medianHoursToDecision: z.number().nullable(),
  spendThroughTandem: z.array(YearlySpend),
  spendFoundInExpenses: z.array(YearlySpend),
});
export type GuardrailMeasures = z.infer<typeof GuardrailMeasures>;

/** How many recent purchases the overview shows. */
export const RecentPurchasesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
/** A recent purchase request with the policy's latest answer on it (null: never judged). */
export const RecentPurchase = z.object({
  request: z.object({ id: Id, number: z.number().int(), reference: z.string(), title: z.string() }),
  vendor: z.string(),
  product: z.string(),
  annualCost: z.object({ amount: z.string(), currency: z.string() }),
  outcome: PolicyOutcome.nullable(),
  reviews: z.array(ReviewerKind),
  matched: z.array(z.string()),
  errors: z.number().int(),
});
export type RecentPurchase = z.infer<typeof RecentPurchase>;
export const RecentPurchaseList = z.object({ items: z.array(RecentPurchase) });
