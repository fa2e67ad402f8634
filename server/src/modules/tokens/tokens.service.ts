import type { ApiTokenListQuery, CreateApiTokenBody } from "#contracts/people";
import type { Ctx } from "../../context";
import { AppError, assertFound } from "../../errors";
import { generateSecret, hashSecret } from "../../lib/secrets";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findApiToken, insertApiToken, pageLiveApiTokens, revokeApiToken } from "./tokens.queries";

/** Every token starts with this, so secret scanners can recognise a leaked one. */
export const TOKEN_PREFIX = "tdm_";

/** Live API tokens: the caller's own, or (admins) one user's or everyone's. */
export async function listTokens(ctx: Ctx, query: ApiTokenListQuery) {
  const userId = query.userId ?? ctx.actor.userId;
  authorize(ctx.actor, "token.list", { userId });
  return pageLiveApiTokens(ctx.database.db, ctx.actor.workspaceId, {
    userId: userId === "all" ? undefined : userId,
    now: ctx.now,
    limit: query.limit,
    sort: query.sort,
    cursor: query.cursor,
  });
}

/** Creates a personal API token; its secret is returned this once and stored only hashed. */
export async function createToken(ctx: Ctx, input: CreateApiTokenBody) {
  const { actor, database, now } = ctx;
  authorize(actor, "token.create", { userId: actor.userId });
  if (input.scope === "read-write" && actor.role === "viewer") {
    throw new AppError("forbidden", "A viewer's token can only read", [
      { path: "scope", message: "must be read for a viewer" },
    ]);
  }
  const secret = generateSecret(TOKEN_PREFIX);
  return database.db.transaction(async (tx) => {
    const token = await insertApiToken(tx, {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 3600_000),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "token.created",
      entityType: "api_token",
      entityId: token.id,
      after: { name: token.name, scope: token.scope, expiresAt: token.expiresAt },
    });
    return { row: { token, userName: actor.name }, secret };
  });
}

/** Revokes a token: one's own, or (admins) anyone's in the workspace. */
export async function revokeToken(ctx: Ctx, id: string) {
  const { actor, database, now } = ctx;
  const found = assertFound(await findApiToken(database.db, actor.workspaceId, id), "API token");
  authorize(actor, "token.revoke", { workspaceId: found.token.workspaceId, userId: found.token.userId });
  await database.db.transaction(async (tx) => {
    await revokeApiToken(tx, actor.workspaceId, id, now);
    await recordAudit(tx, originOf(ctx), {
      action: "token.revoked",
      entityType: "api_token",
      entityId: id,
      before: { name: found.token.name, revokedAt: found.token.revokedAt },
      after: { name: found.token.name, revokedAt: now },
    });
  });
}
