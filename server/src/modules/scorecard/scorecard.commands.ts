// The Scorecard's public door: what other modules, the jobs, the CLI and the demo seed may call.
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { KpiListQuery, ObjectiveListQuery } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { kpis, objectives, requestKpis, teams, users } from "../../db/schema";
import { authorize } from "../../policy";
import { listAllKpis } from "./kpis.queries";
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
  const rows = await ctx.database.db
    .selectDistinct({ requestId: requestKpis.requestId })
    .from(requestKpis)
    .where(and(eq(requestKpis.workspaceId, ctx.actor.workspaceId), inArray(requestKpis.requestId, [...requestIds])));
  return rows.length;
}

/** Health's signals (issue 17): KPIs whose objective is co-owned (a marketing and an IT owner), of all KPIs. */
export async function readKpiOwnership(ctx: Ctx): Promise<{ kpis: number; coOwned: number }> {
  authorize(ctx.actor, "kpi.read");
  const marketingOwner = alias(users, "marketing_owner");
  const marketingTeam = alias(teams, "marketing_team");
  const itOwner = alias(users, "it_owner");
  const itTeam = alias(teams, "it_team");
  const [row] = await ctx.database.db
    .select({
      kpis: sql<number>`count(*)::int`,
      coOwned: sql<number>`(count(*) filter (where ${marketingTeam.kind} = 'marketing' and ${itTeam.kind} in ('it', 'security')))::int`,
    })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .leftJoin(marketingOwner, eq(marketingOwner.id, objectives.marketingOwnerId))
    .leftJoin(marketingTeam, eq(marketingTeam.id, marketingOwner.teamId))
    .leftJoin(itOwner, eq(itOwner.id, objectives.itOwnerId))
    .leftJoin(itTeam, eq(itTeam.id, itOwner.teamId))
    .where(eq(kpis.workspaceId, ctx.actor.workspaceId));
  return { kpis: Number(row?.kpis ?? 0), coOwned: Number(row?.coOwned ?? 0) };
}

/** Rituals' agenda (issue 16): every KPI of the workspace read as of a date (status, reason in words, owner). */
export async function readKpiStatuses(ctx: Ctx, asOf: string) {
  authorize(ctx.actor, "kpi.read");
  const rows = await listAllKpis(ctx.database.db, ctx.actor.workspaceId, asOf);
  return rows.map((row) => presentKpi(row, asOf));
}
