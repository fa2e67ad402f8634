// The KPIs a Pipeline request should move: the intake's "KPIs this should move", kept in the Scorecard's link table
// so the Pipeline's own tables stay as they are.
import type { SetRequestKpisBody } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { assertFound } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  findKpiIds,
  findLinkTargets,
  listRequestKpiIds,
  lockRequestKpis,
  replaceRequestKpis,
} from "./kpi-links.queries";
import { getKpiRow } from "./kpis.service";
import { refuse, todayOf } from "./objectives.service";

async function assertRequest(ctx: Ctx, requestId: string) {
  const found = await findLinkTargets(ctx.database.db, ctx.actor.workspaceId, {
    requestIds: [requestId],
    experimentIds: [],
    toolIds: [],
  });
  assertFound(found.requests.has(requestId) ? requestId : null, "Request");
}

/** The KPIs a request should move by name, each read today (404 for another workspace's request). */
export async function getRequestKpis(ctx: Ctx, requestId: string) {
  authorize(ctx.actor, "kpi.read");
  await assertRequest(ctx, requestId);
  const ids = await listRequestKpiIds(ctx.database.db, ctx.actor.workspaceId, requestId);
  const today = todayOf(ctx);
  const rows = await Promise.all(ids.map((id) => getKpiRow(ctx, id, today)));
  const items = rows.sort((a, b) => a.kpi.name.localeCompare(b.kpi.name));
  return { requestId, asOf: today, items };
}

/** Replaces the KPIs a request should move (writers); every id must be a KPI of the workspace. */
export async function setRequestKpis(ctx: Ctx, requestId: string, input: SetRequestKpisBody) {
  await assertRequest(ctx, requestId);
  authorize(ctx.actor, "kpi.update", { workspaceId: ctx.actor.workspaceId });
  const kpiIds = [...new Set(input.kpiIds)];
  const known = await findKpiIds(ctx.database.db, ctx.actor.workspaceId, kpiIds);
  refuse(
    "A KPI named is not in this workspace",
    kpiIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ path: `kpiIds.${index}`, message: "is not a KPI of this workspace" }],
    ),
  );
  await ctx.database.db.transaction(async (tx) => {
    await lockRequestKpis(tx, requestId);
    const before = await listRequestKpiIds(tx, ctx.actor.workspaceId, requestId);
    await replaceRequestKpis(tx, ctx.actor.workspaceId, requestId, kpiIds, ctx.now);
    await recordAudit(tx, originOf(ctx), {
      action: "request.kpis_set",
      entityType: "request",
      entityId: requestId,
      before: { kpiIds: before },
      after: { kpiIds },
    });
  });
  return getRequestKpis(ctx, requestId);
}
