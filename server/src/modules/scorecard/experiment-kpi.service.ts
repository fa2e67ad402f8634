// An experiment's Scorecard KPI, read and changed from the experiment's page (the KPI page's links set the same
// experiment.kpi_id): the free-text KPI the author wrote stays readable beside the link.
import type { SetExperimentKpiBody } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import { assertFound, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findExperimentKpiLink, updateExperimentKpiLink } from "./experiment-kpi.queries";
import { findKpiIds } from "./kpi-links.queries";
import { getKpiRow } from "./kpis.service";
import { refuse, todayOf } from "./objectives.service";

/** The KPI an experiment is linked to, read today (404 for another workspace's experiment). */
export async function getExperimentKpi(ctx: Ctx, experimentId: string) {
  authorize(ctx.actor, "kpi.read");
  const link = assertFound(
    await findExperimentKpiLink(ctx.database.db, ctx.actor.workspaceId, experimentId),
    "Experiment",
  );
  const today = todayOf(ctx);
  return {
    experimentId: link.id,
    kpiText: link.kpiText,
    kpi: link.kpiId ? { row: await getKpiRow(ctx, link.kpiId, today), asOf: today } : null,
    version: link.version,
  };
}

/** Links an experiment to a KPI of the workspace, or unlinks it (writers), at the experiment's version. */
export async function setExperimentKpi(ctx: Ctx, experimentId: string, input: SetExperimentKpiBody) {
  authorize(ctx.actor, "kpi.update", { workspaceId: ctx.actor.workspaceId });
  await ctx.database.db.transaction(async (tx) => {
    const link = assertFound(await findExperimentKpiLink(tx, ctx.actor.workspaceId, experimentId), "Experiment");
    if (input.kpiId !== null) {
      const known = await findKpiIds(tx, ctx.actor.workspaceId, [input.kpiId]);
      refuse("The KPI named is not in this workspace", [
        ...(known.has(input.kpiId) ? [] : [{ path: "kpiId", message: "is not a KPI of this workspace" }]),
      ]);
    }
    const stale = () => staleEdit("experiment");
    if (link.version !== input.version) throw stale();
    if (link.kpiId === input.kpiId) return;
    if (
      !(await updateExperimentKpiLink(tx, ctx.actor.workspaceId, experimentId, input.version, input.kpiId, ctx.now))
    ) {
      throw stale();
    }
    await recordAudit(tx, originOf(ctx), {
      action: "experiment.kpi_linked",
      entityType: "experiment",
      entityId: experimentId,
      before: { kpiId: link.kpiId },
      after: { kpiId: input.kpiId },
    });
  });
  return getExperimentKpi(ctx, experimentId);
}
