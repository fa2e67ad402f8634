import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AttributionRun,
  AttributionRunList,
  CreateRunBody,
  RunListQuery,
  WhichHalf,
  WhichHalfQuery,
} from "#contracts/value";
import { ctxOf } from "../../plugins/request-context";
import { cancelRun, createRun, getRun, getWhichHalf, listWorkspaceRuns } from "./attribution.service";

/** Attribution runs and the which-half view. */
export const attributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/attribution/runs",
    {
      schema: {
        tags: ["value"],
        summary: "Attribution runs",
        querystring: RunListQuery,
        response: { 200: AttributionRunList },
      },
    },
    async (request) => listWorkspaceRuns(ctxOf(request), request.query),
  );

  app.post(
    "/attribution/runs",
    {
      schema: {
        tags: ["value"],
        summary: "Run attribution over a period with chosen models",
        body: CreateRunBody,
        response: { 201: AttributionRun, 202: AttributionRun },
      },
    },
    async (request, reply) => {
      // A run computed in the request stops when its client leaves before the answer.
      const left = new AbortController();
      reply.raw.once("close", () => {
        if (!reply.raw.writableFinished) left.abort();
      });
      const run = await createRun(ctxOf(request), request.body, left.signal);
      return reply.status(run.status === "queued" ? 202 : 201).send(run);
    },
  );

  app.post(
    "/attribution/runs/:id/cancel",
    {
      schema: {
        tags: ["value"],
        summary: "Cancel a queued or running run (its author or an admin)",
        params: IdParams,
        response: { 200: AttributionRun },
      },
    },
    async (request) => cancelRun(ctxOf(request), request.params.id),
  );

  app.get(
    "/attribution/runs/:id",
    {
      schema: {
        tags: ["value"],
        summary: "One run with its results",
        params: IdParams,
        response: { 200: AttributionRun },
      },
    },
    async (request) => getRun(ctxOf(request), request.params.id),
  );

  app.get(
    "/attribution/runs/:id/which-half",
    {
      schema: {
        tags: ["value"],
        summary: "Which half of the spend works",
        params: IdParams,
        querystring: WhichHalfQuery,
        response: { 200: WhichHalf },
      },
    },
    async (request) => getWhichHalf(ctxOf(request), request.params.id, request.query),
  );
};
