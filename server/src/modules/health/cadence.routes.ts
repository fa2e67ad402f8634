import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthApi } from "#contracts/api/health";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { readCadence, saveCadence } from "./cadence.service";

/** Health's pulse cadence: when pulses launch on their own, and how long the rotation takes to ask the whole bank. */
export const cadenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(healthApi.cadence),
    handler: async (request) => readCadence(ctxOf(request)),
  });
  app.route({
    ...routeOf(healthApi.saveCadence),
    handler: async (request) => saveCadence(ctxOf(request), request.body),
  });
};
