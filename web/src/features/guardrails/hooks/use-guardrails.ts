import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatePolicyBody, CreatePolicyTestBody, DecideReviewBody } from "#contracts/guardrails";
import type { PolicyRule, ReviewerKind } from "#contracts/policy";
import {
  activatePolicy,
  addPolicyTest,
  createPolicy,
  decideReview,
  getMeasures,
  getPolicy,
  getReview,
  getSettings,
  listJudgements,
  listPolicies,
  listPolicyTests,
  listRecentPurchases,
  listReviews,
  listReviewTemplates,
  removePolicyTest,
  savePolicy,
  saveReviewTemplate,
  saveSettings,
  simulatePolicy,
} from "../api";

/** The workspace's policies. */
export function usePolicies() {
  return useQuery({ queryKey: ["guardrails", "policies"], queryFn: listPolicies });
}

/** One policy with its rules and versions (disabled without an id). */
export function usePolicy(id: string | null | undefined) {
  return useQuery({
    queryKey: ["guardrails", "policy", id],
    queryFn: () => getPolicy(id as string),
    enabled: Boolean(id),
  });
}

/** A policy's test cases with what its current version yields. */
export function usePolicyTests(id: string | null | undefined) {
  return useQuery({
    queryKey: ["guardrails", "tests", id],
    queryFn: async () => (await listPolicyTests(id as string)).items,
    enabled: Boolean(id),
  });
}

/** The measures of the last twelve months. */
export function useGuardrailMeasures() {
  return useQuery({ queryKey: ["guardrails", "measures"], queryFn: getMeasures });
}

/** The latest purchases with the policy's answers. */
export function useRecentPurchases() {
  return useQuery({ queryKey: ["guardrails", "recent"], queryFn: async () => (await listRecentPurchases(10)).items });
}

/** The policy's answers on one request. */
export function useJudgements(requestId: string) {
  return useQuery({
    // Under "requests": every change to the request (a submit on its page) refreshes the answer.
    queryKey: ["requests", "judgements", requestId],
    queryFn: async () => (await listJudgements(requestId)).items,
  });
}

/** The policy's currency and rates. */
export function useGuardrailSettings() {
  return useQuery({ queryKey: ["guardrails", "settings"], queryFn: getSettings });
}

/** Reviews; `waitingOn: "me"` lists mine. */
export function useReviews(query: Parameters<typeof listReviews>[0] = {}) {
  return useQuery({
    queryKey: ["guardrails", "reviews", query],
    queryFn: async () => (await listReviews(query)).items,
  });
}

/** The reviews of one request. */
export function useRequestReviews(requestId: string) {
  return useQuery({
    queryKey: ["requests", "reviews", requestId],
    queryFn: async () => (await listReviews({ requestId })).items,
  });
}

/** One review. */
export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: ["guardrails", "review", id],
    queryFn: () => getReview(id as string),
    enabled: Boolean(id),
  });
}

/** The review checklist templates. */
export function useReviewTemplates() {
  return useQuery({
    queryKey: ["guardrails", "templates"],
    queryFn: async () => (await listReviewTemplates()).items,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: string[][]) => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creates a policy. */
export function useCreatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePolicyBody) => createPolicy(body),
    onSuccess: () => invalidate(["guardrails"]),
  });
}

/** Saves a policy's rules as a new version. */
export function useSavePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, rules, version }: { id: string; rules: PolicyRule[]; version: number }) =>
      savePolicy(id, { rules, version }),
    onSuccess: () => invalidate(["guardrails"]),
  });
}

/** Makes a policy the active one. */
export function useActivatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => activatePolicy(id, version),
    onSuccess: () => invalidate(["guardrails"]),
  });
}

/** Adds a test case. */
export function useAddPolicyTest(policyId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePolicyTestBody) => addPolicyTest(policyId, body),
    onSuccess: () => invalidate(["guardrails", "tests", policyId]),
  });
}

/** Removes a test case. */
export function useRemovePolicyTest(policyId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (testId: string) => removePolicyTest(policyId, testId),
    onSuccess: () => invalidate(["guardrails", "tests", policyId]),
  });
}

/** Replays recent purchases against draft rules. */
export function useSimulatePolicy(policyId: string) {
  return useMutation({
    mutationFn: (body: { rules: PolicyRule[]; last: number }) => simulatePolicy(policyId, body),
  });
}

/** Saves the currency table. */
export function useSaveGuardrailSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: () => invalidate(["guardrails", "settings"]),
  });
}

/** Saves a kind's checklist template. */
export function useSaveReviewTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ kind, items, version }: { kind: ReviewerKind; items: string[]; version: number }) =>
      saveReviewTemplate(kind, { items, version }),
    onSuccess: () => invalidate(["guardrails", "templates"]),
  });
}

/** Approves or rejects a review: the request, the Stack and Home may change with it. */
export function useDecideReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideReviewBody }) => decideReview(id, body),
    onSettled: () => invalidate(["guardrails"], ["requests"], ["home"], ["tools"], ["stack"], ["notifications"]),
  });
}
