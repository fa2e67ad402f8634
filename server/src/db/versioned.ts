import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "./client";

/** A workspace-owned table whose rows carry an id and an optimistic-concurrency version. */
type VersionedTable = PgTable & { id: PgColumn; workspaceId: PgColumn; version: PgColumn };

/**
 * Updates one row of the workspace if its version still matches, bumping the version; false when someone changed
 * it meanwhile (the caller answers 409). Every edit of a versioned record goes through here.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  key: { workspaceId: string; id: string; version: number },
  changes: PgUpdateSetSource<T>,
): Promise<boolean> {
  const rows = await tx
    .update(table)
    .set({ ...changes, version: key.version + 1 } as PgUpdateSetSource<T>)
    .where(and(eq(table.workspaceId, key.workspaceId), eq(table.id, key.id), eq(table.version, key.version)))
    .returning({ id: table.id });
  return rows.length > 0;
}
