import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { guardrailsApi, policiesApi } from "#contracts/api/guardrails";
import { PolicyLimits } from "#contracts/policy";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { checkPolicyDraft, listRecentPurchaseAnswers, readGuardrailMeasures } from "./overview.service";

/** The Guardrails pages' reads: the draft check as one types, the measures, the recent purchases. */
export const guardrailsOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(policiesApi.check),
    bodyLimit: PolicyLimits.bodyBytes,
    handler: async (request) => checkPolicyDraft(ctxOf(request), request.body),
  });
  app.route({
    ...routeOf(guardrailsApi.measures),
    handler: async (request) => readGuardrailMeasures(ctxOf(request), request.query),
  });
  app.route({
    ...routeOf(guardrailsApi.recentPurchases),
    handler: async (request) => listRecentPurchaseAnswers(ctxOf(request), request.query.limit),
  });
};
