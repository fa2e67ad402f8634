import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthApi } from "#contracts/api/health";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { readAlignment } from "./alignment.service";
import { cadenceRoutes } from "./cadence.routes";
import {
  closePulse,
  createItem,
  createPulse,
  editItem,
  editPulse,
  getPulse,
  launchPulse,
  listBank,
  listPulses,
  pulseResults,
  respond,
} from "./health.service";

/** Health: the item bank, pulses, anonymous responses and their results, and the Alignment Index. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(cadenceRoutes);

  app.route({
    ...routeOf(healthApi.items),
    handler: async (request) => listBank(ctxOf(request)),
  });
  app.route({
    ...routeOf(healthApi.createItem),
    handler: async (request, reply) => reply.status(201).send(await createItem(ctxOf(request), request.body)),
  });
  app.route({
    ...routeOf(healthApi.updateItem),
    handler: async (request) => editItem(ctxOf(request), request.params.id, request.body),
  });
  app.route({
    ...routeOf(healthApi.surveys),
    handler: async (request) => listPulses(ctxOf(request), request.query),
  });
  app.route({
    ...routeOf(healthApi.createSurvey),
    handler: async (request, reply) => reply.status(201).send(await createPulse(ctxOf(request), request.body)),
  });
  app.route({
    ...routeOf(healthApi.survey),
    handler: async (request) => getPulse(ctxOf(request), request.params.id),
  });
  app.route({
    ...routeOf(healthApi.updateSurvey),
    handler: async (request) => editPulse(ctxOf(request), request.params.id, request.body),
  });
  app.route({
    ...routeOf(healthApi.launchSurvey),
    handler: async (request) => launchPulse(ctxOf(request), request.params.id, request.body.version),
  });
  app.route({
    ...routeOf(healthApi.closeSurvey),
    handler: async (request) => closePulse(ctxOf(request), request.params.id, request.body.version),
  });
  app.route({
    ...routeOf(healthApi.respond),
    handler: async (request, reply) =>
      reply.status(201).send(await respond(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(healthApi.results),
    handler: async (request) => pulseResults(ctxOf(request), request.params.id, request.query.team),
  });
  app.route({
    ...routeOf(healthApi.alignment),
    handler: async (request) => readAlignment(ctxOf(request), request.query),
  });
};
