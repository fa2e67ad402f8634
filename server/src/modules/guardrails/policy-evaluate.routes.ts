import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { policiesApi } from "#contracts/api/guardrails";
import { PolicyLimits } from "#contracts/policy";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { evaluatePolicyStateless } from "./policy-evaluate.service";

/** Stateless purchase-policy evaluation: the same decisions as `tandem policy evaluate`. */
export const policyEvaluateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(policiesApi.evaluate),
    bodyLimit: PolicyLimits.bodyBytes,
    handler: async (request) => evaluatePolicyStateless(ctxOf(request), request.body),
  });
};
