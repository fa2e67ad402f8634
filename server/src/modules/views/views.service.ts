// Saved views: a person names the filters of a list page to come back to them, for themselves or shared with
// the workspace. Only the owner (or an admin, for shared ones) removes a view.
import type { CreateViewBody } from "../../../../contracts/views";
import type { Ctx } from "../../context";
import type { savedViews } from "../../db/schema";
import { AppError } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { deleteViewRow, findView, insertView, listVisibleViews } from "./views.queries";

function present(ctx: Ctx, row: { view: typeof savedViews.$inferSelect; owner: { id: string; name: string } }) {
  return {
    id: row.view.id,
    page: row.view.page as CreateViewBody["page"],
    name: row.view.name,
    query: row.view.query as Record<string, string>,
    shared: row.view.shared,
    owner: row.owner,
    isMine: row.view.ownerId === ctx.actor.userId,
    createdAt: row.view.createdAt.toISOString(),
  };
}

/** My views of a page and the ones shared with the workspace, mine first. */
export async function listViews(ctx: Ctx, page: string) {
  authorize(ctx.actor, "view.read");
  const rows = await listVisibleViews(ctx.database.db, ctx.actor.workspaceId, ctx.actor.userId, page);
  const views = rows.map((row) => present(ctx, row));
  return { items: [...views.filter((view) => view.isMine), ...views.filter((view) => !view.isMine)] };
}

export async function createView(ctx: Ctx, input: CreateViewBody) {
  authorize(ctx.actor, "view.create");
  return ctx.database.db.transaction(async (tx) => {
    const row = await withUniqueField("name", "You already have a view with this name on this page", () =>
      insertView(tx, { ...input, workspaceId: ctx.actor.workspaceId, ownerId: ctx.actor.userId, createdAt: ctx.now }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "view.created",
      entityType: "saved_view",
      entityId: row.id,
      after: input,
    });
    return present(ctx, { view: row, owner: { id: ctx.actor.userId, name: ctx.actor.name } });
  });
}

export async function deleteView(ctx: Ctx, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await findView(tx, ctx.actor.workspaceId, id);
    if (!row || (!row.shared && row.ownerId !== ctx.actor.userId)) throw new AppError("not_found", "View not found");
    authorize(ctx.actor, "view.delete", { workspaceId: row.workspaceId, userId: row.ownerId });
    await deleteViewRow(tx, id);
    await recordAudit(tx, originOf(ctx), {
      action: "view.deleted",
      entityType: "saved_view",
      entityId: id,
      before: { name: row.name, page: row.page, shared: row.shared },
    });
    return { ok: true as const };
  });
}
