import type {
  CreatePolicyBody,
  CreatePolicyTestBody,
  DecideReviewBody,
  GuardrailMeasures,
  GuardrailSettings,
  PolicyCheckResult,
  PolicySimulation,
  PolicyTest,
  PurchaseJudgement,
  PurchaseReview,
  RecentPurchase,
  ReviewStatus,
  ReviewTemplate,
  StoredPolicy,
} from "#contracts/guardrails";
import type { PolicyRule, ReviewerKind } from "#contracts/policy";
import { api } from "../../lib/api";

/** The workspace's purchase policies (without their rules). */
export function listPolicies() {
  return api<{ items: Omit<StoredPolicy, "rules" | "versions">[] }>("/policies");
}

/** One policy with its current rules and its versions. */
export function getPolicy(id: string) {
  return api<StoredPolicy>(`/policies/${id}`);
}

/** Creates a policy (version 1); the workspace's first becomes the active one. */
export function createPolicy(body: CreatePolicyBody) {
  return api<StoredPolicy>("/policies", { method: "POST", body });
}

/** Saves the rules as the next version; refused when a test case breaks. */
export function savePolicy(id: string, body: { rules: PolicyRule[]; version: number }) {
  return api<StoredPolicy>(`/policies/${id}`, { method: "PUT", body });
}

/** Makes a policy the active one. */
export function activatePolicy(id: string, version: number) {
  return api<StoredPolicy>(`/policies/${id}/activate`, { method: "POST", body: { version } });
}

/** A policy's test cases, each run against its current version. */
export function listPolicyTests(id: string) {
  return api<{ items: PolicyTest[] }>(`/policies/${id}/tests`);
}

/** Adds a test case. */
export function addPolicyTest(id: string, body: CreatePolicyTestBody) {
  return api<PolicyTest>(`/policies/${id}/tests`, { method: "POST", body });
}

/** Removes a test case. */
export function removePolicyTest(id: string, testId: string) {
  return api<void>(`/policies/${id}/tests/${testId}`, { method: "DELETE" });
}

/** Replays the last purchase requests against draft rules. */
export function simulatePolicy(id: string, body: { rules: PolicyRule[]; last: number }) {
  return api<PolicySimulation>(`/policies/${id}/simulate`, { method: "POST", body });
}

/** Checks draft rules as written (syntax and type errors at rule and column); nothing is stored. */
export function checkRules(rules: unknown[], signal?: AbortSignal) {
  return api<PolicyCheckResult>("/policies/check", { method: "POST", body: { rules }, signal });
}

/** The measures over the last twelve months. */
export function getMeasures() {
  return api<GuardrailMeasures>("/guardrails/measures");
}

/** The latest purchase requests with the policy's answer on each. */
export function listRecentPurchases(limit = 10) {
  return api<{ items: RecentPurchase[] }>("/guardrails/recent-purchases", { query: { limit } });
}

/** The policy's answers on one request, newest first. */
export function listJudgements(requestId: string) {
  return api<{ items: PurchaseJudgement[] }>(`/requests/${requestId}/judgements`);
}

/** The policy's currency and rates. */
export function getSettings() {
  return api<GuardrailSettings>("/guardrails/settings");
}

/** Replaces the policy's currency and rates. */
export function saveSettings(body: { currency: string; rates: Record<string, number>; version: number }) {
  return api<GuardrailSettings>("/guardrails/settings", { method: "PUT", body });
}

/** Purchase reviews; `waitingOn: "me"` the open ones of my team kind. */
export function listReviews(query: { waitingOn?: "me"; requestId?: string; status?: ReviewStatus } = {}) {
  return api<{ items: PurchaseReview[] }>("/reviews", { query });
}

/** One review. */
export function getReview(id: string) {
  return api<PurchaseReview>(`/reviews/${id}`);
}

/** Approves or rejects a review. */
export function decideReview(id: string, body: DecideReviewBody) {
  return api<PurchaseReview>(`/reviews/${id}/decide`, { method: "POST", body });
}

/** The checklist templates of every reviewer kind. */
export function listReviewTemplates() {
  return api<{ items: ReviewTemplate[] }>("/review-templates");
}

/** Replaces one kind's checklist template. */
export function saveReviewTemplate(kind: ReviewerKind, body: { items: string[]; version: number }) {
  return api<ReviewTemplate>(`/review-templates/${kind}`, { method: "PUT", body });
}
