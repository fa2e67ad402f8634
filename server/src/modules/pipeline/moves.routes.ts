// A request's moves: stage transitions, waiting on the requester, the decision, the appeal, the alternative and the
// value review.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pipelineMovesApi } from "#contracts/api/pipeline";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { acceptAlternative, appealRequest, decideRequest } from "./decisions.service";
import { reviewRequest, setWaiting, transitionRequest } from "./moves.service";
import { withJudgement } from "./requests.routes";

/** Moves of a request through its stages and decisions. */
export const requestMoveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(pipelineMovesApi.transition),
    handler: async (request) =>
      withJudgement(ctxOf(request), await transitionRequest(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(pipelineMovesApi.waiting),
    handler: async (request) => setWaiting(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(pipelineMovesApi.decide),
    handler: async (request) => decideRequest(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(pipelineMovesApi.appeal),
    handler: async (request) => appealRequest(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(pipelineMovesApi.acceptAlternative),
    handler: async (request) => acceptAlternative(ctxOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(pipelineMovesApi.review),
    handler: async (request) => reviewRequest(ctxOf(request), request.params.id, request.body),
  });
};
