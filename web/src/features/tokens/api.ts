import type { z } from "zod";
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from "#contracts/people";
import { api } from "../../lib/api";

export type CreatedApiTokenData = z.infer<typeof CreatedApiToken>;

/** Whose tokens to list: the caller's own, or everyone's (admins). */
export type TokenScopeFilter = "mine" | "all";

/** A page of live API tokens. */
export function listTokens(scope: TokenScopeFilter, cursor?: string) {
  return api<{ items: ApiToken[]; nextCursor: string | null }>("/tokens", {
    query: { userId: scope === "all" ? "all" : undefined, cursor, limit: 50 },
  });
}

/** Creates a token; the answer is the only time its secret is shown. */
export function createToken(body: CreateApiTokenBody) {
  return api<CreatedApiTokenData>("/tokens", { method: "POST", body });
}

/** Revokes a token at once. */
export function revokeToken(id: string) {
  return api<{ ok: true }>(`/tokens/${id}`, { method: "DELETE" });
}
