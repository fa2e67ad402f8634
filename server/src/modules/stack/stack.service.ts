import type { CreateToolBody, ToolFields, ToolListQuery, UpdateToolBody } from "#contracts/stack";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound, staleEdit } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { columnsOf, fieldsOf } from "./stack.fields";
import { findOwnerFacts, findTool, insertTool, pageTools, updateTool } from "./stack.queries";
import { validateToolRules } from "./stack.rules";

/** Today's date in UTC, as calendar rules take it. */
export function todayOf(ctx: Pick<Ctx, "now">): string {
  return ctx.now.toISOString().slice(0, 10);
}

/** The catalog: live tools (or archived ones), searched, filtered and sorted. */
export async function listWorkspaceTools(ctx: Ctx, query: ToolListQuery) {
  authorize(ctx.actor, "tool.read");
  return pageTools(ctx.database.db, ctx.actor.workspaceId, query);
}

/** One tool. */
export async function getTool(ctx: Ctx, id: string) {
  authorize(ctx.actor, "tool.read");
  return assertFound(await findTool(ctx.database.db, ctx.actor.workspaceId, id), "Tool");
}

// The owners must be people of this workspace; the rules then say whether they fit.
async function checkToolRules(tx: Tx, ctx: Ctx, fields: ToolFields) {
  const ids = [fields.businessOwnerId, fields.technicalOwnerId].filter((id): id is string => id !== null);
  const facts = await findOwnerFacts(tx, ctx.actor.workspaceId, ids);
  const missing = (["businessOwnerId", "technicalOwnerId"] as const).filter(
    (key) => fields[key] && !facts.get(fields[key]),
  );
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      "Owners must be people of this workspace",
      missing.map((path) => ({ path, message: "is not a person of this workspace" })),
    );
  }
  const errors = validateToolRules(fields, {
    business: fields.businessOwnerId ? (facts.get(fields.businessOwnerId) ?? null) : null,
    technical: fields.technicalOwnerId ? (facts.get(fields.technicalOwnerId) ?? null) : null,
  });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.path} ${e.message}`).join("; "), errors);
}

/** Adds a tool to the catalog. */
export async function createTool(ctx: Ctx, input: CreateToolBody) {
  const decided = [
    ...(input.status !== "under_review" ? ["status"] : []),
    ...(input.functionalFit !== null ? ["functionalFit"] : []),
    ...(input.technicalFit !== null ? ["technicalFit"] : []),
  ];
  authorize(ctx.actor, "tool.create", {}, decided);
  return ctx.database.db.transaction(async (tx) => {
    await checkToolRules(tx, ctx, input);
    const { id } = await withUniqueField("name", "A tool with this name is already in the catalog", () =>
      insertTool(tx, {
        ...columnsOf(input),
        workspaceId: ctx.actor.workspaceId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    await recordAudit(tx, originOf(ctx), { action: "tool.created", entityType: "tool", entityId: id, after: input });
    return assertFound(await findTool(tx, ctx.actor.workspaceId, id), "Tool");
  });
}

/** Edits a tool: field rules from the policy, cross-field rules from the stack rules, stale versions refused. */
export async function editTool(ctx: Ctx, id: string, input: UpdateToolBody) {
  const current = assertFound(await findTool(ctx.database.db, ctx.actor.workspaceId, id), "Tool");
  const { version, ...changes } = input;
  const before = fieldsOf(current.tool);
  const after: ToolFields = { ...before, ...stripUndefined(changes) };
  const changed = (Object.keys(changes) as (keyof ToolFields)[]).filter(
    (field) => changes[field] !== undefined && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  authorize(
    ctx.actor,
    "tool.update",
    {
      workspaceId: current.tool.workspaceId,
      businessOwnerId: before.businessOwnerId,
      technicalOwnerId: before.technicalOwnerId,
    },
    changed,
  );
  if (current.tool.archivedAt) throw new AppError("invalid_state", "This tool is archived; restore it before editing");
  return ctx.database.db.transaction(async (tx) => {
    await checkToolRules(tx, ctx, after);
    const updated = await withUniqueField("name", "A tool with this name is already in the catalog", () =>
      updateTool(tx, ctx.actor.workspaceId, id, version, { ...columnsOf(after), updatedAt: ctx.now }),
    );
    if (!updated) throw staleEdit("tool");
    await recordAudit(tx, originOf(ctx), {
      action: "tool.updated",
      entityType: "tool",
      entityId: id,
      before: pick(before, changed),
      after: pick(after, changed),
    });
    return assertFound(await findTool(tx, ctx.actor.workspaceId, id), "Tool");
  });
}

/** Archives (or restores) a tool: archived tools are kept, never deleted, and leave the live catalog. */
export async function setToolArchived(ctx: Ctx, id: string, input: { version: number; archived: boolean }) {
  const current = assertFound(await findTool(ctx.database.db, ctx.actor.workspaceId, id), "Tool");
  authorize(ctx.actor, "tool.archive", { workspaceId: current.tool.workspaceId });
  return ctx.database.db.transaction(async (tx) => {
    const archivedAt = input.archived ? ctx.now : null;
    const updated = await updateTool(tx, ctx.actor.workspaceId, id, input.version, { archivedAt, updatedAt: ctx.now });
    if (!updated) throw staleEdit("tool");
    await recordAudit(tx, originOf(ctx), {
      action: input.archived ? "tool.archived" : "tool.restored",
      entityType: "tool",
      entityId: id,
      before: { archived: current.tool.archivedAt !== null },
      after: { archived: input.archived },
    });
    return assertFound(await findTool(tx, ctx.actor.workspaceId, id), "Tool");
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pick<T extends object>(value: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Partial<T>;
}
