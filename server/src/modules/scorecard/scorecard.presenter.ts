// Rows → API shapes, field by field; a KPI is presented with its reading as of a date.
import type {
  BusinessReview,
  ExperimentKpi,
  Kpi,
  KpiDetail,
  KpiStatus,
  KpiSummary,
  MeasuredSideBySide,
  Measurement,
  Objective,
  OwnerRef,
  RequestKpis,
  Segment,
} from "#contracts/scorecard";
import { toCsv } from "../../lib/csv";
import type { getExperimentKpi } from "./experiment-kpi.service";
import type { KpiRow, MeasurementRecord } from "./kpis.queries";
import type { KpiAsOf } from "./kpis.service";
import type { getRequestKpis } from "./request-kpis.service";
import type { getBusinessReview, getMeasuredSideBySide, ReviewedKpi } from "./review.service";
import type { ObjectiveRow, OwnerRow } from "./scorecard.queries";
import {
  computedMeasureOf,
  formatValue,
  isCustomerFacing,
  isKpiObjectiveShared,
  objectiveSharingOf,
  readKpiAsOf,
} from "./scorecard.rules";

type MeasurementRead = {
  measurement: MeasurementRecord;
  recordedBy: { id: string | null; name: string | null } | null;
};
type MeasuredRead = Awaited<ReturnType<typeof getMeasuredSideBySide>>;
type ReviewRead = Awaited<ReturnType<typeof getBusinessReview>>;

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
  const sharing = objectiveSharingOf(row);
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
    measure: computedMeasureOf(kpi),
    ...readKpiAsOf(row, asOf),
    createdAt: kpi.createdAt.toISOString(),
    updatedAt: kpi.updatedAt.toISOString(),
    version: kpi.version,
  };
}

/** A KPI row as the API shows it, read as of the date it was read as of. */
export function presentKpiAsOf({ row, asOf }: KpiAsOf): Kpi {
  return presentKpi(row, asOf);
}

/** A page of KPIs read as of one date, as the API shows it. */
export function presentKpiPage(page: { asOf: string; items: KpiRow[]; nextCursor: string | null }) {
  return { items: page.items.map((row) => presentKpi(row, page.asOf)), nextCursor: page.nextCursor };
}

/** A KPI with what is linked to it, as the API shows it. */
export function presentKpiDetail(detail: KpiAsOf & { links: KpiDetail["links"] }): KpiDetail {
  return { ...presentKpi(detail.row, detail.asOf), links: detail.links };
}

/** An experiment's KPI link as the API shows it. */
export function presentExperimentKpi(link: Awaited<ReturnType<typeof getExperimentKpi>>): ExperimentKpi {
  return {
    experimentId: link.experimentId,
    kpiText: link.kpiText,
    kpi: link.kpi ? presentKpiAsOf(link.kpi) : null,
    version: link.version,
  };
}

/** The KPIs a request should move, as the API shows them. */
export function presentRequestKpis(request: Awaited<ReturnType<typeof getRequestKpis>>): RequestKpis {
  return { requestId: request.requestId, items: request.items.map((row) => presentKpi(row, request.asOf)) };
}

/** A KPI in a side-by-side or review row, with its sparkline values. */
export function presentKpiSummary(row: KpiRow, asOf: string, trend: number[]): KpiSummary {
  const { kpi } = row;
  return {
    id: kpi.id,
    name: kpi.name,
    objectiveId: kpi.objectiveId,
    objectiveTitle: row.objective.title,
    objectiveShared: isKpiObjectiveShared(row),
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    target: kpi.target,
    category: kpi.category,
    customerFacing: isCustomerFacing(kpi.category),
    owner: ownerOf(row),
    segment: segmentOf(row),
    source: kpi.source,
    measure: computedMeasureOf(kpi),
    ...readKpiAsOf(row, asOf),
    trend,
  };
}

/** A page of objectives as the API shows it. */
export function presentObjectivePage(page: { items: ObjectiveRow[]; nextCursor: string | null }) {
  return { items: page.items.map(presentObjective), nextCursor: page.nextCursor };
}

/** A page of the check-in timeline as the API shows it. */
export function presentMeasurementPage(page: { items: MeasurementRead[]; nextCursor: string | null }) {
  return { items: page.items.map(presentMeasurementRead), nextCursor: page.nextCursor };
}

/** A measurement with who recorded it, as the API shows it. */
export function presentMeasurementRead(read: MeasurementRead): Measurement {
  return presentMeasurement(read.measurement, read.recordedBy);
}

/** One measurement as the API shows it. */
export function presentMeasurement(
  measurement: MeasurementRecord,
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

/** A reviewed KPI as a side-by-side or review row. */
function presentReviewed(asOf: string) {
  return (kpi: ReviewedKpi) => presentKpiSummary(kpi.row, asOf, kpi.trend);
}

/** "How each of us is measured" as the API shows it. */
export function presentMeasuredSideBySide(measured: MeasuredRead): MeasuredSideBySide {
  const present = presentReviewed(measured.asOf);
  return {
    asOf: measured.asOf,
    marketing: measured.marketing.map(present),
    it: measured.it.map(present),
    other: measured.other.map(present),
    counts: measured.counts,
    gaps: measured.gaps,
  };
}

/** The business review as the API shows it. */
export function presentBusinessReview(review: ReviewRead): BusinessReview {
  const present = presentReviewed(review.asOf);
  return {
    asOf: review.asOf,
    objectives: review.objectives.map((objective) => ({
      ...presentObjective(objective.row),
      kpis: objective.kpis.map(present),
    })),
    statusCounts: review.statusCounts,
    topRisks: review.topRisks.map(present),
  };
}

const STATUS_WORDS: Record<KpiStatus, string> = {
  achieved: "Achieved",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  no_data: "No data",
};

/** The business review as CSV: one line per KPI (an objective without KPIs gets a line of its own). */
export function presentBusinessReviewCsv(review: BusinessReview) {
  const header = [
    "objective",
    "period_start",
    "period_end",
    "marketing_owner",
    "it_owner",
    "shared",
    "kpi",
    "kpi_owner",
    "latest_value",
    "latest_date",
    "target",
    "status",
    "progress_percent",
    "reason",
    "trend",
  ];
  const rows: unknown[][] = [];
  for (const objective of review.objectives) {
    const base = [
      objective.title,
      objective.periodStart,
      objective.periodEnd,
      objective.marketingOwner?.name ?? "",
      objective.itOwner?.name ?? "",
      objective.shared ? "yes" : `no: ${objective.notSharedReason}`,
    ];
    if (objective.kpis.length === 0) rows.push([...base, "", "", "", "", "", "", "", "", ""]);
    for (const kpi of objective.kpis) {
      rows.push([
        ...base,
        kpi.name,
        kpi.owner.name,
        kpi.latest ? formatValue(kpi.latest.value, kpi.unit, kpi.currency) : "",
        kpi.latest?.date ?? "",
        formatValue(kpi.target, kpi.unit, kpi.currency),
        STATUS_WORDS[kpi.status],
        kpi.progress === null ? "" : Math.round(kpi.progress * 100),
        kpi.reason,
        kpi.trend.join(" "),
      ]);
    }
  }
  return toCsv(header, rows);
}
