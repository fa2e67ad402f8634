import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthApi } from "#contracts/api/health";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { readAlignment } from "./alignment.service";
import { cadenceRoutes } from "./cadence.routes";
import { presentItem, presentSurvey } from "./health.presenter";
import { closePulse, createPulse, editPulse, getPulse, launchPulse, listPulses, respond } from "./health.service";
import { createItem, editItem, listBank } from "./items.service";
import { pulseResults } from "./results.service";

/** Health: the item bank, pulses, anonymous responses and their results, and the Alignment Index. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(cadenceRoutes);

  app.route({
    ...routeOf(healthApi.items),
    handler: async (request) => ({ items: (await listBank(ctxOf(request))).items.map(presentItem) }),
  });
  app.route({
    ...routeOf(healthApi.createItem),
    handler: async (request, reply) =>
      reply.status(201).send(presentItem(await createItem(ctxOf(request), request.body))),
  });
  app.route({
    ...routeOf(healthApi.updateItem),
    handler: async (request) => presentItem(await editItem(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(healthApi.surveys),
    handler: async (request) => {
      const page = await listPulses(ctxOf(request), request.query);
      return { items: page.items.map(presentSurvey), nextCursor: page.nextCursor };
    },
  });
  app.route({
    ...routeOf(healthApi.createSurvey),
    handler: async (request, reply) =>
      reply.status(201).send(presentSurvey(await createPulse(ctxOf(request), request.body))),
  });
  app.route({
    ...routeOf(healthApi.survey),
    handler: async (request) => presentSurvey(await getPulse(ctxOf(request), request.params.id)),
  });
  app.route({
    ...routeOf(healthApi.updateSurvey),
    handler: async (request) => presentSurvey(await editPulse(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(healthApi.launchSurvey),
    handler: async (request) =>
      presentSurvey(await launchPulse(ctxOf(request), request.params.id, request.body.version)),
  });
  app.route({
    ...routeOf(healthApi.closeSurvey),
    handler: async (request) =>
      presentSurvey(await closePulse(ctxOf(request), request.params.id, request.body.version)),
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
