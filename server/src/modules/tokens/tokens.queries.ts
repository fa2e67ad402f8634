import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { ApiTokenListQuery } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { prepareOnce } from "../../db/prepared";
import { apiTokens, users } from "../../db/schema";
import { takePage } from "../../lib/cursor";

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

/** Live tokens of the workspace (or of one user), keyset-paged (prepared per shape). */
export function listLiveApiTokens(
  db: Db,
  workspaceId: string,
  filter: { userId?: string; now: Date; limit: number },
  page: Keyset,
) {
  const statement = prepareOnce(db, "list_api_tokens", `${page.shape}|${filter.userId ? "user" : ""}`, (name) =>
    db
      .select(tokenWithOwner)
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.workspaceId, sql.placeholder("workspaceId")),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, sql.placeholder("now")),
          filter.userId ? eq(apiTokens.userId, sql.placeholder("userId")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    now: filter.now,
    userId: filter.userId,
    limit: filter.limit + 1,
    ...page.params,
  });
}

const tokenSortable = { createdAt: apiTokens.createdAt, name: apiTokens.name };

/** One page of live tokens of the workspace (or of one user), in `sort` order after `cursor`. */
export async function pageLiveApiTokens(
  db: Db,
  workspaceId: string,
  filter: { userId?: string; now: Date; limit: number } & Pick<ApiTokenListQuery, "sort" | "cursor">,
) {
  const page = keyset(tokenSortable, apiTokens.id, filter.sort, filter.cursor);
  const rows = await listLiveApiTokens(db, workspaceId, filter, page);
  return takePage(rows, filter.limit, (row) => page.cursorAfter(row.token[page.field], row.token.id));
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
