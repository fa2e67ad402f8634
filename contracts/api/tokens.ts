import { IdParams, Ok } from "../common";
import { ApiTokenList, ApiTokenListQuery, CreateApiTokenBody, CreatedApiToken } from "../people";
import { defineRoute } from "../route";

const tags = ["people"];

/** Personal API tokens for scripts (`Authorization: Bearer …`). */
export const tokensApi = {
  list: defineRoute({
    method: "GET",
    path: "/tokens",
    tags,
    summary: "List live API tokens (yours; admins: ?userId= or all)",
    query: ApiTokenListQuery,
    response: { 200: ApiTokenList },
  }),
  create: defineRoute({
    method: "POST",
    path: "/tokens",
    tags,
    summary: "Create an API token; its secret is shown once",
    body: CreateApiTokenBody,
    response: { 201: CreatedApiToken },
  }),
  revoke: defineRoute({
    method: "DELETE",
    path: "/tokens/:id",
    tags,
    summary: "Revoke an API token",
    params: IdParams,
    response: { 200: Ok },
  }),
};
