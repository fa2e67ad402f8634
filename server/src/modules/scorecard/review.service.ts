// The pages built on objectives and KPIs: "how each of us is measured" side by side, and the business review
// (every objective with both owners and its KPIs' status and trend, the top risks) with its CSV export.
import type { BusinessReviewQuery, KpiReading, KpiStatus } from "#contracts/scorecard";
import { ScorecardLimits } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { type KpiRow, listAllKpis, listTrends } from "./kpis.queries";
import { todayOf } from "./objectives.service";
import { listAllObjectives, type ObjectiveRow } from "./scorecard.queries";
import {
  computedMeasureOf,
  isCustomerFacing,
  isKpiObjectiveShared,
  measuredGaps,
  readKpiAsOf,
  topRisks,
} from "./scorecard.rules";

/** A KPI row of a review, with its sparkline values and its reading as of the review's date. */
export type ReviewedKpi = { row: KpiRow; trend: number[]; reading: KpiReading };

async function reviewedKpis(ctx: Ctx, asOf: string, objectiveIds?: string[]): Promise<ReviewedKpi[]> {
  const db = ctx.database.db;
  const rows = await listAllKpis(db, ctx.actor.workspaceId, asOf, objectiveIds);
  const trends = await listTrends(
    db,
    rows.map((row) => row.kpi.id),
    asOf,
    ScorecardLimits.trendPoints,
  );
  return rows.map((row) => ({ row, trend: trends.get(row.kpi.id) ?? [], reading: readKpiAsOf(row, asOf) }));
}

const sideOf = ({ row }: ReviewedKpi) =>
  row.owner.teamKind === "marketing" ? "marketing" : row.owner.teamKind === "it" ? "it" : "other";

/** Marketing's KPIs and IT's, by the owner's team kind, with what is shared and the gaps in words. */
export async function getMeasuredSideBySide(ctx: Ctx, query: { asOf?: string }) {
  authorize(ctx.actor, "kpi.read");
  const asOf = query.asOf ?? todayOf(ctx);
  const activeIds = (await listAllObjectives(ctx.database.db, ctx.actor.workspaceId, asOf)).map((r) => r.objective.id);
  const kpis = await reviewedKpis(ctx, asOf, activeIds);
  const shared = (kpi: ReviewedKpi) => isKpiObjectiveShared(kpi.row);
  const marketing = kpis.filter((kpi) => sideOf(kpi) === "marketing");
  const it = kpis.filter((kpi) => sideOf(kpi) === "it");
  return {
    asOf,
    marketing,
    it,
    other: kpis.filter((kpi) => sideOf(kpi) === "other"),
    counts: {
      marketing: marketing.length,
      it: it.length,
      shared: kpis.filter(shared).length,
      marketingOnly: marketing.filter((kpi) => !shared(kpi)).length,
      itOnly: it.filter((kpi) => !shared(kpi)).length,
    },
    gaps: measuredGaps(
      kpis.map((kpi) => ({
        side: sideOf(kpi),
        customerFacing: isCustomerFacing(kpi.row.kpi.category),
        category: kpi.row.kpi.category,
        objectiveShared: shared(kpi),
        measure: computedMeasureOf(kpi.row.kpi),
      })),
    ),
  };
}

/** The business review as of a date: every objective (active on it, or all) with its KPIs, the top risks. */
export async function getBusinessReview(ctx: Ctx, query: BusinessReviewQuery) {
  authorize(ctx.actor, "objective.read");
  authorize(ctx.actor, "kpi.read");
  const asOf = query.asOf ?? todayOf(ctx);
  const objectiveRows = await listAllObjectives(
    ctx.database.db,
    ctx.actor.workspaceId,
    query.scope === "all" ? null : asOf,
  );
  const entries = await reviewedKpis(
    ctx,
    asOf,
    objectiveRows.map((row) => row.objective.id),
  );
  const byObjective = new Map<string, ReviewedKpi[]>();
  for (const entry of entries) {
    const objectiveId = entry.row.kpi.objectiveId;
    byObjective.set(objectiveId, [...(byObjective.get(objectiveId) ?? []), entry]);
  }
  const statusCounts: Record<KpiStatus, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const { reading } of entries) statusCounts[reading.status] += 1;
  const objectives: Array<{ row: ObjectiveRow; kpis: ReviewedKpi[] }> = objectiveRows.map((row) => ({
    row,
    kpis: byObjective.get(row.objective.id) ?? [],
  }));
  const risks = topRisks(entries.map((entry) => ({ ...entry.reading, entry }))).map((risk) => risk.entry);
  return { asOf, objectives, statusCounts, topRisks: risks };
}
