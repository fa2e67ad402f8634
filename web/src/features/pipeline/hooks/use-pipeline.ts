import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { pipelineApi, pipelineMovesApi } from "#contracts/api/pipeline";
import { engagementApi } from "#contracts/api/pipeline-engagement";
import { serviceLevelsApi } from "#contracts/api/pipeline-sla";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type {
  DecisionBody,
  PipelineRequest,
  Priority,
  RequestType,
  SlaReportQuery,
  Stage,
  UpdateRaciBody,
  UpdateRequestBody,
} from "#contracts/pipeline";
import type { RouteBody } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiAll, apiPages, apiQuery } from "../../../lib/api-query";
import { activePeopleQuery } from "../../people/hooks/use-people";
import { teamsQuery } from "../../teams/hooks/use-teams";
import type { RequestFilters } from "../api";

const PAGE_SIZE = 50;

/** The backlog matching the filters, a page at a time, in rank order. */
export function requestsQuery(filters: RequestFilters) {
  return apiPages(pipelineApi.listRequests, { query: { ...filters, sort: "rank", limit: PAGE_SIZE } });
}

/** The backlog with "load more". */
export function useRequests(filters: RequestFilters) {
  return useInfiniteQuery(requestsQuery(filters));
}

/** Every open request, for the board. */
export function useBoard() {
  return useQuery(apiQuery(pipelineApi.board));
}

/** One request, fresh. */
export function useRequest(id: string) {
  return useQuery(requestQuery(id));
}

export const requestQuery = (id: string) => apiQuery(pipelineApi.getRequest, { params: { id } });

/** A request's timeline. */
export function useRequestEvents(id: string) {
  return useQuery(apiQuery(pipelineApi.events, { params: { id } }));
}

/** A request's comments. */
export function useRequestComments(id: string) {
  return useQuery(apiQuery(engagementApi.comments, { params: { id } }));
}

/** Active people, for pickers. */
export function usePeople() {
  return useQuery(activePeopleQuery);
}

/** Teams, for filters. */
export function useTeams() {
  return useQuery(teamsQuery);
}

/** The Stack's tools, for planning and alternatives. */
export function useStackTools() {
  return useQuery({ ...apiAll(stackToolsApi.listTools), staleTime: 60_000 });
}

/** The rules of engagement. */
export function useRaciTemplates() {
  return useQuery(apiQuery(engagementApi.templates));
}

/** The scoring formula. */
export function usePipelineSettings() {
  return useQuery(apiQuery(engagementApi.settings));
}

/** Working calendars. */
export function useCalendars() {
  return useQuery(apiQuery(serviceLevelsApi.calendars));
}

/** Service-level targets. */
export function useSlaPolicies() {
  return useQuery(apiQuery(serviceLevelsApi.policies));
}

/** The service-level report for a period and type. */
export function useSlaReport(query: SlaReportQuery) {
  return useQuery({ ...apiQuery(serviceLevelsApi.report, { query }), placeholderData: (previous) => previous });
}

// Every request view (the backlog, the board, one request with its timeline and comments, the value report).
const requestsKey = keyOf(pipelineApi.listRequests);
// The service levels a change of targets, calendars or the goal recounts.
const serviceLevelKeys = [keyOf(serviceLevelsApi.policies), keyOf(serviceLevelsApi.report)];

function useRefresh() {
  const queryClient = useQueryClient();
  return (keys: readonly (readonly unknown[])[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Refreshes every request view after a change (also after a conflict, so the page shows the other change). */
function useInvalidateRequests() {
  const queryClient = useQueryClient();
  return (saved?: PipelineRequest) => {
    if (saved) queryClient.setQueryData(keyOf(pipelineApi.getRequest, { params: { id: saved.id } }), saved);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: requestsKey }),
      queryClient.invalidateQueries({ queryKey: ["notifications"] }),
    ]);
  };
}

/** Submits a request or saves a draft. */
export function useCreateRequest() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (body: RouteBody<typeof pipelineApi.createRequest>) => call(pipelineApi.createRequest, { body }),
    onSuccess: () => invalidate(),
  });
}

type Saved = PipelineRequest | undefined;

function useRequestMutation<V>(fn: (variables: V) => Promise<PipelineRequest>) {
  const invalidate = useInvalidateRequests();
  return useMutation({ mutationFn: fn, onSettled: (saved: Saved) => invalidate(saved) });
}

/** Edits intake, triage or planning fields. */
export function useUpdateRequest() {
  return useRequestMutation(({ id, body }: { id: string; body: UpdateRequestBody }) =>
    call(pipelineApi.updateRequest, { params: { id }, body }),
  );
}

/** Moves a request to another stage. */
export function useTransition() {
  return useRequestMutation(({ id, to, version }: { id: string; to: Stage; version: number }) =>
    call(pipelineMovesApi.transition, { params: { id }, body: { to, version } }),
  );
}

/** Waits on the requester, or resumes. */
export function useSetWaiting() {
  return useRequestMutation(
    ({ id, waiting, version, reason }: { id: string; waiting: boolean; version: number; reason?: string }) =>
      call(pipelineMovesApi.waiting, { params: { id }, body: { waiting, version, reason } }),
  );
}

/** Decides a request. */
export function useDecide() {
  return useRequestMutation(({ id, body }: { id: string; body: DecisionBody }) =>
    call(pipelineMovesApi.decide, { params: { id }, body }),
  );
}

/** The requester's appeal. */
export function useAppeal() {
  return useRequestMutation(({ id, comment, version }: { id: string; comment: string; version: number }) =>
    call(pipelineMovesApi.appeal, { params: { id }, body: { comment, version } }),
  );
}

/** The requester accepts the alternative. */
export function useAcceptAlternative() {
  return useRequestMutation(({ id, version }: { id: string; version: number }) =>
    call(pipelineMovesApi.acceptAlternative, { params: { id }, body: { version } }),
  );
}

interface ReviewVariables {
  id: string;
  realisedBenefit: string;
  notes: string;
  version: number;
}

/** Records the value review. */
export function useReview() {
  return useRequestMutation(({ id, realisedBenefit, notes, version }: ReviewVariables) =>
    call(pipelineMovesApi.review, { params: { id }, body: { realisedBenefit, notes, version } }),
  );
}

/** Moves a request in the backlog. */
export function useRank() {
  return useRequestMutation(({ id, beforeId, version }: { id: string; beforeId: string | null; version: number }) =>
    call(pipelineApi.rank, { params: { id }, body: { beforeId, version } }),
  );
}

/** Replaces who does what. */
export function useUpdateRaci() {
  return useRequestMutation(({ id, body }: { id: string; body: UpdateRaciBody }) =>
    call(engagementApi.updateRaci, { params: { id }, body }),
  );
}

/** Follows a request, or stops. */
export function useSetWatching() {
  return useRequestMutation(({ id, watching }: { id: string; watching: boolean }) =>
    call(engagementApi.watch, { params: { id }, body: { watching } }),
  );
}

/** Comments on a request. */
export function useAddComment(id: string) {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (body: { body: string; mentions: string[] }) =>
      call(engagementApi.addComment, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}

/** Replaces a type's rules of engagement. */
export function useUpdateRaciTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: RequestType; body: RouteBody<typeof engagementApi.updateTemplate> }) =>
      call(engagementApi.updateTemplate, { params: { type }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyOf(engagementApi.templates) }),
  });
}

/** Changes the scoring formula (the backlog is re-scored) or the service-level goal (the charts' goal line). */
export function useUpdateSettings() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RouteBody<typeof engagementApi.updateSettings>) => call(engagementApi.updateSettings, { body }),
    onSettled: () => refresh([keyOf(engagementApi.settings), requestsKey, ...serviceLevelKeys, ["home"]]),
  });
}

/** Changes a class's targets. */
export function useUpdateSlaPolicy() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ priority, body }: { priority: Priority; body: RouteBody<typeof serviceLevelsApi.updatePolicy> }) =>
      call(serviceLevelsApi.updatePolicy, { params: { priority }, body }),
    onSettled: () => refresh([...serviceLevelKeys, requestsKey]),
  });
}

/** A calendar to save: an edit of one (with its id), or a new one. */
export type CalendarSave =
  | { id: string; body: RouteBody<typeof serviceLevelsApi.updateCalendar> }
  | { id: null; body: RouteBody<typeof serviceLevelsApi.createCalendar> };

/** Adds or edits a working calendar. */
export function useSaveCalendar() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (save: CalendarSave) =>
      save.id === null
        ? call(serviceLevelsApi.createCalendar, { body: save.body })
        : call(serviceLevelsApi.updateCalendar, { params: { id: save.id }, body: save.body }),
    onSettled: () => refresh([keyOf(serviceLevelsApi.calendars), ...serviceLevelKeys, requestsKey]),
  });
}
