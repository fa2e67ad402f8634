// The Pipeline's requests: the backlog and board, intake and edits, one request and its timeline, ranking, the value
// report. A purchase submitted or edited is judged by the purchase policy before the answer goes back.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pipelineApi } from "#contracts/api/pipeline";
import type { PipelineRequest } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { judgePurchaseRequest, rejudgePurchaseRequest } from "../guardrails/guardrails.commands";
import { createRequest, editRequest } from "./intake.service";
import { presentEvents, presentRequest, presentSummary } from "./pipeline.presenter";
import { rankRequest } from "./ranking.service";
import { getRequest, getRequestTimeline, listBoard, listWorkspaceRequests, valueReport } from "./request-view.service";

/** Requests: lists, intake, edits, the timeline and the ranked backlog. */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(pipelineApi.listRequests),
    handler: async (request) => {
      const page = await listWorkspaceRequests(ctxOf(request), request.query);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },
  });

  app.route({
    ...routeOf(pipelineApi.board),
    handler: async (request) => ({ items: (await listBoard(ctxOf(request))).map(presentSummary) }),
  });

  app.route({
    ...routeOf(pipelineApi.createRequest),
    handler: async (request, reply) => {
      // One context, so one time: the submission and the policy's decision at once carry the same instant.
      const ctx = ctxOf(request);
      return reply.status(201).send(await withJudgement(ctx, presentRequest(await createRequest(ctx, request.body))));
    },
  });

  app.route({
    ...routeOf(pipelineApi.valueReport),
    handler: async (request) => valueReport(ctxOf(request), request.query),
  });

  app.route({
    ...routeOf(pipelineApi.getRequest),
    handler: async (request) => presentRequest(await getRequest(ctxOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(pipelineApi.updateRequest),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return withJudgementAgain(ctx, presentRequest(await editRequest(ctx, request.params.id, request.body)));
    },
  });

  app.route({
    ...routeOf(pipelineApi.events),
    handler: async (request) => ({
      items: presentEvents(await getRequestTimeline(ctxOf(request), request.params.id)),
    }),
  });

  app.route({
    ...routeOf(pipelineApi.rank),
    handler: async (request) => presentRequest(await rankRequest(ctxOf(request), request.params.id, request.body)),
  });
};

/**
 * A purchase request just submitted is judged at once by the workspace's purchase policy (issue 15 item 6): the
 * answer comes back with the request, as it stands after the policy's decision or the reviews it opened.
 */
export async function withJudgement(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.stage !== "submitted" || view.purchase === null) return view;
  const judgement = await judgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...presentRequest(await getRequest(ctx, view.id)), policyJudgement: judgement };
}

/** A purchase edited before its decision is judged again when what the policy reads of it changed (issue 15). */
async function withJudgementAgain(ctx: Ctx, view: PipelineRequest): Promise<PipelineRequest> {
  if (view.type !== "purchase" || view.purchase === null || view.stage === "draft") return view;
  const judgement = await rejudgePurchaseRequest(ctx, view.id);
  if (!judgement) return view;
  return { ...presentRequest(await getRequest(ctx, view.id)), policyJudgement: judgement };
}
