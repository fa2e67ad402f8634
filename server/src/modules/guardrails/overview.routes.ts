import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CheckPolicyBody,
  GuardrailMeasures,
  GuardrailMeasuresQuery,
  PolicyCheckResult,
  RecentPurchaseList,
  RecentPurchasesQuery,
} from "#contracts/guardrails";
import { PolicyLimits } from "#contracts/policy";
import { ctxOf } from "../../plugins/request-context";
import { checkPolicyDraft, listRecentPurchaseAnswers, readGuardrailMeasures } from "./overview.service";

const tags = ["guardrails"];

/** The Guardrails pages' reads: the draft check as one types, the measures, the recent purchases. */
export const guardrailsOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/policies/check",
    {
      bodyLimit: PolicyLimits.bodyBytes,
      schema: {
        tags,
        summary: "Check draft rules as written: syntax and type errors at their rule and column; nothing is stored",
        body: CheckPolicyBody,
        response: { 200: PolicyCheckResult },
      },
    },
    async (request) => checkPolicyDraft(ctxOf(request), request.body),
  );
  app.get(
    "/guardrails/measures",
    {
      schema: {
        tags,
        summary: "Purchases decided at once, median time to decision, spend through Tandem vs found in expenses",
        querystring: GuardrailMeasuresQuery,
        response: { 200: GuardrailMeasures },
      },
    },
    async (request) => readGuardrailMeasures(ctxOf(request), request.query),
  );
  app.get(
    "/guardrails/recent-purchases",
    {
      schema: {
        tags,
        summary: "The latest purchase requests with the policy's answer on each",
        querystring: RecentPurchasesQuery,
        response: { 200: RecentPurchaseList },
      },
    },
    async (request) => listRecentPurchaseAnswers(ctxOf(request), request.query.limit),
  );
};
