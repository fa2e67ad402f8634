import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { statsApi } from "#contracts/api/experiments";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { analyzeStats, planSampleSize } from "./stats.service";

/** Stateless experiment statistics. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(statsApi.analyze),
    handler: async (request) => analyzeStats(ctxOf(request), request.body),
  });

  app.route({
    ...routeOf(statsApi.sampleSize),
    handler: async (request) => planSampleSize(ctxOf(request), request.body),
  });
};
