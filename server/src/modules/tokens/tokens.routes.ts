import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tokensApi } from "#contracts/api/tokens";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentApiToken } from "./tokens.presenter";
import { createToken, listTokens, revokeToken } from "./tokens.service";

/** Personal API tokens for scripts (`Authorization: Bearer …`). */
export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(tokensApi.list),
    handler: async (request) => {
      const page = await listTokens(ctxOf(request), request.query);
      return { items: page.items.map(presentApiToken), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(tokensApi.create),
    handler: async (request, reply) => {
      const { row, secret } = await createToken(ctxOf(request), request.body);
      return reply.status(201).send({ ...presentApiToken(row), token: secret });
    },
  });

  app.route({
    ...routeOf(tokensApi.revoke),
    handler: async (request) => {
      await revokeToken(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  });
};
