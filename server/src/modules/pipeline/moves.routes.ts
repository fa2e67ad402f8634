// A request's moves: stage transitions, waiting on the requester, the decision, the appeal, the alternative and the
// value review.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pipelineMovesApi } from "#contracts/api/pipeline";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { acceptAlternative, appealRequest, decideRequest } from "./decisions.service";
import { reviewRequest, setWaiting, transitionRequest } from "./moves.service";
import { presentRequest } from "./pipeline.presenter";
import { withJudgement } from "./requests.routes";

/** Moves of a request through its stages and decisions. */
export const requestMoveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(pipelineMovesApi.transition),
    handler: async (request) => {
      const ctx = ctxOf(request);
      return withJudgement(ctx, presentRequest(await transitionRequest(ctx, request.params.id, request.body)));
    },
  });

  app.route({
    ...routeOf(pipelineMovesApi.waiting),
    handler: async (request) => presentRequest(await setWaiting(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(pipelineMovesApi.decide),
    handler: async (request) => presentRequest(await decideRequest(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(pipelineMovesApi.appeal),
    handler: async (request) => presentRequest(await appealRequest(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(pipelineMovesApi.acceptAlternative),
    handler: async (request) =>
      presentRequest(await acceptAlternative(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(pipelineMovesApi.review),
    handler: async (request) => presentRequest(await reviewRequest(ctxOf(request), request.params.id, request.body)),
  });
};
