import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "#contracts/common";
import { CreateViewBody, SavedView, SavedViewList, ViewListQuery } from "#contracts/views";
import { ctxOf } from "../../plugins/request-context";
import { presentView } from "./views.presenter";
import { createView, deleteView, listViews } from "./views.service";

/** Saved views of list pages. */
export const viewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/views",
    {
      schema: {
        tags: ["views"],
        summary: "My saved views of a page, and those shared with the workspace",
        querystring: ViewListQuery,
        response: { 200: SavedViewList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const rows = await listViews(ctx, request.query.page);
      return { items: rows.map((row) => presentView(row, ctx.actor.userId)) };
    },
  );

  app.post(
    "/views",
    { schema: { tags: ["views"], summary: "Save a view", body: CreateViewBody, response: { 201: SavedView } } },
    async (request, reply) => {
      const row = await createView(ctxOf(request), request.body);
      return reply.status(201).send(presentView(row, row.owner.id));
    },
  );

  app.delete(
    "/views/:id",
    { schema: { tags: ["views"], summary: "Delete a saved view", params: IdParams, response: { 200: Ok } } },
    async (request) => deleteView(ctxOf(request), request.params.id),
  );
};
