import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EvaluatePolicyBody, PolicyEvaluationResponse, PolicyLimits } from "#contracts/policy";
import { ctxOf } from "../../plugins/request-context";
import { evaluatePolicyStateless } from "./policy-evaluate.service";

/** Stateless purchase-policy evaluation: the same decisions as `tandem policy evaluate`. */
export const policyEvaluateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/policies/evaluate",
    {
      bodyLimit: PolicyLimits.bodyBytes,
      schema: {
        tags: ["guardrails"],
        summary: "Decide purchase requests by a purchase policy (CEL rules); nothing is stored",
        body: EvaluatePolicyBody,
        response: { 200: PolicyEvaluationResponse },
      },
    },
    async (request) => evaluatePolicyStateless(ctxOf(request), request.body),
  );
};
