// The pages built on objectives and KPIs (side by side, the business review) and the KPIs of requests and experiments.
import { z } from "zod";
import { Id, Version } from "./common";
import {
  ComputedMeasure,
  KpiCategory,
  KpiDirection,
  KpiSource,
  KpiStatus,
  KpiUnit,
  OwnerRef,
  ScorecardLimits,
} from "./scorecard-common";
import { AsOfQuery, Kpi, KpiReading } from "./scorecard-kpis";
import { Objective } from "./scorecard-objectives";

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
