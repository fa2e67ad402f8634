import type { z } from "zod";
import type { CreatedApiToken } from "#contracts/people";

export type CreatedApiTokenData = z.infer<typeof CreatedApiToken>;

/** Whose tokens to list: the caller's own, or everyone's (admins). */
export type TokenScopeFilter = "mine" | "all";
