import type { SessionListQuery } from "#contracts/people";
import type { Actor, Ctx } from "../../context";
import type { ChangeFeed } from "../../db/change-feed";
import type { Database, Tx } from "../../db/client";
import { assertFound } from "../../errors";
import type { LruCache } from "../../lib/lru";
import { generateSecret, hashSecret } from "../../lib/secrets";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  findLiveSession,
  findLiveToken,
  findSession,
  insertSession,
  markUserSeen,
  pageLiveSessions,
  revokeSession,
  touchSession,
  touchToken,
} from "./sessions.queries";

/** A session ends after 8 hours without a request… */
export const SESSION_IDLE_MS = 8 * 3600_000;
/** …and 7 days after sign-in in any case. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
// Writing last-seen on every request would turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

/** What a session or token resolves to; kept by the actor cache between requests. */
interface Resolved {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  /** Sessions only: the end of the idle window (tokens have none). */
  idleExpiresAt: Date | null;
  lastUsedAt: Date | null;
}

// What a resolved actor was read from: a change to any of them (a revocation, a role, a team's
// name, a deactivation) makes the cached actor stale. Last-seen touches are not changes (change-feed.ts).
const SESSION_TABLES = ["session", "app_user", "team", "workspace"];
const TOKEN_TABLES = ["api_token", "app_user", "team", "workspace"];

/**
 * Resolved sessions and tokens by their hash, so that a signed-in request need not read the database
 * before its own work. Entries are checked against the change feed and the clock on every use.
 */
export interface ActorCache {
  feed: ChangeFeed;
  entries: LruCache<{ resolved: Resolved; stamp: number }>;
}

async function resolveCached(
  cache: ActorCache | undefined,
  kind: "session" | "token",
  tokenHash: string,
  now: Date,
  read: () => Promise<Resolved | null>,
): Promise<Resolved | null> {
  if (!cache) return read();
  // Sessions and tokens are kept apart: a token's secret sent as a cookie must find nothing.
  const key = `${kind}:${tokenHash}`;
  const tables = kind === "session" ? SESSION_TABLES : TOKEN_TABLES;
  const cached = cache.entries.get(key);
  if (cached && !cache.feed.changedSince(tables, cached.stamp)) {
    const { resolved } = cached;
    const live = resolved.expiresAt > now && (resolved.idleExpiresAt === null || resolved.idleExpiresAt > now);
    if (live) return resolved;
  }
  const stamp = cache.feed.stamp();
  const resolved = await read();
  if (resolved && cache.feed.trusted) cache.entries.set(key, { resolved, stamp });
  else cache.entries.delete(key);
  return resolved;
}

/** Who a session or token belongs to, as the actor carries it. */
function personOf(row: Omit<Actor, "via" | "sessionId" | "tokenId" | "tokenScope">) {
  const { userId, workspaceId, name, email, role, teamId, teamName, teamKind, workspaceName } = row;
  return { userId, workspaceId, name, email, role, teamId, teamName, teamKind, workspaceName };
}

/** The actor of a session token and the session's CSRF token, or null when it is not live. */
export async function resolveSessionActor(database: Database, token: string, now: Date, cache?: ActorCache) {
  const tokenHash = hashSecret(token);
  const resolved = await resolveCached(cache, "session", tokenHash, now, async () => {
    const row = await findLiveSession(database.db, tokenHash, now);
    if (!row) return null;
    const actor: Actor = {
      ...personOf(row),
      via: "session",
      sessionId: row.sessionId,
      tokenId: null,
      tokenScope: null,
    };
    return {
      actor,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
      idleExpiresAt: row.idleExpiresAt,
      lastUsedAt: row.lastSeenAt,
    };
  });
  if (!resolved) return null;
  if (resolved.lastUsedAt === null || now.getTime() - resolved.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Noted before the write, so that requests arriving meanwhile do not touch it again.
    resolved.lastUsedAt = now;
    resolved.idleExpiresAt = new Date(Math.min(resolved.expiresAt.getTime(), now.getTime() + SESSION_IDLE_MS));
    await touchSession(database.db, resolved.actor.sessionId as string, resolved.actor.userId, now, SESSION_IDLE_MS);
  }
  return resolved;
}

/** The actor of a personal API token, or null when it is not live. */
export async function resolveTokenActor(
  database: Database,
  token: string,
  now: Date,
  cache?: ActorCache,
): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const resolved = await resolveCached(cache, "token", tokenHash, now, async () => {
    const row = await findLiveToken(database.db, tokenHash, now);
    if (!row) return null;
    const actor: Actor = {
      ...personOf(row),
      via: "token",
      sessionId: null,
      tokenId: row.tokenId,
      tokenScope: row.scope,
    };
    return { actor, csrfToken: "", expiresAt: row.expiresAt, idleExpiresAt: null, lastUsedAt: row.lastUsedAt };
  });
  if (!resolved) return null;
  if (resolved.lastUsedAt === null || now.getTime() - resolved.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    resolved.lastUsedAt = now;
    await touchToken(database.db, resolved.actor.tokenId as string, now);
  }
  return resolved.actor;
}

/** Opens a new session for a user who just proved who they are; returns the secret for the cookie. */
export async function startSession(
  tx: Tx,
  user: { id: string; workspaceId: string },
  meta: { ip: string | null; userAgent: string | null; now: Date },
) {
  const token = generateSecret();
  await markUserSeen(tx, user.id, meta.now);
  const session = await insertSession(tx, {
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: hashSecret(token),
    csrfToken: generateSecret(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    lastSeenAt: meta.now,
    idleExpiresAt: new Date(meta.now.getTime() + SESSION_IDLE_MS),
    expiresAt: new Date(meta.now.getTime() + SESSION_ABSOLUTE_MS),
    createdAt: meta.now,
    updatedAt: meta.now,
  });
  return { token, session };
}

/** Live sessions: the caller's own, or (admins) one user's or everyone's. */
export async function listSessions(ctx: Ctx, query: SessionListQuery) {
  const { actor } = ctx;
  const userId = query.userId ?? actor.userId;
  // "all" is nobody's own id, so only an admin passes.
  authorize(actor, "session.list", { userId });
  return pageLiveSessions(ctx.database.db, actor.workspaceId, {
    userId: userId === "all" ? undefined : userId,
    now: ctx.now,
    limit: query.limit,
    sort: query.sort,
    cursor: query.cursor,
  });
}

/** Ends a session: one's own, or (admins) anyone's in the workspace. */
export async function endSession(ctx: Ctx, id: string) {
  const { actor, database, now } = ctx;
  const found = assertFound(await findSession(database.db, actor.workspaceId, id), "Session");
  authorize(actor, "session.revoke", { workspaceId: found.session.workspaceId, userId: found.session.userId });
  await database.db.transaction(async (tx) => {
    await revokeSession(tx, actor.workspaceId, id, now);
    await recordAudit(tx, originOf(ctx), {
      action: "session.revoked",
      entityType: "session",
      entityId: id,
      before: { userId: found.session.userId, revokedAt: found.session.revokedAt },
      after: { userId: found.session.userId, revokedAt: now },
    });
  });
}
