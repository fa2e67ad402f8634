// The Experiments module: hypotheses, designs, statuses and decisions, and experiments as the API shows them.
import { z } from "zod";
import { DifferenceSchema, MethodSchema, MetricSchema, SidedSchema } from "#engines/experiments/schema";
import { editableFields, Id, ListQuery, page, sortParam, Timestamp, Version } from "./common";
import { JsonBound } from "./experiments-stats";

/** Limits shared by forms and the server. */
export const ExperimentLimits = {
  nameMax: 160,
  textMax: 2000,
  kpiMax: 160,
  channelMax: 80,
  variantsMax: 8,
  metricsMax: 10,
  reasonMin: 10,
  noteMax: 500,
  csvMax: 500_000,
} as const;

/** Where an experiment is in its life. */
export const ExperimentStatus = z.enum(["draft", "running", "stopped", "decided"]);
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

/** What was decided: ship the winner, roll the change back, or iterate with a follow-up. */
export const ExperimentOutcome = z.enum(["shipped", "rolled_back", "iterate"]);
export type ExperimentOutcome = z.infer<typeof ExperimentOutcome>;

/** The status changes each status allows (a decision is taken with the decision, not a status change). */
export const EXPERIMENT_TRANSITIONS: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  draft: ["running"],
  running: ["stopped"],
  stopped: ["running"],
  decided: [],
};

/** Kind of metric the per-variant aggregates describe (the engine's metric types). */
export const MetricType = MetricSchema;
export type MetricType = z.infer<typeof MetricType>;

/** Which way of moving the metric is good. */
export const MetricDirection = z.enum(["increase", "decrease"]);
export type MetricDirection = z.infer<typeof MetricDirection>;

/** The statistical method. */
export const StatsMethod = MethodSchema;
export type StatsMethod = z.infer<typeof StatsMethod>;

/** A metric's part in the experiment besides the primary metric. */
export const MetricRole = z.enum(["guardrail", "secondary"]);
export type MetricRole = z.infer<typeof MetricRole>;

/** A metric's name. */
export const MetricName = z.string().trim().min(1, { error: "is required" }).max(80);

/** How one metric is analysed. */
export const MetricDefinition = z.strictObject({
  /** What people call it: "sign-up rate", "revenue per visitor". */
  name: MetricName,
  type: MetricType,
  direction: MetricDirection.default("increase"),
  method: StatsMethod.default("frequentist"),
  alpha: z
    .number()
    .gt(0, { error: "must be greater than 0" })
    .lt(0.5, { error: "must be less than 0.5" })
    .default(0.05),
  sided: SidedSchema.default("two"),
  difference: DifferenceSchema.default("relative"),
  /** Minimum detectable effect as a relative lift (0.05 = 5%): below it the test is called under-powered. */
  mde: z
    .number()
    .gt(0, { error: "must be a positive relative lift like 0.05" })
    .max(5, { error: "must be at most 5 (500%)" })
    .nullable()
    .default(null),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

/** A guardrail or secondary metric. */
export const SecondaryMetric = MetricDefinition.extend({ role: MetricRole.default("secondary") });
export type SecondaryMetric = z.infer<typeof SecondaryMetric>;

/** A variant and its share of the traffic; the first is the control. */
export const VariantDefinition = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(60),
  weight: z.number().gt(0, { error: "must be greater than 0" }).max(100),
});
export type VariantDefinition = z.infer<typeof VariantDefinition>;

/** "We believe [change] will cause [outcome], measured by [measure]", and why. */
export const Hypothesis = z.strictObject({
  /** We believe that… (the change). */
  change: z.string().trim().min(1, { error: "is required" }).max(ExperimentLimits.textMax),
  /** …will cause… (the expected outcome). */
  outcome: z.string().trim().min(1, { error: "is required" }).max(ExperimentLimits.textMax),
  /** …measured by… (the evidence). */
  measure: z.string().trim().min(1, { error: "is required" }).max(ExperimentLimits.textMax),
  /** …because… (optional rationale). */
  rationale: z.string().trim().max(ExperimentLimits.textMax).default(""),
});
export type Hypothesis = z.infer<typeof Hypothesis>;

const uniqueNames = (items: { name: string }[]) =>
  new Set(items.map((item) => item.name.toLowerCase())).size === items.length;

/** The editable fields of an experiment, as created. */
export const ExperimentFields = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(ExperimentLimits.nameMax),
  hypothesis: Hypothesis,
  /** The KPI the experiment should move (free text until the Scorecard exists). */
  kpi: z.string().trim().min(1, { error: "is required" }).max(ExperimentLimits.kpiMax),
  /** The channel it runs in: "Email", "Website", "Paid social". */
  channel: z.string().trim().max(ExperimentLimits.channelMax).default(""),
  /** The Pipeline request it informs, if any. */
  requestId: Id.nullable().default(null),
  /** The experiment this one follows up (after an "iterate" decision). */
  parentId: Id.nullable().default(null),
  /** Who owns the experiment and decides it (default: its creator). */
  ownerId: Id.nullable().default(null),
  /** The IT partner who builds and instruments it. */
  itPartnerId: Id.nullable().default(null),
  variants: z
    .array(VariantDefinition)
    .min(2, { error: "must have a control and at least one treatment" })
    .max(ExperimentLimits.variantsMax)
    .refine(uniqueNames, { error: "must have distinct names" })
    .default([
      { name: "Control", weight: 50 },
      { name: "Treatment", weight: 50 },
    ]),
  primaryMetric: MetricDefinition,
  otherMetrics: z.array(SecondaryMetric).max(ExperimentLimits.metricsMax).default([]),
});
export type ExperimentFields = z.infer<typeof ExperimentFields>;

/** Creates an experiment (as a draft). */
export const CreateExperimentBody = ExperimentFields;
export type CreateExperimentBody = z.input<typeof CreateExperimentBody>;

/** Edits an experiment; the design (variants and metrics) only while it is a draft. */
export const UpdateExperimentBody = z.strictObject({
  version: Version,
  ...editableFields(ExperimentFields.shape),
  /** What was learnt, in words (editable after the decision too). */
  learnings: z.string().trim().max(ExperimentLimits.textMax).optional(),
});
export type UpdateExperimentBody = z.infer<typeof UpdateExperimentBody>;

/** Moves an experiment to another status. */
export const TransitionExperimentBody = z.strictObject({ version: Version, status: ExperimentStatus });
export type TransitionExperimentBody = z.infer<typeof TransitionExperimentBody>;

/** Decides an experiment: the outcome, the reason (required) and what was learnt. */
export const DecideExperimentBody = z.strictObject({
  version: Version,
  outcome: ExperimentOutcome,
  reason: z
    .string()
    .trim()
    .min(ExperimentLimits.reasonMin, { error: `must say why, in at least ${ExperimentLimits.reasonMin} characters` })
    .max(ExperimentLimits.textMax),
  learnings: z.string().trim().max(ExperimentLimits.textMax).default(""),
});
export type DecideExperimentBody = z.input<typeof DecideExperimentBody>;

/** A person named in an experiment (owner, IT partner, decider, who entered a snapshot). */
export const PersonRef = z.object({ id: Id, name: z.string() });

/** The headline of the latest analysis, for lists: the best treatment on the primary metric. */
export const ExperimentHeadline = z.object({
  metric: z.string(),
  variant: z.string(),
  estimate: z.number(),
  ci: z.tuple([JsonBound, JsonBound]),
  difference: DifferenceSchema,
  verdict: z.enum(["win", "loss", "inconclusive"]),
  warnings: z.number().int(),
  at: Timestamp,
});
export type ExperimentHeadline = z.infer<typeof ExperimentHeadline>;

/** An experiment as the API shows it. */
export const Experiment = z.object({
  id: Id,
  name: z.string(),
  hypothesis: z.object({ change: z.string(), outcome: z.string(), measure: z.string(), rationale: z.string() }),
  kpi: z.string(),
  channel: z.string(),
  requestId: Id.nullable(),
  parent: z.object({ id: Id, name: z.string(), outcome: ExperimentOutcome.nullable() }).nullable(),
  owner: PersonRef.nullable(),
  itPartner: PersonRef.nullable(),
  status: ExperimentStatus,
  /** The statuses this one may move to now. */
  allowedTransitions: z.array(ExperimentStatus),
  variants: z.array(z.object({ name: z.string(), weight: z.number() })),
  primaryMetric: MetricDefinition,
  otherMetrics: z.array(SecondaryMetric),
  startedAt: Timestamp.nullable(),
  stoppedAt: Timestamp.nullable(),
  decision: z
    .object({ outcome: ExperimentOutcome, reason: z.string(), decidedBy: PersonRef.nullable(), decidedAt: Timestamp })
    .nullable(),
  learnings: z.string(),
  headline: ExperimentHeadline.nullable(),
  snapshotCount: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Experiment = z.infer<typeof Experiment>;

/** One experiment with its follow-ups. */
export const ExperimentDetail = Experiment.extend({
  followUps: z.array(z.object({ id: Id, name: z.string(), status: ExperimentStatus })),
});
export type ExperimentDetail = z.infer<typeof ExperimentDetail>;

export const ExperimentList = page(Experiment);
/** `kpi` and `channel` match any part, whatever the case. */
export const ExperimentListQuery = ListQuery.extend({
  sort: sortParam(["updatedAt", "createdAt", "name"], "-updatedAt"),
  status: ExperimentStatus.optional(),
  outcome: ExperimentOutcome.optional(),
  ownerId: Id.optional(),
  kpi: z.string().trim().max(ExperimentLimits.kpiMax).optional(),
  channel: z.string().trim().max(ExperimentLimits.channelMax).optional(),
});
export type ExperimentListQuery = z.infer<typeof ExperimentListQuery>;

/** The learning library: decided experiments, newest decision first, searchable. */
export const LearningListQuery = ListQuery.extend({
  outcome: ExperimentOutcome.optional(),
  kpi: z.string().trim().max(ExperimentLimits.kpiMax).optional(),
  channel: z.string().trim().max(ExperimentLimits.channelMax).optional(),
});
export type LearningListQuery = z.infer<typeof LearningListQuery>;
export const LearningList = page(Experiment);
