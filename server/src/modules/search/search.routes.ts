import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SearchQuery, SearchResponse } from "#contracts/search";
import { ctxOf } from "../../plugins/request-context";
import { search } from "./search.service";

/** One search over the records of every module and the pages of the app. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/search",
    {
      schema: {
        tags: ["search"],
        summary:
          "Find requests (by number or title), tools, vendors, experiments, people, spend, KPIs, objectives and pages",
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (request) => search(ctxOf(request), request.query),
  );
};
