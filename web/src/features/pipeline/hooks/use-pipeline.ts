import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateCalendarBody,
  CreateRequestBody,
  DecisionBody,
  PipelineRequest,
  Priority,
  RequestType,
  SlaReportQuery,
  Stage,
  UpdateCalendarBody,
  UpdatePipelineSettingsBody,
  UpdateRaciBody,
  UpdateRaciTemplateBody,
  UpdateRequestBody,
  UpdateSlaPolicyBody,
} from "#contracts/pipeline";
import {
  acceptAlternative,
  addComment,
  appealRequest,
  createCalendar,
  createRequest,
  decideRequest,
  getRequest,
  getSettings,
  getSlaReport,
  listBoard,
  listCalendars,
  listComments,
  listEvents,
  listPeople,
  listRaciTemplates,
  listRequests,
  listSlaPolicies,
  listTeams,
  listTools,
  type RequestFilters,
  rankRequest,
  reviewRequest,
  setWaiting,
  setWatching,
  transitionRequest,
  updateCalendar,
  updateRaci,
  updateRaciTemplate,
  updateRequest,
  updateSettings,
  updateSlaPolicy,
} from "../api";

const PAGE_SIZE = 50;

/** The backlog matching the filters, a page at a time, in rank order. */
export function requestsQuery(filters: RequestFilters) {
  return infiniteQueryOptions({
    queryKey: ["requests", "list", filters],
    queryFn: ({ pageParam }) => listRequests({ ...filters, sort: "rank", cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The backlog with "load more". */
export function useRequests(filters: RequestFilters) {
  return useInfiniteQuery(requestsQuery(filters));
}

/** Every open request, for the board. */
export function useBoard() {
  return useQuery({ queryKey: ["requests", "board"], queryFn: listBoard });
}

/** One request, fresh. */
export function useRequest(id: string) {
  return useQuery({ queryKey: ["requests", "one", id], queryFn: () => getRequest(id) });
}

/** A request's timeline. */
export function useRequestEvents(id: string) {
  return useQuery({ queryKey: ["requests", "events", id], queryFn: () => listEvents(id) });
}

/** A request's comments. */
export function useRequestComments(id: string) {
  return useQuery({ queryKey: ["requests", "comments", id], queryFn: () => listComments(id) });
}

/** Active people, for pickers. */
export function usePeople() {
  return useQuery({ queryKey: ["users", "all-active"], queryFn: listPeople, staleTime: 60_000 });
}

/** Teams, for filters. */
export function useTeams() {
  return useQuery({ queryKey: ["teams", "all"], queryFn: listTeams, staleTime: 60_000 });
}

/** The Stack's tools, for planning and alternatives. */
export function useStackTools() {
  return useQuery({ queryKey: ["tools", "all"], queryFn: listTools, staleTime: 60_000 });
}

/** The rules of engagement. */
export function useRaciTemplates() {
  return useQuery({ queryKey: ["pipeline", "raci-templates"], queryFn: listRaciTemplates });
}

/** The scoring formula. */
export function usePipelineSettings() {
  return useQuery({ queryKey: ["pipeline", "settings"], queryFn: getSettings });
}

/** Working calendars. */
export function useCalendars() {
  return useQuery({ queryKey: ["sla", "calendars"], queryFn: listCalendars });
}

/** Service-level targets. */
export function useSlaPolicies() {
  return useQuery({ queryKey: ["sla", "policies"], queryFn: listSlaPolicies });
}

/** The service-level report for a period and type. */
export function useSlaReport(query: SlaReportQuery) {
  return useQuery({
    queryKey: ["sla", "report", query],
    queryFn: () => getSlaReport(query),
    placeholderData: (previous) => previous,
  });
}

/** Refreshes every request view after a change (also after a conflict, so the page shows the other change). */
function useInvalidateRequests() {
  const queryClient = useQueryClient();
  return (saved?: PipelineRequest) => {
    if (saved) queryClient.setQueryData(["requests", "one", saved.id], saved);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ["requests"] }),
      queryClient.invalidateQueries({ queryKey: ["notifications"] }),
    ]);
  };
}

/** Submits a request or saves a draft. */
export function useCreateRequest() {
  const invalidate = useInvalidateRequests();
  return useMutation({ mutationFn: (body: CreateRequestBody) => createRequest(body), onSuccess: () => invalidate() });
}

type Saved = PipelineRequest | undefined;

function useRequestMutation<V>(fn: (variables: V) => Promise<PipelineRequest>) {
  const invalidate = useInvalidateRequests();
  return useMutation({ mutationFn: fn, onSettled: (saved: Saved) => invalidate(saved) });
}

/** Edits intake, triage or planning fields. */
export function useUpdateRequest() {
  return useRequestMutation(({ id, body }: { id: string; body: UpdateRequestBody }) => updateRequest(id, body));
}

/** Moves a request to another stage. */
export function useTransition() {
  return useRequestMutation(({ id, to, version }: { id: string; to: Stage; version: number }) =>
    transitionRequest(id, { to, version }),
  );
}

/** Waits on the requester, or resumes. */
export function useSetWaiting() {
  return useRequestMutation(
    ({ id, waiting, version, reason }: { id: string; waiting: boolean; version: number; reason?: string }) =>
      setWaiting(id, { waiting, version, reason }),
  );
}

/** Decides a request. */
export function useDecide() {
  return useRequestMutation(({ id, body }: { id: string; body: DecisionBody }) => decideRequest(id, body));
}

/** The requester's appeal. */
export function useAppeal() {
  return useRequestMutation(({ id, comment, version }: { id: string; comment: string; version: number }) =>
    appealRequest(id, { comment, version }),
  );
}

/** The requester accepts the alternative. */
export function useAcceptAlternative() {
  return useRequestMutation(({ id, version }: { id: string; version: number }) => acceptAlternative(id, version));
}

/** Records the value review. */
export function useReview() {
  return useRequestMutation(
    ({
      id,
      realisedBenefit,
      notes,
      version,
    }: {
      id: string;
      realisedBenefit: string;
      notes: string;
      version: number;
    }) => reviewRequest(id, { realisedBenefit, notes, version }),
  );
}

/** Moves a request in the backlog. */
export function useRank() {
  return useRequestMutation(({ id, beforeId, version }: { id: string; beforeId: string | null; version: number }) =>
    rankRequest(id, { beforeId, version }),
  );
}

/** Replaces who does what. */
export function useUpdateRaci() {
  return useRequestMutation(({ id, body }: { id: string; body: UpdateRaciBody }) => updateRaci(id, body));
}

/** Follows a request, or stops. */
export function useSetWatching() {
  return useRequestMutation(({ id, watching }: { id: string; watching: boolean }) => setWatching(id, watching));
}

/** Comments on a request. */
export function useAddComment(id: string) {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (body: { body: string; mentions: string[] }) => addComment(id, body),
    onSettled: () => invalidate(),
  });
}

/** Replaces a type's rules of engagement. */
export function useUpdateRaciTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: RequestType; body: z.infer<typeof UpdateRaciTemplateBody> }) =>
      updateRaciTemplate(type, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["pipeline", "raci-templates"] }),
  });
}

/** Changes the scoring formula (the backlog is re-scored) or the service-level goal (the charts' goal line). */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdatePipelineSettingsBody>) => updateSettings(body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["pipeline", "settings"] }),
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
        queryClient.invalidateQueries({ queryKey: ["sla"] }),
        queryClient.invalidateQueries({ queryKey: ["home"] }),
      ]),
  });
}

/** Changes a class's targets. */
export function useUpdateSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ priority, body }: { priority: Priority; body: z.infer<typeof UpdateSlaPolicyBody> }) =>
      updateSlaPolicy(priority, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["sla"] }),
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
      ]),
  });
}

/** Adds or edits a working calendar. */
export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string | null;
      body: z.input<typeof UpdateCalendarBody> | z.input<typeof CreateCalendarBody>;
    }) =>
      id
        ? updateCalendar(id, body as z.input<typeof UpdateCalendarBody>)
        : createCalendar(body as z.input<typeof CreateCalendarBody>),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["sla"] }),
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
      ]),
  });
}
