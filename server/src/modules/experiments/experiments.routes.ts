import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { experimentsApi } from "#contracts/api/experiments";
import { ExperimentLimits } from "#contracts/experiments";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentExperiment, presentResults, presentSnapshot } from "./experiments.presenter";
import {
  createExperiment,
  decideExperiment,
  editExperiment,
  getExperimentDetail,
  listWorkspaceExperiments,
  listWorkspaceLearnings,
  transitionExperiment,
} from "./experiments.service";
import { addSnapshotFromBody, getExperimentResults, importSnapshot, listExperimentSnapshots } from "./results.service";

/** Experiments: hypotheses, their design, result snapshots, analysis, decisions and the learning library. */
export const experimentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(experimentsApi.list),
    handler: async (request) => {
      const page = await listWorkspaceExperiments(ctxOf(request), request.query);
      return { items: page.items.map(presentExperiment), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(experimentsApi.learnings),
    handler: async (request) => {
      const page = await listWorkspaceLearnings(ctxOf(request), request.query);
      return { items: page.items.map(presentExperiment), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(experimentsApi.create),
    handler: async (request, reply) =>
      reply.status(201).send(presentExperiment(await createExperiment(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(experimentsApi.get),
    handler: async (request) => {
      const { row, followUps } = await getExperimentDetail(ctxOf(request), request.params.id);
      return { ...presentExperiment(row), followUps };
    },
  });

  app.route({
    ...routeOf(experimentsApi.update),
    handler: async (request) =>
      presentExperiment(await editExperiment(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(experimentsApi.transition),
    handler: async (request) =>
      presentExperiment(await transitionExperiment(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(experimentsApi.decide),
    handler: async (request) =>
      presentExperiment(await decideExperiment(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(experimentsApi.results),
    handler: async (request) => presentResults(await getExperimentResults(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(experimentsApi.addSnapshot),
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentResults(await addSnapshotFromBody(ctxOf(request), request.params.id, request.body))),
  });

  app.route({
    ...routeOf(experimentsApi.importSnapshot),
    config: { csvUpload: { maxBytes: ExperimentLimits.csvMax, booleans: ["dryRun"] } },
    handler: async (request) => {
      const imported = await importSnapshot(ctxOf(request), request.params.id, request.body);
      return { ...imported, results: presentResults(imported.results) };
    },
  });

  app.route({
    ...routeOf(experimentsApi.snapshots),
    handler: async (request) => ({
      items: (await listExperimentSnapshots(ctxOf(request), request.params.id)).map(presentSnapshot),
    }),
  });
};
