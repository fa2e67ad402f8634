// Rows → API shapes, field by field; a KPI is presented with its reading as of a date.
import type { Kpi, KpiSummary, Measurement, Objective, OwnerRef, Segment } from "#contracts/scorecard";
import type { kpiMeasurements } from "../../db/schema";
import type { KpiRow } from "./kpis.queries";
import type { ObjectiveRow, OwnerRow } from "./scorecard.queries";
import { isCustomerFacing, type OwnerSide, objectiveSharing, readKpi } from "./scorecard.rules";

type NullableOwner = { [K in keyof OwnerRow]: OwnerRow[K] | null };

/** An owner row (possibly from a left join) as the API shows it, or null. */
export function presentOwner(owner: NullableOwner | null): OwnerRef | null {
  if (!owner || owner.id === null || owner.name === null || owner.status === null) return null;
  if (owner.teamId === null || owner.teamName === null || owner.teamKind === null) return null;
  return {
    id: owner.id,
    name: owner.name,
    status: owner.status,
    team: { id: owner.teamId, name: owner.teamName, kind: owner.teamKind },
  };
}

/** A segment as the API shows it. */
export function presentSegment(row: {
  segment: {
    id: string;
    name: string;
    description: string;
    priority: number;
    createdAt: Date;
    updatedAt: Date;
    version: number;
  };
  kpiCount: number;
}): Segment {
  const { segment } = row;
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    priority: segment.priority,
    kpiCount: Number(row.kpiCount),
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
    version: segment.version,
  };
}

/** An objective as the API shows it, with whether it is shared and why not. */
export function presentObjective(row: ObjectiveRow): Objective {
  const { objective } = row;
  const marketingOwner = presentOwner(row.marketingOwner);
  const itOwner = presentOwner(row.itOwner);
  const sharing = objectiveSharing(marketingOwner?.team.kind ?? null, itOwner?.team.kind ?? null);
  return {
    id: objective.id,
    title: objective.title,
    description: objective.description,
    periodStart: objective.periodStart,
    periodEnd: objective.periodEnd,
    marketingOwnerId: objective.marketingOwnerId,
    itOwnerId: objective.itOwnerId,
    marketingOwner,
    itOwner,
    parentId: objective.parentId,
    shared: sharing.shared,
    notSharedReason: sharing.notSharedReason,
    kpiCount: Number(row.kpiCount),
    createdAt: objective.createdAt.toISOString(),
    updatedAt: objective.updatedAt.toISOString(),
    version: objective.version,
  };
}

/** The reading of a KPI row as of a date. */
export function readingOf(row: KpiRow, asOf: string) {
  const { kpi } = row;
  const latest =
    row.latestDate !== null && row.latestValue !== null
      ? { date: row.latestDate, value: Number(row.latestValue) }
      : null;
  return readKpi(
    {
      baseline: kpi.baseline,
      target: kpi.target,
      direction: kpi.direction,
      thresholds: kpi.thresholds ?? null,
      unit: kpi.unit,
      currency: kpi.currency,
      periodStart: row.objective.periodStart,
      periodEnd: row.objective.periodEnd,
    },
    latest,
    asOf,
  );
}

function ownerOf(row: KpiRow): OwnerRef {
  return {
    id: row.owner.id,
    name: row.owner.name,
    status: row.owner.status,
    team: { id: row.owner.teamId, name: row.owner.teamName, kind: row.owner.teamKind },
  };
}

function segmentOf(row: KpiRow) {
  const { segment } = row;
  return segment && segment.id !== null && segment.name !== null && segment.priority !== null
    ? { id: segment.id, name: segment.name, priority: segment.priority }
    : null;
}

/** Whether the objective of a KPI row is shared. */
export function isObjectiveShared(row: KpiRow): boolean {
  const side = (kind: string | null) => kind as OwnerSide;
  return objectiveSharing(side(row.objective.marketingOwnerKind), side(row.objective.itOwnerKind)).shared;
}

/** A KPI as the API shows it, read as of a date. */
export function presentKpi(row: KpiRow, asOf: string): Kpi {
  const { kpi } = row;
  return {
    id: kpi.id,
    objectiveId: kpi.objectiveId,
    objectiveTitle: row.objective.title,
    periodStart: row.objective.periodStart,
    periodEnd: row.objective.periodEnd,
    name: kpi.name,
    definition: kpi.definition,
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    thresholds: kpi.thresholds ?? null,
    cadence: kpi.cadence,
    category: kpi.category,
    customerFacing: isCustomerFacing(kpi.category),
    ownerId: kpi.ownerId,
    owner: ownerOf(row),
    segmentId: kpi.segmentId,
    segment: segmentOf(row),
    source: kpi.source,
    measure: kpi.source === "computed" ? (kpi.measure as Kpi["measure"]) : null,
    ...readingOf(row, asOf),
    createdAt: kpi.createdAt.toISOString(),
    updatedAt: kpi.updatedAt.toISOString(),
    version: kpi.version,
  };
}

/** A KPI in a side-by-side or review row, with its sparkline values. */
export function presentKpiSummary(row: KpiRow, asOf: string, trend: number[]): KpiSummary {
  const { kpi } = row;
  return {
    id: kpi.id,
    name: kpi.name,
    objectiveId: kpi.objectiveId,
    objectiveTitle: row.objective.title,
    objectiveShared: isObjectiveShared(row),
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    target: kpi.target,
    category: kpi.category,
    customerFacing: isCustomerFacing(kpi.category),
    owner: ownerOf(row),
    segment: segmentOf(row),
    source: kpi.source,
    measure: kpi.source === "computed" ? (kpi.measure as KpiSummary["measure"]) : null,
    ...readingOf(row, asOf),
    trend,
  };
}

/** One measurement as the API shows it. */
export function presentMeasurement(
  measurement: typeof kpiMeasurements.$inferSelect,
  recordedBy: { id: string | null; name: string | null } | null,
): Measurement {
  return {
    id: measurement.id,
    kpiId: measurement.kpiId,
    date: measurement.date,
    value: measurement.value,
    comment: measurement.comment,
    confidence: measurement.confidence,
    source: measurement.source,
    computedFrom: measurement.computedFrom ?? null,
    recordedBy:
      recordedBy && recordedBy.id !== null && recordedBy.name !== null
        ? { id: recordedBy.id, name: recordedBy.name }
        : null,
    createdAt: measurement.createdAt.toISOString(),
    updatedAt: measurement.updatedAt.toISOString(),
  };
}
