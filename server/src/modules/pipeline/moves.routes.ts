// A request's moves: stage transitions, waiting on the requester, the decision, the appeal, the alternative and the
// value review.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import {
  AppealBody,
  DecisionBody,
  PipelineRequest,
  ReviewBody,
  TransitionBody,
  VersionBody,
  WaitingBody,
} from "#contracts/pipeline";
import { ctxOf } from "../../plugins/request-context";
import { acceptAlternative, appealRequest, decideRequest } from "./decisions.service";
import { reviewRequest, setWaiting, transitionRequest } from "./moves.service";
import { withJudgement } from "./requests.routes";

const tags = ["pipeline"];

/** Moves of a request through its stages and decisions. */
export const requestMoveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/requests/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move a request to another stage",
        params: IdParams,
        body: TransitionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) =>
      withJudgement(ctxOf(request), await transitionRequest(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/requests/:id/waiting",
    {
      schema: {
        tags,
        summary: "Wait on the requester (the clocks pause), or resume",
        params: IdParams,
        body: WaitingBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => setWaiting(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/decision",
    {
      schema: {
        tags,
        summary: "Decide: approve, decline, defer or propose an alternative, with a reason",
        params: IdParams,
        body: DecisionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => decideRequest(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/appeal",
    {
      schema: {
        tags,
        summary: "Appeal a decline or an alternative, once",
        params: IdParams,
        body: AppealBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => appealRequest(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/accept-alternative",
    {
      schema: {
        tags,
        summary: "Accept the alternative offered",
        params: IdParams,
        body: VersionBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => acceptAlternative(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/review",
    {
      schema: {
        tags,
        summary: "Record the value review (realised benefit) and close",
        params: IdParams,
        body: ReviewBody,
        response: { 200: PipelineRequest },
      },
    },
    async (request) => reviewRequest(ctxOf(request), request.params.id, request.body),
  );
};
