import type { ApiToken } from "#contracts/people";
import type { apiTokens } from "../../db/schema";

/** A token row as the API shows it (never its secret or hash). */
export function presentApiToken(row: { token: typeof apiTokens.$inferSelect; userName: string }): ApiToken {
  const { token } = row;
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    prefix: token.prefix,
    user: { id: token.userId, name: row.userName },
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt.toISOString(),
    createdAt: token.createdAt.toISOString(),
  };
}
