// Saved views: a person names the filters of a list page to come back to them, for themselves or shared with
// the workspace. Only the owner (or an admin, for shared ones) removes a view.
import type { CreateViewBody } from "#contracts/views";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { deleteViewRow, findView, insertView, listVisibleViews, type SavedViewRow } from "./views.queries";

/** My views of a page and the ones shared with the workspace, mine first. */
export async function listViews(ctx: Ctx, page: CreateViewBody["page"]): Promise<SavedViewRow[]> {
  authorize(ctx.actor, "view.read");
  const rows = await listVisibleViews(ctx.database.db, ctx.actor.workspaceId, ctx.actor.userId, page);
  const isMine = (row: SavedViewRow) => row.view.ownerId === ctx.actor.userId;
  return [...rows.filter(isMine), ...rows.filter((row) => !isMine(row))];
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
    return { view: row, owner: { id: ctx.actor.userId, name: ctx.actor.name } } satisfies SavedViewRow;
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
