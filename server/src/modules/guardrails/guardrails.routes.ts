import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "#contracts/common";
import {
  ActivatePolicyBody,
  CreatePolicyBody,
  CreatePolicyTestBody,
  DecideReviewBody,
  GuardrailSettings,
  PolicySimulation,
  PolicyTest,
  PolicyTestList,
  PurchaseJudgementList,
  PurchaseReview,
  PurchaseReviewList,
  ReviewListQuery,
  ReviewTemplate,
  ReviewTemplateList,
  SavePolicyBody,
  SimulatePolicyBody,
  StoredPolicy,
  StoredPolicyList,
  UpdateGuardrailSettingsBody,
  UpdateReviewTemplateBody,
} from "#contracts/guardrails";
import { PolicyLimits, ReviewerKind } from "#contracts/policy";
import { ctxOf } from "../../plugins/request-context";
import { listJudgements } from "./judge.service";
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
import {
  decideReview,
  editReviewTemplate,
  getReview,
  listReviewTemplates,
  listWorkspaceReviews,
} from "./reviews.service";
import { editGuardrailSettings, getGuardrailSettings, simulatePolicy } from "./simulate.service";

const tags = ["guardrails"];
const TestParams = z.object({ id: z.uuid(), testId: z.uuid() });
const KindParams = z.object({ kind: ReviewerKind });
const body = { bodyLimit: PolicyLimits.bodyBytes };

/** Stored purchase policies (versions, tests, simulation), the judgements of requests, reviews and settings. */
export const guardrailsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/policies",
    { schema: { tags, summary: "The workspace's purchase policies", response: { 200: StoredPolicyList } } },
    async (request) => listWorkspacePolicies(ctxOf(request)),
  );
  app.post(
    "/policies",
    {
      ...body,
      schema: { tags, summary: "Create a policy (admins)", body: CreatePolicyBody, response: { 201: StoredPolicy } },
    },
    async (request, reply) => reply.status(201).send(await createPolicy(ctxOf(request), request.body)),
  );
  app.get(
    "/policies/:id",
    {
      schema: { tags, summary: "A policy, its rules and versions", params: IdParams, response: { 200: StoredPolicy } },
    },
    async (request) => getPolicy(ctxOf(request), request.params.id),
  );
  app.put(
    "/policies/:id",
    {
      ...body,
      schema: {
        tags,
        summary: "Save the rules as a new version (admins); refused with 409 naming the test cases it breaks",
        params: IdParams,
        body: SavePolicyBody,
        response: { 200: StoredPolicy },
      },
    },
    async (request) => savePolicy(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/policies/:id/activate",
    {
      schema: {
        tags,
        summary: "Make this the active policy (admins)",
        params: IdParams,
        body: ActivatePolicyBody,
        response: { 200: StoredPolicy },
      },
    },
    async (request) => activatePolicy(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/policies/:id/tests",
    { schema: { tags, summary: "A policy's test cases", params: IdParams, response: { 200: PolicyTestList } } },
    async (request) => listTests(ctxOf(request), request.params.id),
  );
  app.post(
    "/policies/:id/tests",
    {
      ...body,
      schema: {
        tags,
        summary: "Add a test case (admins)",
        params: IdParams,
        body: CreatePolicyTestBody,
        response: { 201: PolicyTest },
      },
    },
    async (request, reply) => reply.status(201).send(await addTest(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/policies/:id/tests/:testId",
    { schema: { tags, summary: "Remove a test case (admins)", params: TestParams } },
    async (request, reply) => {
      await removeTest(ctxOf(request), request.params.id, request.params.testId);
      return reply.status(204).send();
    },
  );
  app.post(
    "/policies/:id/simulate",
    {
      ...body,
      schema: {
        tags,
        summary: "Replay the last purchase requests against draft rules",
        params: IdParams,
        body: SimulatePolicyBody,
        response: { 200: PolicySimulation },
      },
    },
    async (request) => simulatePolicy(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/requests/:id/judgements",
    {
      schema: {
        tags,
        summary: "The purchase policy's answers on a request, newest first",
        params: IdParams,
        response: { 200: PurchaseJudgementList },
      },
    },
    async (request) => listJudgements(ctxOf(request), request.params.id),
  );
  app.get(
    "/guardrails/settings",
    { schema: { tags, summary: "The policy's currency and rates", response: { 200: GuardrailSettings } } },
    async (request) => getGuardrailSettings(ctxOf(request)),
  );
  app.put(
    "/guardrails/settings",
    {
      schema: {
        tags,
        summary: "Set the policy's currency and rates (admins)",
        body: UpdateGuardrailSettingsBody,
        response: { 200: GuardrailSettings },
      },
    },
    async (request) => editGuardrailSettings(ctxOf(request), request.body),
  );
  app.get(
    "/reviews",
    {
      schema: {
        tags,
        summary: "Purchase reviews (waitingOn=me: my team kind's open ones)",
        querystring: ReviewListQuery,
        response: { 200: PurchaseReviewList },
      },
    },
    async (request) => listWorkspaceReviews(ctxOf(request), request.query),
  );
  app.get(
    "/reviews/:id",
    { schema: { tags, summary: "A purchase review", params: IdParams, response: { 200: PurchaseReview } } },
    async (request) => getReview(ctxOf(request), request.params.id),
  );
  app.post(
    "/reviews/:id/decide",
    {
      schema: {
        tags,
        summary: "Approve or reject a review (a person of its team kind, or an admin)",
        params: IdParams,
        body: DecideReviewBody,
        response: { 200: PurchaseReview },
      },
    },
    async (request) => decideReview(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/review-templates",
    { schema: { tags, summary: "Review checklists per team kind", response: { 200: ReviewTemplateList } } },
    async (request) => listReviewTemplates(ctxOf(request)),
  );
  app.put(
    "/review-templates/:kind",
    {
      schema: {
        tags,
        summary: "Replace a team kind's review checklist (admins)",
        params: KindParams,
        body: UpdateReviewTemplateBody,
        response: { 200: ReviewTemplate },
      },
    },
    async (request) => editReviewTemplate(ctxOf(request), request.params.kind, request.body),
  );
};
