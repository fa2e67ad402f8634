import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  CreateJobSwapBody,
  JobSwap,
  JobSwapListQuery,
  JobSwapPage,
  UpdateJobSwapBody,
  WriteJobSwapReflectionBody,
} from "#contracts/job-swaps";
import { ctxOf } from "../../plugins/request-context";
import {
  createJobSwap,
  editJobSwap,
  getJobSwap,
  listWorkspaceJobSwaps,
  writeJobSwapReflection,
} from "./job-swaps.service";

const tags = ["rituals"];

/** Job swaps and shadowing: the programme's pairs, their periods, goals and reflections. */
export const jobSwapsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/job-swaps",
    {
      schema: {
        tags,
        summary: "Job swaps past, current or planned",
        querystring: JobSwapListQuery,
        response: { 200: JobSwapPage },
      },
    },
    async (request) => listWorkspaceJobSwaps(ctxOf(request), request.query),
  );

  app.post(
    "/job-swaps",
    {
      schema: {
        tags,
        summary: "Pair a marketing person with an IT person for a period with goals",
        body: CreateJobSwapBody,
        response: { 201: JobSwap },
      },
    },
    async (request, reply) => reply.status(201).send(await createJobSwap(ctxOf(request), request.body)),
  );

  app.get(
    "/job-swaps/:id",
    { schema: { tags, summary: "One job swap", params: IdParams, response: { 200: JobSwap } } },
    async (request) => getJobSwap(ctxOf(request), request.params.id),
  );

  app.patch(
    "/job-swaps/:id",
    {
      schema: {
        tags,
        summary: "Edit a job swap's kind, period or goals",
        params: IdParams,
        body: UpdateJobSwapBody,
        response: { 200: JobSwap },
      },
    },
    async (request) => editJobSwap(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    "/job-swaps/:id/reflection",
    {
      schema: {
        tags,
        summary: "Write my reflection on a job swap I took part in (once its period ended)",
        params: IdParams,
        body: WriteJobSwapReflectionBody,
        response: { 200: JobSwap },
      },
    },
    async (request) => writeJobSwapReflection(ctxOf(request), request.params.id, request.body),
  );
};
