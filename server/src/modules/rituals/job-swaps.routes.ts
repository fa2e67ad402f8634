import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { jobSwapsApi } from "#contracts/api/rituals-job-swaps";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import {
  createJobSwap,
  editJobSwap,
  getJobSwap,
  listWorkspaceJobSwaps,
  writeJobSwapReflection,
} from "./job-swaps.service";

/** Job swaps and shadowing: the programme's pairs, their periods, goals and reflections. */
export const jobSwapsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(jobSwapsApi.list),
    handler: async (request) => listWorkspaceJobSwaps(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(jobSwapsApi.create),
    handler: async (request, reply) => reply.status(201).send(await createJobSwap(ctxOf(request), request.body)),
  });

  app.route({
    ...routeOf(jobSwapsApi.get),
    handler: async (request) => getJobSwap(ctxOf(request), request.params.id),
  });

  app.route({
    ...routeOf(jobSwapsApi.update),
    handler: async (request) => editJobSwap(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(jobSwapsApi.writeReflection),
    handler: async (request) => writeJobSwapReflection(ctxOf(request), request.params.id, request.body),
  });
};
