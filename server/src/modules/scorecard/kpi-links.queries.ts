// Drizzle queries of what is linked to a KPI (requests, experiments, tools) and of the KPIs a request should move.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { lockName } from "../../db/advisory";
import type { Db, Tx } from "../../db/client";
import { prepareOnce } from "../../db/prepared";
import { experiments, kpis, requestKpis, requests, toolKpis, tools } from "../../db/schema";

type LinkLists = {
  requests: Array<{ id: string; title: string; stage: string }>;
  experiments: Array<{ id: string; name: string; status: string }>;
  tools: Array<{ id: string; name: string }>;
};

/** What is linked to a KPI (requests, experiments and tools, each by name), in one prepared round trip. */
export async function listKpiLinks(db: Db, workspaceId: string, kpiId: string): Promise<LinkLists> {
  const statement = prepareOnce(db, "kpi_links", "v1", (name) => {
    const workspace = sql.placeholder("workspaceId");
    const kpi = sql.placeholder("kpiId");
    return db
      .select({
        requests: sql<LinkLists["requests"]>`(
          SELECT coalesce(json_agg(json_build_object('id', r.id, 'title', r.title, 'stage', r.stage) ORDER BY r.title), '[]')
          FROM ${requestKpis} rk JOIN ${requests} r ON r.id = rk.request_id
          WHERE rk.workspace_id = ${workspace} AND rk.kpi_id = ${kpi})`,
        experiments: sql<LinkLists["experiments"]>`(
          SELECT coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'status', e.status) ORDER BY e.name), '[]')
          FROM ${experiments} e WHERE e.workspace_id = ${workspace} AND e.kpi_id = ${kpi})`,
        tools: sql<LinkLists["tools"]>`(
          SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name), '[]')
          FROM ${toolKpis} tk JOIN ${tools} t ON t.id = tk.tool_id
          WHERE tk.workspace_id = ${workspace} AND tk.kpi_id = ${kpi})`,
      })
      .from(sql`(SELECT 1) AS one`)
      .prepare(name);
  });
  const [row] = await statement.execute({ workspaceId, kpiId });
  return row;
}

/** Which of the given ids are records of the workspace, per kind. */
export async function findLinkTargets(
  tx: Tx,
  workspaceId: string,
  ids: { requestIds: string[]; experimentIds: string[]; toolIds: string[] },
) {
  const found = async (table: typeof requests | typeof experiments | typeof tools, list: string[]) =>
    list.length === 0
      ? new Set<string>()
      : new Set(
          (
            await tx
              .select({ id: table.id })
              .from(table)
              .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, list)))
          ).map((row) => row.id),
        );
  return {
    requests: await found(requests, ids.requestIds),
    experiments: await found(experiments, ids.experimentIds),
    tools: await found(tools, ids.toolIds),
  };
}

/** Replaces a KPI's links: requests and tools in their link tables, experiments through their `kpi_id`. */
export async function replaceKpiLinks(
  tx: Tx,
  workspaceId: string,
  kpiId: string,
  ids: { requestIds: string[]; experimentIds: string[]; toolIds: string[] },
  now: Date,
) {
  await tx.delete(requestKpis).where(and(eq(requestKpis.workspaceId, workspaceId), eq(requestKpis.kpiId, kpiId)));
  await tx.delete(toolKpis).where(and(eq(toolKpis.workspaceId, workspaceId), eq(toolKpis.kpiId, kpiId)));
  const stamp = { workspaceId, kpiId, createdAt: now, updatedAt: now };
  if (ids.requestIds.length > 0) {
    await tx.insert(requestKpis).values(ids.requestIds.map((requestId) => ({ ...stamp, requestId })));
  }
  if (ids.toolIds.length > 0) await tx.insert(toolKpis).values(ids.toolIds.map((toolId) => ({ ...stamp, toolId })));
  await tx
    .update(experiments)
    .set({ kpiId: null, updatedAt: now, version: sql`${experiments.version} + 1` })
    .where(
      and(
        eq(experiments.workspaceId, workspaceId),
        eq(experiments.kpiId, kpiId),
        ids.experimentIds.length > 0 ? notInArray(experiments.id, ids.experimentIds) : undefined,
      ),
    );
  if (ids.experimentIds.length > 0) {
    await tx
      .update(experiments)
      .set({ kpiId, updatedAt: now, version: sql`${experiments.version} + 1` })
      .where(
        and(
          eq(experiments.workspaceId, workspaceId),
          inArray(experiments.id, ids.experimentIds),
          sql`${experiments.kpiId} IS DISTINCT FROM ${kpiId}`,
        ),
      );
  }
}

/** Takes the lock on a request's set of KPIs for the rest of the transaction: replacements sent at once queue. */
export async function lockRequestKpis(tx: Tx, requestId: string) {
  await lockName(tx, "request-kpis", requestId);
}

/** The ids of the KPIs a request should move. */
export async function listRequestKpiIds(tx: Tx, workspaceId: string, requestId: string) {
  const rows = await tx
    .select({ kpiId: requestKpis.kpiId })
    .from(requestKpis)
    .where(and(eq(requestKpis.workspaceId, workspaceId), eq(requestKpis.requestId, requestId)));
  return rows.map((row) => row.kpiId);
}

/** Which of the given KPI ids are KPIs of the workspace. */
export async function findKpiIds(tx: Tx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.workspaceId, workspaceId), inArray(kpis.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

/** Replaces the KPIs a request should move. */
export async function replaceRequestKpis(
  tx: Tx,
  workspaceId: string,
  requestId: string,
  kpiIds: readonly string[],
  now: Date,
) {
  await tx
    .delete(requestKpis)
    .where(and(eq(requestKpis.workspaceId, workspaceId), eq(requestKpis.requestId, requestId)));
  if (kpiIds.length > 0) {
    await tx
      .insert(requestKpis)
      .values(kpiIds.map((kpiId) => ({ workspaceId, requestId, kpiId, createdAt: now, updatedAt: now })));
  }
}

/** How many of the requests have at least one KPI linked. */
export async function countRequestsLinkedToKpis(db: Db, workspaceId: string, requestIds: readonly string[]) {
  const rows = await db
    .selectDistinct({ requestId: requestKpis.requestId })
    .from(requestKpis)
    .where(and(eq(requestKpis.workspaceId, workspaceId), inArray(requestKpis.requestId, [...requestIds])));
  return rows.length;
}
