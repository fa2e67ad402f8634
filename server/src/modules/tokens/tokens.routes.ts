import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "#contracts/common";
import { ApiTokenList, ApiTokenListQuery, CreateApiTokenBody, CreatedApiToken } from "#contracts/people";
import { ctxOf } from "../../plugins/request-context";
import { presentApiToken } from "./tokens.presenter";
import { createToken, listTokens, revokeToken } from "./tokens.service";

/** Personal API tokens for scripts (`Authorization: Bearer …`). */
export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tokens",
    {
      schema: {
        tags: ["people"],
        summary: "List live API tokens (yours; admins: ?userId= or all)",
        querystring: ApiTokenListQuery,
        response: { 200: ApiTokenList },
      },
    },
    async (request) => {
      const page = await listTokens(ctxOf(request), request.query);
      return { items: page.items.map(presentApiToken), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags: ["people"],
        summary: "Create an API token; its secret is shown once",
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      const { row, secret } = await createToken(ctxOf(request), request.body);
      return reply.status(201).send({ ...presentApiToken(row), token: secret });
    },
  );

  app.delete(
    "/tokens/:id",
    { schema: { tags: ["people"], summary: "Revoke an API token", params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await revokeToken(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
