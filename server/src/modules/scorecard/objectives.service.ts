// Objectives and customer segments: policy first, one transaction, audit in it.
import type {
  CreateObjectiveBody,
  CreateSegmentBody,
  ObjectiveListQuery,
  UpdateObjectiveBody,
  UpdateSegmentBody,
} from "#contracts/scorecard";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { encodeCursor } from "../../lib/cursor";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  findObjective,
  findSegment,
  insertObjective,
  insertSegment,
  listObjectives,
  listOwners,
  listSegments,
  type ObjectiveRow,
  objectiveMeasurementSpan,
  readPosition,
  updateObjective,
  updateSegment,
} from "./scorecard.queries";
import { objectiveSharingOf } from "./scorecard.rules";

/** Today's date (UTC) of a request. */
export const todayOf = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** Throws a 400 naming every field when there are problems. */
export function refuse(message: string, errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError("validation_failed", message, errors);
}

/** Checks that each named person is in the actor's workspace (another workspace's person is refused by field). */
export async function checkPeople(tx: Tx, workspaceId: string, fields: Record<string, string | null | undefined>) {
  const ids = Object.values(fields).filter((id): id is string => typeof id === "string");
  const found = new Set((await listOwners(tx, workspaceId, ids)).map((owner) => owner.id));
  refuse(
    "A person named is not in this workspace",
    Object.entries(fields)
      .filter(([, id]) => typeof id === "string" && !found.has(id))
      .map(([path]) => ({ path, message: "is not a person of this workspace" })),
  );
}

/** Objectives of the workspace, by period start. */
export async function listWorkspaceObjectives(ctx: Ctx, query: ObjectiveListQuery) {
  authorize(ctx.actor, "objective.read");
  const position = readPosition(query.cursor, "date");
  const after = position ? { periodStart: position.value, id: position.id } : null;
  const items: ObjectiveRow[] = [];
  let cursor = after;
  // `shared` is derived from the owners' teams: filter after reading, page by page, until the page is full.
  for (;;) {
    const rows = await listObjectives(
      ctx.database.db,
      ctx.actor.workspaceId,
      { ...query, limit: query.limit + 1 },
      cursor,
    );
    for (const row of rows) {
      if (query.shared === undefined || String(objectiveSharingOf(row).shared) === query.shared) items.push(row);
    }
    if (rows.length <= query.limit || items.length > query.limit) break;
    const last = rows[rows.length - 1].objective;
    cursor = { periodStart: last.periodStart, id: last.id };
  }
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = items.length > query.limit ? encodeCursor([last.objective.periodStart, last.objective.id]) : null;
  return { items: page, nextCursor };
}

/** One objective (404 for another workspace's). */
export async function getObjective(ctx: Ctx, id: string) {
  authorize(ctx.actor, "objective.read");
  return assertFound(await findObjective(ctx.database.db, ctx.actor.workspaceId, id), "Objective");
}

async function checkObjective(
  tx: Tx,
  ctx: Ctx,
  id: string | null,
  fields: Pick<CreateObjectiveBody, "periodStart" | "periodEnd" | "marketingOwnerId" | "itOwnerId" | "parentId">,
) {
  refuse("The period ends before it starts", [
    ...(fields.periodEnd < fields.periodStart
      ? [{ path: "periodEnd", message: "must be on or after periodStart" }]
      : []),
  ]);
  await checkPeople(tx, ctx.actor.workspaceId, {
    marketingOwnerId: fields.marketingOwnerId,
    itOwnerId: fields.itOwnerId,
  });
  if (fields.parentId !== null) {
    const parent = await findObjective(tx, ctx.actor.workspaceId, fields.parentId);
    const problem =
      parent === null
        ? "is not an objective of this workspace"
        : parent.objective.id === id
          ? "cannot be the objective itself"
          : parent.objective.parentId !== null
            ? "must be a company objective: objectives nest one level deep"
            : null;
    refuse("The parent objective cannot be used", problem ? [{ path: "parentId", message: problem }] : []);
  }
}

/** Creates an objective (writers). */
export async function createObjective(ctx: Ctx, input: CreateObjectiveBody) {
  authorize(ctx.actor, "objective.create");
  return ctx.database.db.transaction(async (tx) => {
    await checkObjective(tx, ctx, null, input);
    const { id } = await insertObjective(tx, {
      ...input,
      workspaceId: ctx.actor.workspaceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "objective.created",
      entityType: "objective",
      entityId: id,
      after: input,
    });
    return assertFound(await findObjective(tx, ctx.actor.workspaceId, id), "Objective");
  });
}

/** Edits an objective, refusing a stale version or a period that would leave measurements outside it. */
export async function editObjective(ctx: Ctx, id: string, input: UpdateObjectiveBody) {
  const current = assertFound(await findObjective(ctx.database.db, ctx.actor.workspaceId, id), "Objective");
  authorize(ctx.actor, "objective.update", { workspaceId: current.objective.workspaceId });
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const before = current.objective;
    const next = {
      periodStart: changes.periodStart ?? before.periodStart,
      periodEnd: changes.periodEnd ?? before.periodEnd,
      marketingOwnerId: changes.marketingOwnerId === undefined ? before.marketingOwnerId : changes.marketingOwnerId,
      itOwnerId: changes.itOwnerId === undefined ? before.itOwnerId : changes.itOwnerId,
      parentId: changes.parentId === undefined ? before.parentId : changes.parentId,
    };
    await checkObjective(tx, ctx, id, next);
    if (next.parentId !== null) {
      const [child] = await listObjectives(tx, ctx.actor.workspaceId, { parentId: id, limit: 1 }, null);
      refuse("This objective has its own joint objectives", [
        ...(child
          ? [{ path: "parentId", message: "cannot be set on a company objective that has joint objectives" }]
          : []),
      ]);
    }
    const span = await objectiveMeasurementSpan(tx, ctx.actor.workspaceId, id);
    refuse("Measurements would fall outside the new period", [
      ...(span.first !== null && span.first < next.periodStart
        ? [{ path: "periodStart", message: `must be on or before ${span.first}, the first measurement's date` }]
        : []),
      ...(span.last !== null && span.last > next.periodEnd
        ? [{ path: "periodEnd", message: `must be on or after ${span.last}, the last measurement's date` }]
        : []),
    ]);
    const updated = await updateObjective(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      { ...changes, updatedAt: ctx.now },
    );
    if (!updated) throw staleEdit("objective");
    await recordAudit(tx, originOf(ctx), {
      action: "objective.updated",
      entityType: "objective",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]])),
      after: changes,
    });
    return assertFound(await findObjective(tx, ctx.actor.workspaceId, id), "Objective");
  });
}

// ---------- segments ----------

const SEGMENT_TAKEN = "A segment with this name already exists";

/** Every customer segment, most important first. */
export async function listWorkspaceSegments(ctx: Ctx) {
  authorize(ctx.actor, "segment.read");
  return listSegments(ctx.database.db, ctx.actor.workspaceId);
}

/** Adds a customer segment (writers). */
export async function createSegment(ctx: Ctx, input: CreateSegmentBody) {
  authorize(ctx.actor, "segment.write");
  return ctx.database.db.transaction(async (tx) => {
    const segment = await withUniqueField("name", SEGMENT_TAKEN, () =>
      insertSegment(tx, { ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "segment.created",
      entityType: "customer_segment",
      entityId: segment.id,
      after: input,
    });
    return { segment, kpiCount: 0 };
  });
}

/** Edits a customer segment, refusing a stale version. */
export async function editSegment(ctx: Ctx, id: string, input: UpdateSegmentBody) {
  const current = assertFound(await findSegment(ctx.database.db, ctx.actor.workspaceId, id), "Segment");
  authorize(ctx.actor, "segment.write", { workspaceId: current.segment.workspaceId });
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const updated = await withUniqueField("name", SEGMENT_TAKEN, () =>
      updateSegment(tx, { workspaceId: ctx.actor.workspaceId, id, version }, { ...changes, updatedAt: ctx.now }),
    );
    if (!updated) throw staleEdit("segment");
    const before = current.segment;
    await recordAudit(tx, originOf(ctx), {
      action: "segment.updated",
      entityType: "customer_segment",
      entityId: id,
      before: { name: before.name, description: before.description, priority: before.priority },
      after: changes,
    });
    return assertFound(await findSegment(tx, ctx.actor.workspaceId, id), "Segment");
  });
}
