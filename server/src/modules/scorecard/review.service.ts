// The pages built on objectives and KPIs: "how each of us is measured" side by side, and the business review
// (every objective with both owners and its KPIs' status and trend, the top risks) with its CSV export.
import type {
  BusinessReview,
  BusinessReviewQuery,
  KpiStatus,
  KpiSummary,
  MeasuredSideBySide,
} from "#contracts/scorecard";
import { ScorecardLimits } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { toCsv } from "../../lib/csv";
import { authorize } from "../../policy";
import { listAllKpis, listTrends } from "./kpis.queries";
import { todayOf } from "./objectives.service";
import { presentKpiSummary, presentObjective } from "./scorecard.presenter";
import { listAllObjectives } from "./scorecard.queries";
import { formatValue, measuredGaps, topRisks } from "./scorecard.rules";

async function summariesOf(ctx: Ctx, asOf: string, objectiveIds?: string[]) {
  const db = ctx.database.db;
  const rows = await listAllKpis(db, ctx.actor.workspaceId, asOf, objectiveIds);
  const trends = await listTrends(
    db,
    rows.map((row) => row.kpi.id),
    asOf,
    ScorecardLimits.trendPoints,
  );
  return rows.map((row) => ({ row, summary: presentKpiSummary(row, asOf, trends.get(row.kpi.id) ?? []) }));
}

/** Marketing's KPIs and IT's, by the owner's team kind, with what is shared and the gaps in words. */
export async function getMeasuredSideBySide(ctx: Ctx, query: { asOf?: string }): Promise<MeasuredSideBySide> {
  authorize(ctx.actor, "kpi.read");
  const asOf = query.asOf ?? todayOf(ctx);
  const activeIds = (await listAllObjectives(ctx.database.db, ctx.actor.workspaceId, asOf)).map((r) => r.objective.id);
  const kpis = (await summariesOf(ctx, asOf, activeIds)).map((entry) => entry.summary);
  const sideOf = (kpi: KpiSummary) =>
    kpi.owner.team.kind === "marketing" ? "marketing" : kpi.owner.team.kind === "it" ? "it" : "other";
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
      shared: kpis.filter((kpi) => kpi.objectiveShared).length,
      marketingOnly: marketing.filter((kpi) => !kpi.objectiveShared).length,
      itOnly: it.filter((kpi) => !kpi.objectiveShared).length,
    },
    gaps: measuredGaps(
      kpis.map((kpi) => ({
        side: sideOf(kpi),
        customerFacing: kpi.customerFacing,
        category: kpi.category,
        objectiveShared: kpi.objectiveShared,
        measure: kpi.measure,
      })),
    ),
  };
}

/** The business review as of a date: every objective (active on it, or all), its KPIs, the top risks. */
export async function getBusinessReview(ctx: Ctx, query: BusinessReviewQuery): Promise<BusinessReview> {
  authorize(ctx.actor, "objective.read");
  authorize(ctx.actor, "kpi.read");
  const asOf = query.asOf ?? todayOf(ctx);
  const objectiveRows = await listAllObjectives(
    ctx.database.db,
    ctx.actor.workspaceId,
    query.scope === "all" ? null : asOf,
  );
  const entries = await summariesOf(
    ctx,
    asOf,
    objectiveRows.map((row) => row.objective.id),
  );
  const byObjective = new Map<string, KpiSummary[]>();
  for (const { summary } of entries) {
    byObjective.set(summary.objectiveId, [...(byObjective.get(summary.objectiveId) ?? []), summary]);
  }
  const statusCounts: Record<KpiStatus, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const { summary } of entries) statusCounts[summary.status] += 1;
  return {
    asOf,
    objectives: objectiveRows.map((row) => ({
      ...presentObjective(row),
      kpis: byObjective.get(row.objective.id) ?? [],
    })),
    statusCounts,
    topRisks: topRisks(entries.map((entry) => entry.summary)),
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
export async function exportBusinessReviewCsv(ctx: Ctx, query: BusinessReviewQuery) {
  const review = await getBusinessReview(ctx, query);
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
