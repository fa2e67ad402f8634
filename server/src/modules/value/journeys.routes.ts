import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { journeysApi } from "#contracts/api/value";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { answerImport, importOptions } from "./import-response";
import { describeJourneyData, importJourneys, importOutcomes, pushOutcomes, pushTouchpoints } from "./journeys.service";

/** Outcomes (conversions) and journeys (touchpoints or paths): CSV imports and API pushes. */
export const journeysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(journeysApi.importOutcomes),
    ...importOptions,
    handler: async (request, reply) =>
      answerImport(request, reply, "journey.write", (onProgress) =>
        importOutcomes(ctxOf(request), request.body, onProgress),
      ),
  });

  app.route({
    ...routeOf(journeysApi.pushOutcomes),
    bodyLimit: 8 * 1024 * 1024,
    handler: async (request, reply) => reply.status(201).send(await pushOutcomes(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(journeysApi.importJourneys),
    ...importOptions,
    handler: async (request, reply) =>
      answerImport(request, reply, "journey.write", (onProgress) =>
        importJourneys(ctxOf(request), request.body, onProgress),
      ),
  });

  app.route({
    ...routeOf(journeysApi.pushTouchpoints),
    bodyLimit: 8 * 1024 * 1024,
    handler: async (request, reply) => reply.status(201).send(await pushTouchpoints(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(journeysApi.summary),
    handler: async (request) => describeJourneyData(ctxOf(request)),
  });
};
