import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { tools } from "../../db/schema";

/** The id of the workspace's tool of this name (names compare without regard to case), or null. */
export async function findToolIdByName(tx: Tx, workspaceId: string, name: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: tools.id })
    .from(tools)
    .where(and(eq(tools.workspaceId, workspaceId), sql`lower(${tools.name}) = lower(${name})`));
  return row?.id ?? null;
}
