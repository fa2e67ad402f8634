// The Pipeline's requests: the backlog and board, intake and edits, one request and its timeline, ranking, the value
// report. A purchase submitted or edited is judged by the purchase policy before the answer goes back.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "#contracts/common";
import {
  CreateRequestBody,
  PipelineRequest,
  RankBody,
  RequestEventList,
  RequestList,
  RequestListQuery,
  RequestSummary,
  UpdateRequestBody,
  ValueReport,
  ValueReportQuery,
} from "#contracts/pipeline";
import type { Ctx } from "../../context";
import { ctxOf } from "../../plugins/request-context";
import { judgePurchaseRequest, rejudgePurchaseRequest } from "../guardrails/guardrails.commands";
import { createRequest, editRequest } from "./intake.service";
import { presentEvents, presentSummary } from "./pipeline.presenter";
import { rankRequest } from "./ranking.service";
import { getRequest, getRequestTimeline, listBoard, listWorkspaceRequests, valueReport } from "./request-view.service";

const tags = ["pipeline"];

/** Requests: lists, intake, edits, the timeline and the ranked backlog. */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/requests",
    {
      schema: {
        tags,
        summary: "Requests: the ranked backlog, filtered",
        querystring: RequestListQuery,
        response: { 200: RequestList },
      },
    },
    async (request) => {
      const page = await listWorkspaceRequests(ctxOf(request), request.query);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/requests/board",
    {
      schema: {
        tags,
        summary: "Every open request, for the board",
        response: { 200: z.object({ items: z.array(RequestSummary) }) },
      },
    },
    async (request) => ({ items: (await listBoard(ctxOf(request))).map(presentSummary) }),
  );

  app.post(
    "/requests",
    {
      schema: {
        tags,
        summary: "Submit a request (or save a draft)",
        body: CreateRequestBody,
        response: { 201: PipelineRequest },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withJudgement(ctxOf(request), await createRequest(ctxOf(request), request.body))),
  );

  app.get(
    "/requests/value-report",
    {
      schema: {
        tags,
        summary: "Expected against realised benefit of reviewed requests, per type and sponsor",
        querystring: ValueReportQuery,
        response: { 200: ValueReport },
      },
    },
    async (request) => valueReport(ctxOf(request), request.query),
  );

  app.get(
    "/requests/:id",
    { schema: { tags, summary: "One request", params: IdParams, response: { 200: PipelineRequest } } },
    async (request) => getRequest(ctxOf(request), request.params.id),
  );

  app.patch(
    "/requests/:id",
    {
      schema: {
        tags,
        summary: "Edit a request's intake, triage or planning",
        params: IdParams,
        body: UpdateRequestBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) =>
      withJudgementAgain(ctxOf(request), await editRequest(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    "/requests/:id/events",
    {
      schema: {
        tags,
        summary: "A request's timeline",
        params: IdParams,
        response: { 200: RequestEventList },
      },
    },
    async (request) => ({ items: presentEvents(await getRequestTimeline(ctxOf(request), request.params.id)) }),
  );

  app.post(
    "/requests/:id/rank",
    {
      schema: {
        tags,
        summary: "Move a request in the ranked backlog",
        params: IdParams,
        body: RankBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => rankRequest(ctxOf(request), request.params.id, request.body),
  );
};

/**
 * A purchase request just submitted is judged at once by the workspace's purchase policy (issue 15 item 6): the
 * answer comes back with the request, as it stands after the policy's decision or the reviews it opened.
 */
export async function withJudgement(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.stage !== "submitted" || view.purchase === null) return view;
  const judgement = await judgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...(await getRequest(ctx, view.id)), policyJudgement: judgement };
}

/** A purchase edited before its decision is judged again when what the policy reads of it changed (issue 15). */
async function withJudgementAgain(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.purchase === null || view.stage === "draft") return view;
  const judgement = await rejudgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...(await getRequest(ctx, view.id)), policyJudgement: judgement };
}
