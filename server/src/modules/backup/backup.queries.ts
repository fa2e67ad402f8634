import { count } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { workspaces } from "../../db/schema";

/** How many workspaces the installation holds (a backup holds them all). */
export async function countInstallationWorkspaces(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(workspaces);
  return row.n;
}
