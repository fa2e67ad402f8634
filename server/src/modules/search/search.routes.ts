import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { searchApi } from "#contracts/api/search";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { search } from "./search.service";

/** One search over the records of every module and the pages of the app. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(searchApi.search),
    handler: async (request) => search(ctxOf(request), request.query),
  });
};
