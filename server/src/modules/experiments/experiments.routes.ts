import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AddSnapshotBody,
  CreateExperimentBody,
  DecideExperimentBody,
  Experiment,
  ExperimentDetail,
  ExperimentLimits,
  ExperimentList,
  ExperimentListQuery,
  ExperimentResults,
  ImportResult,
  ImportSnapshotBody,
  LearningList,
  LearningListQuery,
  SnapshotList,
  TransitionExperimentBody,
  UpdateExperimentBody,
} from "#contracts/experiments";
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

const tags = ["experiments"];

/** Experiments: hypotheses, their design, result snapshots, analysis, decisions and the learning library. */
export const experimentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/experiments",
    {
      schema: {
        tags,
        summary: "Experiments: search, filter, sort",
        querystring: ExperimentListQuery,
        response: { 200: ExperimentList },
      },
    },
    async (request) => {
      const page = await listWorkspaceExperiments(ctxOf(request), request.query);
      return { items: page.items.map(presentExperiment), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/experiments/learnings",
    {
      schema: {
        tags,
        summary: "The learning library: decided experiments and what they taught",
        querystring: LearningListQuery,
        response: { 200: LearningList },
      },
    },
    async (request) => {
      const page = await listWorkspaceLearnings(ctxOf(request), request.query);
      return { items: page.items.map(presentExperiment), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/experiments",
    {
      schema: {
        tags,
        summary: "Write down a hypothesis and its design (a draft)",
        body: CreateExperimentBody,
        response: { 201: Experiment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentExperiment(await createExperiment(ctxOf(request), request.body))),
  );

  app.get(
    "/experiments/:id",
    { schema: { tags, summary: "One experiment", params: IdParams, response: { 200: ExperimentDetail } } },
    async (request) => {
      const { row, followUps } = await getExperimentDetail(ctxOf(request), request.params.id);
      return { ...presentExperiment(row), followUps };
    },
  );

  app.patch(
    "/experiments/:id",
    {
      schema: {
        tags,
        summary: "Edit an experiment (the design only while a draft)",
        params: IdParams,
        body: UpdateExperimentBody,
        response: { 200: Experiment },
      },
    },
    async (request) => presentExperiment(await editExperiment(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/experiments/:id/status",
    {
      schema: {
        tags,
        summary: "Start, stop or resume an experiment",
        params: IdParams,
        body: TransitionExperimentBody,
        response: { 200: Experiment },
      },
    },
    async (request) => presentExperiment(await transitionExperiment(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/experiments/:id/decision",
    {
      schema: {
        tags,
        summary: "Decide an experiment: ship, roll back or iterate, with the reason",
        params: IdParams,
        body: DecideExperimentBody,
        response: { 200: Experiment },
      },
    },
    async (request) => presentExperiment(await decideExperiment(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/experiments/:id/results",
    {
      schema: {
        tags,
        summary: "The latest results, analysed: effects, intervals, SRM, warnings and a reading in words",
        params: IdParams,
        response: { 200: ExperimentResults },
      },
    },
    async (request) => presentResults(await getExperimentResults(ctxOf(request), request.params.id)),
  );

  app.post(
    "/experiments/:id/results",
    {
      schema: {
        tags,
        summary: "Add a result snapshot (per-variant aggregates as the engine takes them)",
        params: IdParams,
        body: AddSnapshotBody,
        response: { 201: ExperimentResults },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentResults(await addSnapshotFromBody(ctxOf(request), request.params.id, request.body))),
  );

  app.post(
    "/experiments/:id/results/import",
    {
      config: { csvUpload: { maxBytes: ExperimentLimits.csvMax, booleans: ["dryRun"] } },
      schema: {
        tags,
        summary: "Import a result snapshot from CSV (aggregates or per-unit rows); dryRun previews",
        params: IdParams,
        body: ImportSnapshotBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const imported = await importSnapshot(ctxOf(request), request.params.id, request.body);
      return { ...imported, results: presentResults(imported.results) };
    },
  );

  app.get(
    "/experiments/:id/snapshots",
    {
      schema: {
        tags,
        summary: "Every result snapshot, newest first, with who entered it",
        params: IdParams,
        response: { 200: SnapshotList },
      },
    },
    async (request) => ({
      items: (await listExperimentSnapshots(ctxOf(request), request.params.id)).map(presentSnapshot),
    }),
  );
};
