import type { CreateIntegrationBody, IntegrationListQuery, UpdateIntegrationBody } from "#contracts/stack";
import type { Ctx } from "../../context";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  deleteIntegration,
  findIntegration,
  findTool,
  insertIntegration,
  pageIntegrations,
  updateIntegration,
} from "./stack.queries";

/** Integrations of the workspace, or of one tool. */
export async function listWorkspaceIntegrations(ctx: Ctx, query: IntegrationListQuery) {
  authorize(ctx.actor, "integration.read");
  return pageIntegrations(ctx.database.db, ctx.actor.workspaceId, query);
}

async function assertOwnerInWorkspace(ctx: Ctx, ownerId: string | null | undefined) {
  await assertReferences(ctx.database.db, ctx.actor.workspaceId, [{ path: "ownerId", kind: "person", id: ownerId }]);
}

/** Connects two tools of the catalog. */
export async function createIntegration(ctx: Ctx, input: CreateIntegrationBody) {
  authorize(ctx.actor, "integration.write");
  if (input.fromToolId === input.toToolId) {
    throw new AppError("validation_failed", "A tool cannot integrate with itself", [
      { path: "toToolId", message: "must be a different tool than fromToolId" },
    ]);
  }
  for (const key of ["fromToolId", "toToolId"] as const) {
    const tool = await findTool(ctx.database.db, ctx.actor.workspaceId, input[key]);
    if (!tool)
      throw new AppError("validation_failed", "No such tool", [
        { path: key, message: "is not a tool of this workspace" },
      ]);
    if (tool.tool.archivedAt)
      throw new AppError("validation_failed", "That tool is archived", [{ path: key, message: "is archived" }]);
  }
  await assertOwnerInWorkspace(ctx, input.ownerId);
  return ctx.database.db.transaction(async (tx) => {
    const { id } = await insertIntegration(tx, {
      ...input,
      workspaceId: ctx.actor.workspaceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "integration.created",
      entityType: "integration",
      entityId: id,
      after: input,
    });
    return assertFound(await findIntegration(tx, ctx.actor.workspaceId, id), "Integration");
  });
}

/** Edits what an integration carries, how, and who owns it. */
export async function editIntegration(ctx: Ctx, id: string, input: UpdateIntegrationBody) {
  const current = assertFound(await findIntegration(ctx.database.db, ctx.actor.workspaceId, id), "Integration");
  authorize(ctx.actor, "integration.write", { workspaceId: current.integration.workspaceId });
  await assertOwnerInWorkspace(ctx, input.ownerId);
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const updated = await updateIntegration(tx, ctx.actor.workspaceId, id, version, { ...changes, updatedAt: ctx.now });
    if (!updated) throw staleEdit("integration");
    const { dataObjects, method, direction, ownerId, description } = current.integration;
    await recordAudit(tx, originOf(ctx), {
      action: "integration.updated",
      entityType: "integration",
      entityId: id,
      before: { dataObjects, method, direction, ownerId, description },
      after: changes,
    });
    return assertFound(await findIntegration(tx, ctx.actor.workspaceId, id), "Integration");
  });
}

/** Removes an integration; the audit log keeps what it was. */
export async function removeIntegration(ctx: Ctx, id: string) {
  const current = assertFound(await findIntegration(ctx.database.db, ctx.actor.workspaceId, id), "Integration");
  authorize(ctx.actor, "integration.write", { workspaceId: current.integration.workspaceId });
  await ctx.database.db.transaction(async (tx) => {
    await deleteIntegration(tx, ctx.actor.workspaceId, id);
    await recordAudit(tx, originOf(ctx), {
      action: "integration.deleted",
      entityType: "integration",
      entityId: id,
      before: {
        from: current.from,
        to: current.to,
        dataObjects: current.integration.dataObjects,
        method: current.integration.method,
      },
    });
  });
}
