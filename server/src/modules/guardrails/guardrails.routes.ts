import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { guardrailsApi, policiesApi, reviewsApi } from "#contracts/api/guardrails";
import { PolicyLimits } from "#contracts/policy";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentJudgement } from "./judge.presenter";
import { listJudgements } from "./judge.service";
import { presentPolicy, presentPolicySummary } from "./policies.presenter";
import {
  activatePolicy,
  addTest,
  createPolicy,
  getPolicy,
  listTests,
  listWorkspacePolicies,
  removeTest,
  savePolicy,
} from "./policies.service";
import { presentReview } from "./reviews.presenter";
import {
  decideReview,
  editReviewTemplate,
  getReview,
  listReviewTemplates,
  listWorkspaceReviews,
} from "./reviews.service";
import { editGuardrailSettings, getGuardrailSettings, simulatePolicy } from "./simulate.service";

const bodyLimit = PolicyLimits.bodyBytes;

/** Stored purchase policies (versions, tests, simulation), the judgements of requests, reviews and settings. */
export const guardrailsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(policiesApi.list),
    handler: async (request) => ({
      items: (await listWorkspacePolicies(ctxOf(request))).items.map(presentPolicySummary),
    }),
  });
  app.route({
    ...routeOf(policiesApi.create),
    bodyLimit,
    handler: async (request, reply) =>
      reply.status(201).send(presentPolicy(await createPolicy(ctxOf(request), request.body))),
  });
  app.route({
    ...routeOf(policiesApi.get),
    handler: async (request) => presentPolicy(await getPolicy(ctxOf(request), request.params.id)),
  });
  app.route({
    ...routeOf(policiesApi.save),
    bodyLimit,
    handler: async (request) => presentPolicy(await savePolicy(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(policiesApi.activate),
    handler: async (request) => presentPolicy(await activatePolicy(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(policiesApi.tests),
    handler: async (request) => listTests(ctxOf(request), request.params.id),
  });
  app.route({
    ...routeOf(policiesApi.addTest),
    bodyLimit,
    handler: async (request, reply) =>
      reply.status(201).send(await addTest(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(policiesApi.removeTest),
    handler: async (request, reply) => {
      await removeTest(ctxOf(request), request.params.id, request.params.testId);
      return reply.status(204).send();
    },
  });
  app.route({
    ...routeOf(policiesApi.simulate),
    bodyLimit,
    handler: async (request) => simulatePolicy(ctxOf(request), request.params.id, request.body),
  });
  app.route({
    ...routeOf(guardrailsApi.judgements),
    handler: async (request) => ({
      items: (await listJudgements(ctxOf(request), request.params.id)).items.map(presentJudgement),
    }),
  });
  app.route({
    ...routeOf(guardrailsApi.settings),
    handler: async (request) => getGuardrailSettings(ctxOf(request)),
  });
  app.route({
    ...routeOf(guardrailsApi.saveSettings),
    handler: async (request) => editGuardrailSettings(ctxOf(request), request.body),
  });
  app.route({
    ...routeOf(reviewsApi.list),
    handler: async (request) => ({
      items: (await listWorkspaceReviews(ctxOf(request), request.query)).items.map(presentReview),
    }),
  });
  app.route({
    ...routeOf(reviewsApi.get),
    handler: async (request) => presentReview(await getReview(ctxOf(request), request.params.id)),
  });
  app.route({
    ...routeOf(reviewsApi.decide),
    handler: async (request) => presentReview(await decideReview(ctxOf(request), request.params.id, request.body)),
  });
  app.route({
    ...routeOf(reviewsApi.templates),
    handler: async (request) => listReviewTemplates(ctxOf(request)),
  });
  app.route({
    ...routeOf(reviewsApi.saveTemplate),
    handler: async (request) => editReviewTemplate(ctxOf(request), request.params.kind, request.body),
  });
};
