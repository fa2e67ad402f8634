import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { jobSwapsApi } from "#contracts/api/rituals-job-swaps";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentJobSwap } from "./job-swaps.presenter";
import {
  createJobSwap,
  editJobSwap,
  getJobSwap,
  listWorkspaceJobSwaps,
  todayOf,
  writeJobSwapReflection,
} from "./job-swaps.service";

/** Job swaps and shadowing: the programme's pairs, their periods, goals and reflections. */
export const jobSwapsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(jobSwapsApi.list),
    handler: async (request) => {
      const ctx = ctxOf(request);
      const page = await listWorkspaceJobSwaps(ctx, request.query);
      return { items: page.items.map((row) => presentJobSwap(row, todayOf(ctx))), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(jobSwapsApi.create),
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(presentJobSwap(await createJobSwap(ctx, request.body), todayOf(ctx)));
    },
  });

  app.route({
    ...routeOf(jobSwapsApi.get),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentJobSwap(await getJobSwap(ctx, request.params.id), todayOf(ctx));
    },
  });

  app.route({
    ...routeOf(jobSwapsApi.update),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentJobSwap(await editJobSwap(ctx, request.params.id, request.body), todayOf(ctx));
    },
  });

  app.route({
    ...routeOf(jobSwapsApi.writeReflection),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return presentJobSwap(await writeJobSwapReflection(ctx, request.params.id, request.body), todayOf(ctx));
    },
  });
};
