import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attributionApi } from "#contracts/api/value";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { cancelRun, createRun, getRun, getWhichHalf, listWorkspaceRuns } from "./attribution.service";

/** Attribution runs and the which-half view. */
export const attributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(attributionApi.listRuns),
    handler: async (request) => listWorkspaceRuns(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(attributionApi.createRun),
    handler: async (request, reply) => {
      // A run computed in the request stops when its client leaves before the answer.
      const left = new AbortController();
      reply.raw.once("close", () => {
        if (!reply.raw.writableFinished) left.abort();
      });
      const run = await createRun(ctxOf(request), request.body, left.signal);
      return reply.status(run.status === "queued" ? 202 : 201).send(run);
    },
  });

  app.route({
    ...routeOf(attributionApi.cancelRun),
    handler: async (request) => cancelRun(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(attributionApi.getRun),
    handler: async (request) => getRun(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(attributionApi.whichHalf),
    handler: async (request) => getWhichHalf(ctxOf(request), request.params.id, request.query),
  });
};
