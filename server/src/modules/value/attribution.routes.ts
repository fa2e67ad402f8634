import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attributionApi } from "#contracts/api/value";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { cancelRun, createRun, getRun, getWhichHalf, listWorkspaceRuns } from "./attribution.service";
import { presentRun, presentRunSummary } from "./value.presenter";

/** Attribution runs and the which-half view. */
export const attributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(attributionApi.listRuns),
    handler: async (request) => {
      const page = await listWorkspaceRuns(ctxOf(request), request.query);
      return { items: page.items.map(presentRunSummary), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(attributionApi.createRun),
    handler: async (request, reply) => {
      // A run computed in the request stops when its client leaves before the answer.
      const left = new AbortController();
      reply.raw.once("close", () => {
        if (!reply.raw.writableFinished) left.abort();
      });
      const row = await createRun(ctxOf(request), request.body, left.signal);
      return reply.status(row.run.status === "queued" ? 202 : 201).send(presentRun(row));
    },
  });

  app.route({
    ...routeOf(attributionApi.cancelRun),
    handler: async (request) => presentRun(await cancelRun(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(attributionApi.getRun),
    handler: async (request) => presentRun(await getRun(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(attributionApi.whichHalf),
    handler: async (request) => getWhichHalf(ctxOf(request), request.params.id, request.query),
  });
};
