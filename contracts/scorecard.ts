import { z } from "zod";
import { EventDate, editableFields, Id, ListQuery, page, Timestamp, Version } from "./common";
import { TeamKind } from "./people";
import { CalendarDate, Currency } from "./stack";

// Numbers: every KPI figure (baseline, target, thresholds, measurement values) is a finite JSON number in the
// KPI's unit. Money KPIs carry `unit: "money"` and a `currency`; their values are numbers in that currency (a KPI
// is a measure to compare with a target, not a ledger entry, so the decimal-string money of the ledgers is not used).

/** Limits shared by forms and the server. */
export const ScorecardLimits = {
  titleMax: 200,
  nameMax: 160,
  textMax: 4000,
  commentMax: 2000,
  segmentNameMax: 120,
  importMaxBytes: 8 * 1024 * 1024,
  importLinesMax: 100_000,
  importErrorsMax: 200,
  trendPoints: 12,
  linksMax: 200,
} as const;

/** The unit of a KPI's values; `money` also names a currency. */
export const KpiUnit = z.enum(["count", "percent", "money", "duration_days", "duration_hours"]);
export type KpiUnit = z.infer<typeof KpiUnit>;

/** Which way is good: up (more is better) or down (less is better). */
export const KpiDirection = z.enum(["up", "down"]);
export type KpiDirection = z.infer<typeof KpiDirection>;

/** How often a KPI is measured. */
export const KpiCadence = z.enum(["weekly", "monthly", "quarterly"]);
export type KpiCadence = z.infer<typeof KpiCadence>;

/** Where a KPI's values come from: people (check-ins, CSV, API pushes) or Tandem's own data. */
export const KpiSource = z.enum(["manual", "computed"]);
export type KpiSource = z.infer<typeof KpiSource>;

/** What a KPI measures, after the articles: the four customer-facing kinds, and internal operations. */
export const KpiCategory = z.enum(["revenue", "acquisition", "retention", "customer_experience", "operations"]);
export type KpiCategory = z.infer<typeof KpiCategory>;

/** Where one measurement came from. */
export const MeasurementSource = z.enum(["check_in", "csv", "api", "computed"]);
export type MeasurementSource = z.infer<typeof MeasurementSource>;

/** A KPI's status as of a date. */
export const KpiStatus = z.enum(["achieved", "on_track", "at_risk", "off_track", "no_data"]);
export type KpiStatus = z.infer<typeof KpiStatus>;

/** The measures Tandem computes from its own data. */
export const ComputedMeasure = z.enum([
  "marketing_requests_within_sla",
  "marketing_request_decision_hours",
  "active_stack_annual_cost",
  "shadow_it_spend_share",
  "tools_with_both_owners",
  "experiments_decided_per_quarter",
  "attributed_return_on_spend",
  "purchases_decided_at_once",
  "purchase_decision_hours",
  "software_spend_through_tandem",
]);
export type ComputedMeasure = z.infer<typeof ComputedMeasure>;

/** What each computed measure is, its unit and which way is good. */
export const COMPUTED_MEASURES: Record<
  ComputedMeasure,
  { label: string; unit: KpiUnit; direction: KpiDirection; description: string }
> = {
  marketing_requests_within_sla: {
    label: "Marketing requests decided within their service level",
    unit: "percent",
    direction: "up",
    description:
      "Of the marketing-sponsored requests decided in the quarter up to the date, the share whose decision clock was met.",
  },
  marketing_request_decision_hours: {
    label: "Median business hours to a decision (marketing requests)",
    unit: "duration_hours",
    direction: "down",
    description:
      "The median business hours on the decision clock of marketing-sponsored requests decided in the quarter.",
  },
  active_stack_annual_cost: {
    label: "Annual cost of the active stack",
    unit: "money",
    direction: "down",
    description: "The summed annual cost of the tools in phase-in or active, as the portfolio's cost view shows it.",
  },
  shadow_it_spend_share: {
    label: "Shadow-IT spend share",
    unit: "percent",
    direction: "down",
    description: "Shadow candidates' yearly spend divided by all software spend seen in the imported statements.",
  },
  tools_with_both_owners: {
    label: "Tools with both owners",
    unit: "percent",
    direction: "up",
    description: "Of the tools not retired, the share with a business owner in marketing and a technical owner in IT.",
  },
  experiments_decided_per_quarter: {
    label: "Experiments decided per quarter",
    unit: "count",
    direction: "up",
    description: "Experiments decided in the calendar quarter up to the date.",
  },
  attributed_return_on_spend: {
    label: "Attributed return on spend",
    unit: "count",
    direction: "up",
    description: "Attributed revenue divided by spend in the latest finished attribution run (its chosen model).",
  },
  purchases_decided_at_once: {
    label: "Purchases decided by the policy at once",
    unit: "percent",
    direction: "up",
    description:
      "Of the purchase requests submitted in the twelve months up to the date and judged by the purchase policy, the share it approved or blocked at once (no review needed).",
  },
  purchase_decision_hours: {
    label: "Median hours from a purchase request to its decision",
    unit: "duration_hours",
    direction: "down",
    description:
      "The median hours from submitting a purchase request to its decision (at once by the policy, or after its reviews), of those submitted in the twelve months up to the date and decided.",
  },
  software_spend_through_tandem: {
    label: "Software spend through Tandem",
    unit: "percent",
    direction: "up",
    description:
      "The yearly cost of the purchases approved through Tandem in the twelve months up to the date, as a share of that plus the shadow-IT spend found in expenses (in one currency: the KPI's, else the one most spend is in).",
  },
};

/** A KPI value: a finite number in the KPI's unit, within ±10^15 (sums and ratios of values stay finite). */
export const KpiValue = z
  .number({ error: "must be a finite number" })
  .refine(Number.isFinite, { error: "must be a finite number" })
  .refine((value) => Math.abs(value) <= 1e15, { error: "must be between -1e15 and 1e15" });

/** Green and amber lines: for up-is-good a value at or above green is on track; for down-is-good at or below. */
export const KpiThresholds = z.strictObject({ green: KpiValue, amber: KpiValue });
export type KpiThresholds = z.infer<typeof KpiThresholds>;

/** A person as an owner, with their home team (the team's kind decides the side). */
export const OwnerRef = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }),
});
export type OwnerRef = z.infer<typeof OwnerRef>;

// ---------- segments ----------

/** The editable fields of a customer segment; priority 1 is the most important. */
export const SegmentFields = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(ScorecardLimits.segmentNameMax),
  description: z.string().trim().max(ScorecardLimits.textMax).default(""),
  priority: z.number().int().min(1).max(5).default(3),
});
/** Creates a customer segment. */
export const CreateSegmentBody = SegmentFields;
export type CreateSegmentBody = z.infer<typeof CreateSegmentBody>;
/** Edits a customer segment. */
export const UpdateSegmentBody = z.strictObject({ version: Version, ...editableFields(SegmentFields.shape) });
export type UpdateSegmentBody = z.infer<typeof UpdateSegmentBody>;

/** A customer segment as the API shows it. */
export const Segment = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  priority: z.number().int(),
  kpiCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Segment = z.infer<typeof Segment>;
/** Every segment of the workspace, most important first. */
export const SegmentList = z.object({ items: z.array(Segment) });

// ---------- objectives ----------

/** The editable fields of an objective. */
export const ObjectiveFields = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(ScorecardLimits.titleMax),
  description: z.string().trim().max(ScorecardLimits.textMax).default(""),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  /** The owner on the marketing side: a person whose home team is a marketing team. */
  marketingOwnerId: Id.nullable().default(null),
  /** The owner on the IT side: a person whose home team is an IT team. */
  itOwnerId: Id.nullable().default(null),
  /** The company objective this one serves (one level of nesting). */
  parentId: Id.nullable().default(null),
});
/** Creates an objective. */
export const CreateObjectiveBody = ObjectiveFields;
export type CreateObjectiveBody = z.infer<typeof CreateObjectiveBody>;
/** Edits an objective: any of its fields, with the version it was read at. */
export const UpdateObjectiveBody = z.strictObject({ version: Version, ...editableFields(ObjectiveFields.shape) });
export type UpdateObjectiveBody = z.infer<typeof UpdateObjectiveBody>;

/** An objective as the API shows it; `shared` when both owners are present and each is on their side's team. */
export const Objective = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  marketingOwnerId: Id.nullable(),
  itOwnerId: Id.nullable(),
  marketingOwner: OwnerRef.nullable(),
  itOwner: OwnerRef.nullable(),
  parentId: Id.nullable(),
  shared: z.boolean(),
  /** Why it is not shared, in words ("no IT owner"), or null when shared. */
  notSharedReason: z.string().nullable(),
  kpiCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Objective = z.infer<typeof Objective>;

/** Filters of the objective list. */
export const ObjectiveListQuery = ListQuery.extend({
  /** Only objectives whose period contains this date. */
  activeOn: CalendarDate.optional(),
  shared: z.enum(["true", "false"]).optional(),
  parentId: Id.optional(),
});
export type ObjectiveListQuery = z.infer<typeof ObjectiveListQuery>;
/** A page of objectives, by period start then title. */
export const ObjectiveList = page(Objective);

// ---------- KPIs ----------

const kpiShape = {
  objectiveId: Id,
  name: z.string().trim().min(1, { error: "is required" }).max(ScorecardLimits.nameMax),
  definition: z.string().trim().max(ScorecardLimits.textMax).default(""),
  unit: KpiUnit,
  /** Required when unit is money, refused otherwise. */
  currency: Currency.nullable().default(null),
  direction: KpiDirection,
  baseline: KpiValue,
  target: KpiValue,
  thresholds: KpiThresholds.nullable().default(null),
  cadence: KpiCadence.default("monthly"),
  category: KpiCategory.default("operations"),
  ownerId: Id,
  segmentId: Id.nullable().default(null),
  source: KpiSource.default("manual"),
  /** The computed measure's key: required when source is computed, refused otherwise. */
  measure: ComputedMeasure.nullable().default(null),
};
/** The editable fields of a KPI. */
export const KpiFields = z.strictObject(kpiShape);
/** Creates a KPI under an objective. */
export const CreateKpiBody = KpiFields;
export type CreateKpiBody = z.infer<typeof CreateKpiBody>;
/** Edits a KPI: any of its fields, with the version it was read at. */
export const UpdateKpiBody = z.strictObject({ version: Version, ...editableFields(kpiShape) });
export type UpdateKpiBody = z.infer<typeof UpdateKpiBody>;

/** `?asOf=YYYY-MM-DD`: read status as it was on that date (default today, UTC). */
export const AsOfQuery = z.object({ asOf: CalendarDate.optional() });
export type AsOfQuery = z.infer<typeof AsOfQuery>;

/** A KPI's status as of a date, with the figures behind it and its reason in words. */
export const KpiReading = z.object({
  status: KpiStatus,
  /** (v − b) / (t − b), null without data. */
  progress: z.number().nullable(),
  /** Share of the period gone, 0–1. */
  elapsed: z.number(),
  reason: z.string(),
  asOf: z.string(),
  /** The measurement the status reads (latest dated on or before asOf). */
  latest: z.object({ date: z.string(), value: z.number() }).nullable(),
});
export type KpiReading = z.infer<typeof KpiReading>;

/** A KPI as the API shows it, read as of a date. */
export const Kpi = z.object({
  id: Id,
  objectiveId: Id,
  objectiveTitle: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: KpiUnit,
  currency: z.string().nullable(),
  direction: KpiDirection,
  baseline: z.number(),
  target: z.number(),
  thresholds: z.object({ green: z.number(), amber: z.number() }).nullable(),
  cadence: KpiCadence,
  category: KpiCategory,
  /** Revenue, acquisition, retention and customer experience are customer-facing; operations is not. */
  customerFacing: z.boolean(),
  ownerId: Id,
  owner: OwnerRef,
  segmentId: Id.nullable(),
  segment: z.object({ id: Id, name: z.string(), priority: z.number().int() }).nullable(),
  source: KpiSource,
  measure: ComputedMeasure.nullable(),
  ...KpiReading.shape,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Kpi = z.infer<typeof Kpi>;

/** What is linked to a KPI. */
export const KpiLinks = z.object({
  requests: z.array(z.object({ id: Id, title: z.string(), stage: z.string() })),
  experiments: z.array(z.object({ id: Id, name: z.string(), status: z.string() })),
  tools: z.array(z.object({ id: Id, name: z.string() })),
});
export type KpiLinks = z.infer<typeof KpiLinks>;
/** One KPI with what is linked to it. */
export const KpiDetail = Kpi.extend({ links: KpiLinks });
export type KpiDetail = z.infer<typeof KpiDetail>;

/** Replaces the requests, experiments and tools linked to a KPI (experiments get this KPI as their `kpiId`). */
export const SetKpiLinksBody = z.strictObject({
  version: Version,
  requestIds: z.array(Id).max(ScorecardLimits.linksMax),
  experimentIds: z.array(Id).max(ScorecardLimits.linksMax),
  toolIds: z.array(Id).max(ScorecardLimits.linksMax),
});
export type SetKpiLinksBody = z.infer<typeof SetKpiLinksBody>;

/** Filters of the KPI list. */
export const KpiListQuery = ListQuery.extend({
  objectiveId: Id.optional(),
  /** Only the KPI an experiment is linked to. */
  experimentId: Id.optional(),
  /** Only the KPIs linked to a tool. */
  toolId: Id.optional(),
  ownerId: Id.optional(),
  segmentId: Id.optional(),
  status: KpiStatus.optional(),
  asOf: CalendarDate.optional(),
});
export type KpiListQuery = z.infer<typeof KpiListQuery>;
/** A page of KPIs, by name. */
export const KpiList = page(Kpi);

// ---------- measurements ----------

/** A check-in, or a push by API token: one value for one date; a second one for the same date replaces it. */
export const CreateMeasurementBody = z.strictObject({
  /** The day the value was observed: from 1970 to at most a day ahead. */
  date: EventDate,
  value: KpiValue,
  comment: z.string().trim().max(ScorecardLimits.commentMax).default(""),
  /** How sure the person is, 1 (a guess) to 5 (certain). */
  confidence: z.number().int().min(1).max(5).nullable().default(null),
});
export type CreateMeasurementBody = z.infer<typeof CreateMeasurementBody>;

/** What a computed value was computed from: named figures and the period. */
export const ComputedFrom = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type ComputedFrom = z.infer<typeof ComputedFrom>;

/** One measurement of a KPI. */
export const Measurement = z.object({
  id: Id,
  kpiId: Id,
  date: z.string(),
  value: z.number(),
  comment: z.string(),
  confidence: z.number().int().nullable(),
  source: MeasurementSource,
  computedFrom: ComputedFrom.nullable(),
  recordedBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Measurement = z.infer<typeof Measurement>;
/** The check-in timeline: newest first. */
export const MeasurementList = page(Measurement);
/** Query of the timeline. */
export const MeasurementListQuery = ListQuery.omit({ q: true });

/** The series for the KPI chart: values by date, the straight line from baseline to target, thresholds. */
export const KpiSeries = z.object({
  kpiId: Id,
  unit: KpiUnit,
  currency: z.string().nullable(),
  direction: KpiDirection,
  baseline: z.number(),
  target: z.number(),
  thresholds: z.object({ green: z.number(), amber: z.number() }).nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  points: z.array(z.object({ date: z.string(), value: z.number() })),
  /** Where the value should be on each date to be exactly on plan (baseline at start, target at end). */
  plan: z.array(z.object({ date: z.string(), value: z.number() })),
});
export type KpiSeries = z.infer<typeof KpiSeries>;
/** Narrows the series to dates from–to (inclusive). */
export const KpiSeriesQuery = z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() });

/** A CSV of measurements (columns kpi, date, value[, comment, confidence]; kpi is the KPI's id or exact name). */
export const ImportMeasurementsBody = z.strictObject({
  csv: z.string().min(1, { error: "is empty" }).max(ScorecardLimits.importMaxBytes),
  dryRun: z.boolean().default(true),
});
export type ImportMeasurementsBody = z.infer<typeof ImportMeasurementsBody>;
/** What an import did (or would do); re-importing the same file changes nothing (idempotent by KPI + date). */
export const ImportMeasurementsResult = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  lines: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportMeasurementsResult = z.infer<typeof ImportMeasurementsResult>;

/** What an on-demand recompute did. */
export const RecomputeResult = z.object({
  kpis: z.number().int(),
  measurements: z.number().int(),
  items: z.array(z.object({ kpiId: Id, date: z.string(), value: z.number().nullable(), computedFrom: ComputedFrom })),
});
export type RecomputeResult = z.infer<typeof RecomputeResult>;

// ---------- the pages built on them ----------

/** A KPI in a side-by-side or review row: its reading and the objective it serves. */
export const KpiSummary = z.object({
  id: Id,
  name: z.string(),
  objectiveId: Id,
  objectiveTitle: z.string(),
  objectiveShared: z.boolean(),
  unit: KpiUnit,
  currency: z.string().nullable(),
  direction: KpiDirection,
  target: z.number(),
  category: KpiCategory,
  customerFacing: z.boolean(),
  owner: OwnerRef,
  segment: z.object({ id: Id, name: z.string(), priority: z.number().int() }).nullable(),
  source: KpiSource,
  measure: ComputedMeasure.nullable(),
  ...KpiReading.shape,
  /** The last values on or before asOf, oldest first, for a sparkline. */
  trend: z.array(z.number()),
});
export type KpiSummary = z.infer<typeof KpiSummary>;

/** "How each of us is measured": marketing's and IT's KPIs by the owner's team kind, with gaps in words. */
export const MeasuredSideBySide = z.object({
  asOf: z.string(),
  marketing: z.array(KpiSummary),
  it: z.array(KpiSummary),
  /** KPIs whose owner is on neither a marketing nor an IT team. */
  other: z.array(KpiSummary),
  counts: z.object({
    marketing: z.number().int(),
    it: z.number().int(),
    shared: z.number().int(),
    marketingOnly: z.number().int(),
    itOnly: z.number().int(),
  }),
  gaps: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type MeasuredSideBySide = z.infer<typeof MeasuredSideBySide>;

/** The business review: every objective with both owners and its KPIs, and the top risks. */
export const BusinessReview = z.object({
  asOf: z.string(),
  objectives: z.array(Objective.extend({ kpis: z.array(KpiSummary) })),
  statusCounts: z.record(KpiStatus, z.number().int()),
  topRisks: z.array(KpiSummary),
});
export type BusinessReview = z.infer<typeof BusinessReview>;
/** Which objectives the review shows: those active on asOf (default), or all. */
export const BusinessReviewQuery = AsOfQuery.extend({ scope: z.enum(["active", "all"]).default("active") });
export type BusinessReviewQuery = z.infer<typeof BusinessReviewQuery>;

/** Sets the KPIs a Pipeline request should move (the intake's "KPIs this should move"), replacing the earlier ones. */
export const SetRequestKpisBody = z.strictObject({ kpiIds: z.array(Id).max(ScorecardLimits.linksMax) });
export type SetRequestKpisBody = z.infer<typeof SetRequestKpisBody>;
/** The KPIs a request should move, read today. */
export const RequestKpis = z.object({ requestId: Id, items: z.array(Kpi) });
export type RequestKpis = z.infer<typeof RequestKpis>;

/** The Scorecard KPI an experiment is linked to; the KPI its author wrote as text stays readable beside it. */
export const ExperimentKpi = z.object({
  experimentId: Id,
  /** The KPI as the experiment's author wrote it. */
  kpiText: z.string(),
  /** The linked KPI read today, or null while the experiment is not linked. */
  kpi: Kpi.nullable(),
  /** The experiment's version: send it back to change the link. */
  version: z.number().int(),
});
export type ExperimentKpi = z.infer<typeof ExperimentKpi>;
/** Links an experiment to a KPI of the workspace, or unlinks it (null), at the experiment's version. */
export const SetExperimentKpiBody = z.strictObject({ kpiId: Id.nullable(), version: Version });
export type SetExperimentKpiBody = z.infer<typeof SetExperimentKpiBody>;
