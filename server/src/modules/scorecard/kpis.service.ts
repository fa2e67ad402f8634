// KPIs: list and read as of a date, create and edit with their rules, links, the chart's series.
import type { CreateKpiBody, KpiListQuery, KpiSeries, SetKpiLinksBody, UpdateKpiBody } from "#contracts/scorecard";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertFound, staleEdit } from "../../errors";
import { encodeCursor } from "../../lib/cursor";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findLinkTargets, listKpiLinks, replaceKpiLinks } from "./kpi-links.queries";
import {
  findKpi,
  findKpiPrepared,
  findKpiSeries,
  insertKpi,
  type KpiRow,
  kpiMeasurementSpan,
  listKpis,
  updateKpi,
} from "./kpis.queries";
import { checkPeople, refuse, todayOf } from "./objectives.service";
import { findObjective, findSegment, readPosition } from "./scorecard.queries";
import { kpiProblems, readKpiAsOf } from "./scorecard.rules";

/** A KPI row and the date it was read as of (its route presents it). */
export type KpiAsOf = { row: KpiRow; asOf: string };

/** KPIs of the workspace by name, each read as of `asOf` (default today), and the date they were read as of. */
export async function listWorkspaceKpis(ctx: Ctx, query: KpiListQuery) {
  authorize(ctx.actor, "kpi.read");
  const asOf = query.asOf ?? todayOf(ctx);
  const position = readPosition(query.cursor, "text");
  let after = position ? { name: position.value, id: position.id } : null;
  const items: KpiRow[] = [];
  // Status is read, not stored: a status filter reads page after page until this page is full.
  for (;;) {
    const rows = await listKpis(
      ctx.database.db,
      ctx.actor.workspaceId,
      { ...query, limit: query.limit + 1 },
      after,
      asOf,
    );
    for (const row of rows) {
      if (query.status === undefined || readKpiAsOf(row, asOf).status === query.status) items.push(row);
    }
    if (rows.length <= query.limit || items.length > query.limit) break;
    const last = rows[rows.length - 1].kpi;
    after = { name: last.name, id: last.id };
  }
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = items.length > query.limit ? encodeCursor([last.kpi.name, last.kpi.id]) : null;
  return { asOf, items: page, nextCursor };
}

/** The KPI row of the workspace (404 for another workspace's); outside a transaction by a prepared statement. */
export async function getKpiRow(ctx: Ctx, id: string, asOf: string, tx?: Tx) {
  const row = tx
    ? await findKpi(tx, ctx.actor.workspaceId, id, asOf)
    : await findKpiPrepared(ctx.database.db, ctx.actor.workspaceId, id, asOf);
  return assertFound(row, "KPI");
}

/** One KPI read as of a date, with what is linked to it. */
export async function getKpiDetail(ctx: Ctx, id: string, asOfDate?: string) {
  authorize(ctx.actor, "kpi.read");
  const asOf = asOfDate ?? todayOf(ctx);
  const row = await getKpiRow(ctx, id, asOf);
  const links = await listKpiLinks(ctx.database.db, ctx.actor.workspaceId, id);
  return { row, asOf, links };
}

async function readToday(ctx: Ctx, id: string, tx?: Tx): Promise<KpiAsOf> {
  const asOf = todayOf(ctx);
  return { row: await getKpiRow(ctx, id, asOf, tx), asOf };
}

type KpiInput = Omit<CreateKpiBody, "definition" | "cadence" | "category" | "name">;

async function checkKpi(tx: Tx, ctx: Ctx, kpiId: string | null, input: KpiInput) {
  const objective = await findObjective(tx, ctx.actor.workspaceId, input.objectiveId);
  refuse("The objective is not in this workspace", [
    ...(objective ? [] : [{ path: "objectiveId", message: "is not an objective of this workspace" }]),
  ]);
  await checkPeople(tx, ctx.actor.workspaceId, { ownerId: input.ownerId });
  if (input.segmentId !== null) {
    const segment = await findSegment(tx, ctx.actor.workspaceId, input.segmentId);
    refuse("The segment is not in this workspace", [
      ...(segment ? [] : [{ path: "segmentId", message: "is not a segment of this workspace" }]),
    ]);
  }
  const period = {
    periodStart: objective?.objective.periodStart ?? "",
    periodEnd: objective?.objective.periodEnd ?? "",
  };
  refuse("The KPI's figures do not fit together", kpiProblems({ ...input, ...period }));
  if (kpiId !== null) {
    const span = await kpiMeasurementSpan(tx, kpiId);
    const outside =
      (span.first !== null && span.first < period.periodStart) || (span.last !== null && span.last > period.periodEnd);
    refuse("Measurements would fall outside the objective's period", [
      ...(outside ? [{ path: "objectiveId", message: "has a period that would leave measurements outside it" }] : []),
    ]);
  }
}

/** Creates a KPI under an objective (writers); a target equal to the baseline is refused. */
export async function createKpi(ctx: Ctx, input: CreateKpiBody) {
  authorize(ctx.actor, "kpi.create");
  return ctx.database.db.transaction(async (tx) => {
    await checkKpi(tx, ctx, null, input);
    const { id } = await insertKpi(tx, {
      ...input,
      workspaceId: ctx.actor.workspaceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), { action: "kpi.created", entityType: "kpi", entityId: id, after: input });
    return readToday(ctx, id, tx);
  });
}

/** Edits a KPI, refusing a stale version and figures that do not fit together. */
export async function editKpi(ctx: Ctx, id: string, input: UpdateKpiBody) {
  const current = await getKpiRow(ctx, id, todayOf(ctx));
  authorize(ctx.actor, "kpi.update", { workspaceId: current.kpi.workspaceId });
  const { version, ...changes } = input;
  const before = current.kpi;
  const pick = <K extends keyof typeof changes & keyof typeof before>(key: K) =>
    (changes[key] === undefined ? before[key] : changes[key]) as NonNullable<(typeof changes)[K]> | (typeof before)[K];
  const next: KpiInput = {
    objectiveId: pick("objectiveId"),
    unit: pick("unit"),
    currency: pick("currency"),
    direction: pick("direction"),
    baseline: pick("baseline"),
    target: pick("target"),
    thresholds: changes.thresholds === undefined ? (before.thresholds ?? null) : changes.thresholds,
    ownerId: pick("ownerId"),
    segmentId: pick("segmentId"),
    source: pick("source"),
    measure: (changes.measure === undefined ? before.measure : changes.measure) as KpiInput["measure"],
  };
  return ctx.database.db.transaction(async (tx) => {
    await checkKpi(tx, ctx, id, next);
    const updated = await updateKpi(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      { ...changes, updatedAt: ctx.now },
    );
    if (!updated) throw staleEdit("KPI");
    await recordAudit(tx, originOf(ctx), {
      action: "kpi.updated",
      entityType: "kpi",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]])),
      after: changes,
    });
    return readToday(ctx, id, tx);
  });
}

/** Replaces the requests, experiments and tools linked to a KPI; every id must be a record of the workspace. */
export async function setKpiLinks(ctx: Ctx, id: string, input: SetKpiLinksBody) {
  const current = await getKpiRow(ctx, id, todayOf(ctx));
  authorize(ctx.actor, "kpi.update", { workspaceId: current.kpi.workspaceId });
  const ids = {
    requestIds: [...new Set(input.requestIds)],
    experimentIds: [...new Set(input.experimentIds)],
    toolIds: [...new Set(input.toolIds)],
  };
  const before = await listKpiLinks(ctx.database.db, ctx.actor.workspaceId, id);
  await ctx.database.db.transaction(async (tx) => {
    const found = await findLinkTargets(tx, ctx.actor.workspaceId, ids);
    const missing = (path: string, list: string[], known: Set<string>) =>
      list.flatMap((value, index) =>
        known.has(value) ? [] : [{ path: `${path}.${index}`, message: "is not a record of this workspace" }],
      );
    refuse("A linked record is not in this workspace", [
      ...missing("requestIds", ids.requestIds, found.requests),
      ...missing("experimentIds", ids.experimentIds, found.experiments),
      ...missing("toolIds", ids.toolIds, found.tools),
    ]);
    const bumped = await updateKpi(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version: input.version },
      { updatedAt: ctx.now },
    );
    if (!bumped) throw staleEdit("KPI");
    await replaceKpiLinks(tx, ctx.actor.workspaceId, id, ids, ctx.now);
    await recordAudit(tx, originOf(ctx), {
      action: "kpi.linked",
      entityType: "kpi",
      entityId: id,
      before: {
        requestIds: before.requests.map((r) => r.id),
        experimentIds: before.experiments.map((e) => e.id),
        toolIds: before.tools.map((t) => t.id),
      },
      after: ids,
    });
  });
  return getKpiDetail(ctx, id);
}

/** The chart's series: values between from and to (default the KPI's period), the plan line and thresholds. */
export async function getKpiSeries(ctx: Ctx, id: string, query: { from?: string; to?: string }): Promise<KpiSeries> {
  authorize(ctx.actor, "kpi.read");
  refuse("The series' start is after its end", [
    ...(query.from && query.to && query.from > query.to ? [{ path: "from", message: "must be on or before to" }] : []),
  ]);
  const row = assertFound(
    await findKpiSeries(ctx.database.db, ctx.actor.workspaceId, id, query.from ?? null, query.to ?? null),
    "KPI",
  );
  return {
    kpiId: row.id,
    unit: row.unit,
    currency: row.currency,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    thresholds: row.thresholds ?? null,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    points: (row.points ?? []).map(([date, value]) => ({ date, value })),
    plan: [
      { date: row.periodStart, value: row.baseline },
      { date: row.periodEnd, value: row.target },
    ],
  };
}
