import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { guardrailsApi, policiesApi, reviewsApi } from "#contracts/api/guardrails";
import { homeApi } from "#contracts/api/home";
import { notificationsApi } from "#contracts/api/notifications";
import { pipelineApi } from "#contracts/api/pipeline";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { ReviewerKind } from "#contracts/policy";
import type { RouteBody, RouteQuery } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiQuery } from "../../../lib/api-query";

/** Every query of the Guardrails pages: the policies (with their tests and checks), reviews, settings, measures. */
const guardrailsKeys = [
  keyOf(policiesApi.list),
  keyOf(reviewsApi.list),
  keyOf(reviewsApi.templates),
  keyOf(guardrailsApi.settings),
  keyOf(guardrailsApi.measures),
  keyOf(guardrailsApi.recentPurchases),
];

/** The workspace's policies. */
export function usePolicies() {
  return useQuery(apiQuery(policiesApi.list));
}

/** One policy with its rules and versions (disabled without an id). */
export function usePolicy(id: string | null | undefined) {
  return useQuery({ ...apiQuery(policiesApi.get, { params: { id: id ?? "" } }), enabled: Boolean(id) });
}

/** A policy's test cases with what its current version yields. */
export function usePolicyTests(id: string | null | undefined) {
  return useQuery({
    ...apiQuery(policiesApi.tests, { params: { id: id ?? "" } }),
    select: (data) => data.items,
    enabled: Boolean(id),
  });
}

/** The measures of the last twelve months. */
export function useGuardrailMeasures() {
  return useQuery(apiQuery(guardrailsApi.measures));
}

/** The latest purchases with the policy's answers. */
export function useRecentPurchases() {
  return useQuery({
    ...apiQuery(guardrailsApi.recentPurchases, { query: { limit: 10 } }),
    select: (data) => data.items,
  });
}

/** The policy's answers on one request (under the request's key: every change to it refreshes the answer). */
export function useJudgements(requestId: string) {
  return useQuery({
    ...apiQuery(guardrailsApi.judgements, { params: { id: requestId } }),
    select: (data) => data.items,
  });
}

/** The policy's currency and rates. */
export function useGuardrailSettings() {
  return useQuery(apiQuery(guardrailsApi.settings));
}

/** Reviews; `waitingOn: "me"` lists mine. */
export function useReviews(query: RouteQuery<typeof reviewsApi.list> = {}) {
  return useQuery({ ...apiQuery(reviewsApi.list, { query }), select: (data) => data.items });
}

/** The reviews of one request. */
export function useRequestReviews(requestId: string) {
  return useQuery({
    ...apiQuery(reviewsApi.list, { query: { requestId } }),
    // Under the request, as its judgements are: a submit on its page opens reviews, and refreshes them here.
    queryKey: [...keyOf(pipelineApi.getRequest, { params: { id: requestId } }), "reviews"],
    select: (data) => data.items,
  });
}

/** One review. */
export function useReview(id: string | undefined) {
  return useQuery({ ...apiQuery(reviewsApi.get, { params: { id: id ?? "" } }), enabled: Boolean(id) });
}

/** The review checklist templates. */
export function useReviewTemplates() {
  return useQuery({ ...apiQuery(reviewsApi.templates), select: (data) => data.items });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (keys: readonly (readonly unknown[])[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creates a policy. */
export function useCreatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof policiesApi.create>) => call(policiesApi.create, { body }),
    onSuccess: () => invalidate(guardrailsKeys),
  });
}

/** Saves a policy's rules as a new version. */
export function useSavePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & RouteBody<typeof policiesApi.save>) =>
      call(policiesApi.save, { params: { id }, body }),
    onSuccess: () => invalidate(guardrailsKeys),
  });
}

/** Makes a policy the active one. */
export function useActivatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(policiesApi.activate, { params: { id }, body: { version } }),
    onSuccess: () => invalidate(guardrailsKeys),
  });
}

/** Adds a test case. */
export function useAddPolicyTest(policyId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof policiesApi.addTest>) =>
      call(policiesApi.addTest, { params: { id: policyId }, body }),
    onSuccess: () => invalidate([keyOf(policiesApi.tests, { params: { id: policyId } })]),
  });
}

/** Removes a test case. */
export function useRemovePolicyTest(policyId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (testId: string) => call(policiesApi.removeTest, { params: { id: policyId, testId } }),
    onSuccess: () => invalidate([keyOf(policiesApi.tests, { params: { id: policyId } })]),
  });
}

/** Replays recent purchases against draft rules. */
export function useSimulatePolicy(policyId: string) {
  return useMutation({
    mutationFn: (body: RouteBody<typeof policiesApi.simulate>) =>
      call(policiesApi.simulate, { params: { id: policyId }, body }),
  });
}

/** Saves the currency table. */
export function useSaveGuardrailSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof guardrailsApi.saveSettings>) => call(guardrailsApi.saveSettings, { body }),
    onSuccess: () => invalidate([keyOf(guardrailsApi.settings)]),
  });
}

/** Saves a kind's checklist template. */
export function useSaveReviewTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ kind, ...body }: { kind: ReviewerKind } & RouteBody<typeof reviewsApi.saveTemplate>) =>
      call(reviewsApi.saveTemplate, { params: { kind }, body }),
    onSuccess: () => invalidate([keyOf(reviewsApi.templates)]),
  });
}

/** Approves or rejects a review: the request, the Stack and Home may change with it. */
export function useDecideReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof reviewsApi.decide> }) =>
      call(reviewsApi.decide, { params: { id }, body }),
    onSettled: () =>
      invalidate([
        ...guardrailsKeys,
        keyOf(pipelineApi.listRequests),
        keyOf(homeApi.summary),
        keyOf(stackToolsApi.listTools),
        // Every Stack view (graph, overlaps, renewals, compliance) sits under /stack.
        ["stack"],
        keyOf(notificationsApi.list),
      ]),
  });
}
