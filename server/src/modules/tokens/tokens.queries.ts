import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { apiTokens, users } from "../../db/schema";

const tokenWithOwner = { token: apiTokens, userName: users.name };

/** One token of the workspace with its owner's name, or null. */
export async function findApiToken(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select(tokenWithOwner)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
  return row ?? null;
}

/** Live tokens of the workspace (or of one user), keyset-paged. */
export function listLiveApiTokens(
  tx: Tx,
  workspaceId: string,
  filter: { userId?: string; now: Date; after?: SQL; orderBy: SQL[]; limit: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(apiTokens.workspaceId, workspaceId),
    isNull(apiTokens.revokedAt),
    gt(apiTokens.expiresAt, filter.now),
    filter.userId ? eq(apiTokens.userId, filter.userId) : undefined,
    filter.after,
  ];
  return tx
    .select(tokenWithOwner)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(...conditions))
    .orderBy(...filter.orderBy)
    .limit(filter.limit + 1);
}

/** Stores a new token (its hash). */
export async function insertApiToken(tx: Tx, values: typeof apiTokens.$inferInsert) {
  const [row] = await tx.insert(apiTokens).values(values).returning();
  return row;
}

/** Revokes one token. */
export async function revokeApiToken(tx: Tx, workspaceId: string, id: string, now: Date) {
  await tx
    .update(apiTokens)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
}
