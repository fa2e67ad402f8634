import { and, asc, eq, or } from "drizzle-orm";
import type { CreateViewBody } from "#contracts/views";
import type { Tx } from "../../db/client";
import { savedViews, users } from "../../db/schema";

const selectViews = (db: Tx) =>
  db
    .select({ view: savedViews, owner: { id: users.id, name: users.name } })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId));

/** A saved view with its owner's id and name. */
export type SavedViewRow = { view: typeof savedViews.$inferSelect; owner: { id: string; name: string } };

/** A person's views of a page and those shared with the workspace, by name. */
export function listVisibleViews(db: Tx, workspaceId: string, userId: string, page: CreateViewBody["page"]) {
  return selectViews(db)
    .where(
      and(
        eq(savedViews.workspaceId, workspaceId),
        eq(savedViews.page, page),
        or(eq(savedViews.ownerId, userId), eq(savedViews.shared, true)),
      ),
    )
    .orderBy(asc(savedViews.name));
}

export async function insertView(tx: Tx, values: typeof savedViews.$inferInsert) {
  const [row] = await tx.insert(savedViews).values(values).returning();
  return row;
}

export async function findView(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
  return row ?? null;
}

export async function deleteViewRow(tx: Tx, id: string) {
  await tx.delete(savedViews).where(eq(savedViews.id, id));
}
