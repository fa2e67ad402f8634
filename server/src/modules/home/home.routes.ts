import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { homeApi } from "#contracts/api/home";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { readHome } from "./home.service";

/** Home: one request for the page people open every morning. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(homeApi.summary),
    handler: async (request) => readHome(ctxOf(request)),
  });
};
