// The Scorecard's public door: what other modules, the jobs, the CLI and the demo seed may call.
import type { KpiListQuery, ObjectiveListQuery } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { countRequestsLinkedToKpis } from "./kpi-links.queries";
import { countKpiOwnership, listAllKpis } from "./kpis.queries";
import { listWorkspaceKpis as listKpiRows } from "./kpis.service";
import { listWorkspaceObjectives as listObjectiveRows } from "./objectives.service";
import { presentKpi, presentKpiPage, presentObjectivePage } from "./scorecard.presenter";

export { importMeasurements } from "./measurements.service";
export { computeMeasure, recomputeAllWorkspaces, recomputeKpi, recomputeWorkspace } from "./measures.service";

/** Home's tiles: a page of the workspace's KPIs by name, each read as of `asOf` (default today), as the API shows it. */
export async function listWorkspaceKpis(ctx: Ctx, query: KpiListQuery) {
  return presentKpiPage(await listKpiRows(ctx, query));
}

/** Home's tiles: a page of the workspace's objectives by period start, as the API shows it. */
export async function listWorkspaceObjectives(ctx: Ctx, query: ObjectiveListQuery) {
  return presentObjectivePage(await listObjectiveRows(ctx, query));
}

/** Health's signals (issue 17): how many of the requests have at least one KPI linked. */
export async function countRequestsWithKpis(ctx: Ctx, requestIds: readonly string[]): Promise<number> {
  authorize(ctx.actor, "kpi.read");
  if (requestIds.length === 0) return 0;
  return countRequestsLinkedToKpis(ctx.database.db, ctx.actor.workspaceId, requestIds);
}

/** Health's signals (issue 17): KPIs whose objective is co-owned (a marketing and an IT owner), of all KPIs. */
export async function readKpiOwnership(ctx: Ctx): Promise<{ kpis: number; coOwned: number }> {
  authorize(ctx.actor, "kpi.read");
  return countKpiOwnership(ctx.database.db, ctx.actor.workspaceId);
}

/** Rituals' agenda (issue 16): every KPI of the workspace read as of a date (status, reason in words, owner). */
export async function readKpiStatuses(ctx: Ctx, asOf: string) {
  authorize(ctx.actor, "kpi.read");
  const rows = await listAllKpis(ctx.database.db, ctx.actor.workspaceId, asOf);
  return rows.map((row) => presentKpi(row, asOf));
}
