// An experiment's link to a Scorecard KPI (experiment.kpi_id, which the KPI page's links also set).
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { experiments } from "../../db/schema";

/** The experiment's KPI link, free-text KPI and version, or null when it is not the workspace's. */
export async function findExperimentKpiLink(tx: Tx, workspaceId: string, experimentId: string) {
  const [row] = await tx
    .select({ id: experiments.id, kpiId: experiments.kpiId, kpiText: experiments.kpi, version: experiments.version })
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, experimentId)));
  return row ?? null;
}

/** Sets the experiment's KPI if the version read still holds; false otherwise. */
export async function updateExperimentKpiLink(
  tx: Tx,
  workspaceId: string,
  experimentId: string,
  version: number,
  kpiId: string | null,
  now: Date,
) {
  const rows = await tx
    .update(experiments)
    .set({ kpiId, updatedAt: now, version: version + 1 })
    .where(
      and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, experimentId), eq(experiments.version, version)),
    )
    .returning({ id: experiments.id });
  return rows.length > 0;
}
