import { z } from "zod";
import { IdParams } from "../common";
import {
  ActivatePolicyBody,
  CheckPolicyBody,
  CreatePolicyBody,
  CreatePolicyTestBody,
  DecideReviewBody,
  GuardrailMeasures,
  GuardrailMeasuresQuery,
  GuardrailSettings,
  PolicyCheckResult,
  PolicySimulation,
  PolicyTest,
  PolicyTestList,
  PurchaseJudgementList,
  PurchaseReview,
  PurchaseReviewList,
  RecentPurchaseList,
  RecentPurchasesQuery,
  ReviewListQuery,
  ReviewTemplate,
  ReviewTemplateList,
  SavePolicyBody,
  SimulatePolicyBody,
  StoredPolicy,
  StoredPolicyList,
  UpdateGuardrailSettingsBody,
  UpdateReviewTemplateBody,
} from "../guardrails";
import { EvaluatePolicyBody, PolicyEvaluationResponse, ReviewerKind } from "../policy";
import { defineRoute } from "../route";

const tags = ["guardrails"];
const TestParams = z.object({ id: z.uuid(), testId: z.uuid() });
const KindParams = z.object({ kind: ReviewerKind });

/** Stored purchase policies: their versions, test cases, simulation, and the checks of rules as written. */
export const policiesApi = {
  list: defineRoute({
    method: "GET",
    path: "/policies",
    tags,
    summary: "The workspace's purchase policies",
    response: { 200: StoredPolicyList },
  }),
  create: defineRoute({
    method: "POST",
    path: "/policies",
    tags,
    summary: "Create a policy (admins)",
    body: CreatePolicyBody,
    response: { 201: StoredPolicy },
  }),
  get: defineRoute({
    method: "GET",
    path: "/policies/:id",
    tags,
    summary: "A policy, its rules and versions",
    params: IdParams,
    response: { 200: StoredPolicy },
  }),
  save: defineRoute({
    method: "PUT",
    path: "/policies/:id",
    tags,
    summary: "Save the rules as a new version (admins); refused with 409 naming the test cases it breaks",
    params: IdParams,
    body: SavePolicyBody,
    response: { 200: StoredPolicy },
  }),
  activate: defineRoute({
    method: "POST",
    path: "/policies/:id/activate",
    tags,
    summary: "Make this the active policy (admins)",
    params: IdParams,
    body: ActivatePolicyBody,
    response: { 200: StoredPolicy },
  }),
  tests: defineRoute({
    method: "GET",
    path: "/policies/:id/tests",
    tags,
    summary: "A policy's test cases",
    params: IdParams,
    response: { 200: PolicyTestList },
  }),
  addTest: defineRoute({
    method: "POST",
    path: "/policies/:id/tests",
    tags,
    summary: "Add a test case (admins)",
    params: IdParams,
    body: CreatePolicyTestBody,
    response: { 201: PolicyTest },
  }),
  // Answers 204 with no body; no response schema, as before.
  removeTest: defineRoute({
    method: "DELETE",
    path: "/policies/:id/tests/:testId",
    tags,
    summary: "Remove a test case (admins)",
    params: TestParams,
    response: {},
  }),
  simulate: defineRoute({
    method: "POST",
    path: "/policies/:id/simulate",
    tags,
    summary: "Replay the last purchase requests against draft rules",
    params: IdParams,
    body: SimulatePolicyBody,
    response: { 200: PolicySimulation },
  }),
  evaluate: defineRoute({
    method: "POST",
    path: "/policies/evaluate",
    tags,
    summary: "Decide purchase requests by a purchase policy (CEL rules); nothing is stored",
    body: EvaluatePolicyBody,
    response: { 200: PolicyEvaluationResponse },
  }),
  check: defineRoute({
    method: "POST",
    path: "/policies/check",
    tags,
    summary: "Check draft rules as written: syntax and type errors at their rule and column; nothing is stored",
    body: CheckPolicyBody,
    response: { 200: PolicyCheckResult },
  }),
};

/** The policy's answers on requests, its settings, and the Guardrails overview's measures and recent purchases. */
export const guardrailsApi = {
  judgements: defineRoute({
    method: "GET",
    path: "/requests/:id/judgements",
    tags,
    summary: "The purchase policy's answers on a request, newest first",
    params: IdParams,
    response: { 200: PurchaseJudgementList },
  }),
  settings: defineRoute({
    method: "GET",
    path: "/guardrails/settings",
    tags,
    summary: "The policy's currency and rates",
    response: { 200: GuardrailSettings },
  }),
  saveSettings: defineRoute({
    method: "PUT",
    path: "/guardrails/settings",
    tags,
    summary: "Set the policy's currency and rates (admins)",
    body: UpdateGuardrailSettingsBody,
    response: { 200: GuardrailSettings },
  }),
  measures: defineRoute({
    method: "GET",
    path: "/guardrails/measures",
    tags,
    summary: "Purchases decided at once, median time to decision, spend through Tandem vs found in expenses",
    query: GuardrailMeasuresQuery,
    response: { 200: GuardrailMeasures },
  }),
  recentPurchases: defineRoute({
    method: "GET",
    path: "/guardrails/recent-purchases",
    tags,
    summary: "The latest purchase requests with the policy's answer on each",
    query: RecentPurchasesQuery,
    response: { 200: RecentPurchaseList },
  }),
};

/** Purchase reviews by team kind, and each kind's review checklist. */
export const reviewsApi = {
  list: defineRoute({
    method: "GET",
    path: "/reviews",
    tags,
    summary: "Purchase reviews (waitingOn=me: my team kind's open ones)",
    query: ReviewListQuery,
    response: { 200: PurchaseReviewList },
  }),
  get: defineRoute({
    method: "GET",
    path: "/reviews/:id",
    tags,
    summary: "A purchase review",
    params: IdParams,
    response: { 200: PurchaseReview },
  }),
  decide: defineRoute({
    method: "POST",
    path: "/reviews/:id/decide",
    tags,
    summary: "Approve or reject a review (a person of its team kind, or an admin)",
    params: IdParams,
    body: DecideReviewBody,
    response: { 200: PurchaseReview },
  }),
  templates: defineRoute({
    method: "GET",
    path: "/review-templates",
    tags,
    summary: "Review checklists per team kind",
    response: { 200: ReviewTemplateList },
  }),
  saveTemplate: defineRoute({
    method: "PUT",
    path: "/review-templates/:kind",
    tags,
    summary: "Replace a team kind's review checklist (admins)",
    params: KindParams,
    body: UpdateReviewTemplateBody,
    response: { 200: ReviewTemplate },
  }),
};
