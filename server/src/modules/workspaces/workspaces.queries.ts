import { count } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { workspaces } from "../../db/schema";

/** How many workspaces the installation has. */
export async function countWorkspaces(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(workspaces);
  return row.n;
}

/** Inserts the workspace row alone (its defaults are each module's: `createWorkspace`). */
export async function insertWorkspaceRow(tx: Tx, name: string, now: Date) {
  const [workspace] = await tx.insert(workspaces).values({ name, createdAt: now, updatedAt: now }).returning();
  return workspace;
}
