import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "#contracts/common";
import { SessionList, SessionListQuery } from "#contracts/people";
import { ctxOf } from "../../plugins/request-context";
import { presentSession } from "./sessions.presenter";
import { endSession, listSessions } from "./sessions.service";

/** Signed-in browser sessions: one's own, and everyone's for admins. */
export const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/sessions",
    {
      schema: {
        tags: ["people"],
        summary: "List live sessions (yours; admins: ?userId= or all)",
        querystring: SessionListQuery,
        response: { 200: SessionList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const page = await listSessions(ctx, request.query);
      return { items: page.items.map((row) => presentSession(row, ctx.actor.sessionId)), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    "/sessions/:id",
    { schema: { tags: ["people"], summary: "End a session", params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await endSession(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
