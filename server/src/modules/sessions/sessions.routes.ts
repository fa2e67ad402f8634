import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sessionsApi } from "#contracts/api/sessions";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentSession } from "./sessions.presenter";
import { endSession, listSessions } from "./sessions.service";

/** Signed-in browser sessions: one's own, and everyone's for admins. */
export const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(sessionsApi.list),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listSessions(ctx, request.query);
      return { items: page.items.map((row) => presentSession(row, ctx.actor.sessionId)), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(sessionsApi.end),
    handler: async (request) => {
      await endSession(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  });
};
