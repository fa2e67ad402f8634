import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Ok } from "../../../../contracts/common";
import { CreateViewBody, SavedView, SavedViewList, ViewListQuery } from "../../../../contracts/views";
import { ctxOf } from "../../plugins/request-context";
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
    async (request) => listViews(ctxOf(request), request.query.page),
  );

  app.post(
    "/views",
    { schema: { tags: ["views"], summary: "Save a view", body: CreateViewBody, response: { 201: SavedView } } },
    async (request, reply) => reply.status(201).send(await createView(ctxOf(request), request.body)),
  );

  app.delete(
    "/views/:id",
    { schema: { tags: ["views"], summary: "Delete a saved view", params: IdParams, response: { 200: Ok } } },
    async (request) => deleteView(ctxOf(request), request.params.id),
  );
};
