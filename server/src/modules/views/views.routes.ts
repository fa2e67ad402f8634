import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { viewsApi } from "#contracts/api/views";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentView } from "./views.presenter";
import { createView, deleteView, listViews } from "./views.service";

/** Saved views of list pages. */
export const viewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(viewsApi.list),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const rows = await listViews(ctx, request.query.page);
      return { items: rows.map((row) => presentView(row, ctx.actor.userId)) };
    },
  });

  app.route({
    ...routeOf(viewsApi.create),
    handler: async (request, reply) => {
      const row = await createView(ctxOf(request), request.body);
      return reply.status(201).send(presentView(row, row.owner.id));
    },
  });

  app.route({
    ...routeOf(viewsApi.remove),
    handler: async (request) => deleteView(ctxOf(request), request.params.id),
  });
};
