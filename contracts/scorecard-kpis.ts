// KPIs: their fields, their reading as of a date, their links, the list.
import { z } from "zod";
import { editableFields, Id, ListQuery, page, Timestamp, Version } from "./common";
import {
  ComputedMeasure,
  KpiCadence,
  KpiCategory,
  KpiDirection,
  KpiSource,
  KpiStatus,
  KpiThresholds,
  KpiUnit,
  KpiValue,
  OwnerRef,
  ScorecardLimits,
} from "./scorecard-common";
import { CalendarDate, Currency } from "./stack";

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
