import { and, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { SessionListQuery } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { prepareOnce } from "../../db/prepared";
import { apiTokens, sessions, teams, users, workspaces } from "../../db/schema";
import { takePage } from "../../lib/cursor";

const actorColumns = {
  userId: users.id,
  workspaceId: users.workspaceId,
  name: users.name,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
  teamKind: teams.kind,
};

/** A live session by its token hash, with its user (active only), team and workspace names. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  // Every request runs this one: prepared once, neither Drizzle nor PostgreSQL plans it again.
  const statement = prepareOnce(db, "find_live_session", "", (name) =>
    db
      .select({
        ...actorColumns,
        teamName: teams.name,
        workspaceName: workspaces.name,
        sessionId: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        idleExpiresAt: sessions.idleExpiresAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(teams, eq(teams.id, users.teamId))
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder("tokenHash")),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql.placeholder("now")),
          gt(sessions.idleExpiresAt, sql.placeholder("now")),
          eq(users.status, "active"),
        ),
      )
      .prepare(name),
  );
  const [row] = await statement.execute({ tokenHash, now });
  return row ?? null;
}

/** Records that a user was just active. */
export async function markUserSeen(tx: Tx, userId: string, now: Date) {
  await tx.update(users).set({ lastSeenAt: now }).where(eq(users.id, userId));
}

/** Moves a session's idle expiry forward (never past its absolute expiry). */
export async function touchSession(tx: Tx, sessionId: string, userId: string, now: Date, idleMs: number) {
  await tx
    .update(sessions)
    .set({
      lastSeenAt: now,
      idleExpiresAt: sql`least(${sessions.expiresAt}, ${new Date(now.getTime() + idleMs)})`,
    })
    .where(eq(sessions.id, sessionId));
  await markUserSeen(tx, userId, now);
}

/** A live API token by its hash, with its user (active only), team and workspace names. */
export async function findLiveToken(db: Db, tokenHash: string, now: Date) {
  const statement = prepareOnce(db, "find_live_token", "", (name) =>
    db
      .select({
        ...actorColumns,
        teamName: teams.name,
        workspaceName: workspaces.name,
        tokenId: apiTokens.id,
        scope: apiTokens.scope,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .innerJoin(teams, eq(teams.id, users.teamId))
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(
        and(
          eq(apiTokens.tokenHash, sql.placeholder("tokenHash")),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, sql.placeholder("now")),
          eq(users.status, "active"),
        ),
      )
      .prepare(name),
  );
  const [row] = await statement.execute({ tokenHash, now });
  return row ?? null;
}

/** Records when a token was last used. */
export async function touchToken(tx: Tx, tokenId: string, now: Date) {
  await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

/** Stores a new session. */
export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert) {
  const [row] = await tx.insert(sessions).values(values).returning();
  return row;
}

/** One session of the workspace, or null. */
export async function findSession(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ session: sessions, userName: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, id)));
  return row ?? null;
}

/** Live sessions of the workspace, optionally of one user, keyset-paged (prepared per shape). */
export function listLiveSessions(
  db: Db,
  workspaceId: string,
  filter: { userId?: string; now: Date; limit: number },
  page: Keyset,
) {
  const statement = prepareOnce(db, "list_sessions", `${page.shape}|${filter.userId ? "user" : ""}`, (name) =>
    db
      .select({ session: sessions, userName: users.name })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.workspaceId, sql.placeholder("workspaceId")),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql.placeholder("now")),
          gt(sessions.idleExpiresAt, sql.placeholder("now")),
          filter.userId ? eq(sessions.userId, sql.placeholder("userId")) : undefined,
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

/** Ends one session. */
export async function revokeSession(tx: Tx, workspaceId: string, id: string, now: Date) {
  await tx
    .update(sessions)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, id)));
}

/** Ends every session of a user but `keepSessionId`, and, optionally, every API token; says how many of each. */
export async function revokeAllOfUser(
  tx: Tx,
  userId: string,
  now: Date,
  options: { alsoTokens: boolean; keepSessionId?: string | null },
) {
  const endedSessions = await tx
    .update(sessions)
    .set({ revokedAt: now, updatedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        options.keepSessionId ? ne(sessions.id, options.keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  const revokedTokens = options.alsoTokens
    ? await tx
        .update(apiTokens)
        .set({ revokedAt: now, updatedAt: now })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id })
    : [];
  return { sessions: endedSessions.length, tokens: revokedTokens.length };
}

/** Deletes sessions that can no longer be used, keeping recent ones a day for the record. */
export async function deleteDeadSessions(tx: Tx, now: Date) {
  const cutoff = new Date(now.getTime() - 24 * 3600_000);
  const deleted = await tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.idleExpiresAt, cutoff), lt(sessions.revokedAt, cutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}

const sessionSortable = { createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt };

/** One page of live sessions of the workspace (or of one user), in `sort` order after `cursor`. */
export async function pageLiveSessions(
  db: Db,
  workspaceId: string,
  filter: { userId?: string; now: Date; limit: number } & Pick<SessionListQuery, "sort" | "cursor">,
) {
  const page = keyset(sessionSortable, sessions.id, filter.sort, filter.cursor);
  const rows = await listLiveSessions(db, workspaceId, filter, page);
  return takePage(rows, filter.limit, (row) => page.cursorAfter(row.session[page.field], row.session.id));
}
