import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ritualsApi } from "#contracts/api/rituals";
import { ritualsCalendarApi } from "#contracts/api/rituals-calendar";
import { jobSwapsApi } from "#contracts/api/rituals-job-swaps";
import type { CreateJobSwapBody, JobSwapPhase, WriteJobSwapReflectionBody } from "#contracts/job-swaps";
import type {
  ActionItemListQuery,
  CreateAgendaItemBody,
  CreateOutcomeBody,
  CreateSeriesBody,
  MeetingListQuery,
  UpdateActionItemBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
  UpdateSeriesBody,
} from "#contracts/rituals";
import { call, isApiError, keyOf } from "../../../lib/api";
import { apiAll, apiPages, apiQuery } from "../../../lib/api-query";
import { activePeopleQuery } from "../../people/hooks/use-people";

/** Every active series. */
export function useSeriesList() {
  return useQuery(seriesListQuery);
}

export const seriesListQuery = apiAll(ritualsApi.listSeries, { query: { status: "active" } });

/** One series. */
export function useSeries(id: string) {
  return useQuery(apiQuery(ritualsApi.getSeries, { params: { id } }));
}

/** Meetings a page at a time: upcoming soonest first, past latest first. */
export function useMeetings(query: Partial<MeetingListQuery>) {
  return useInfiniteQuery(apiPages(ritualsApi.listMeetings, { query: { limit: 20, ...query } }));
}

/** A meeting's agenda. */
export function useAgenda(id: string) {
  return useQuery(agendaQuery(id));
}

export const agendaQuery = (id: string) => apiQuery(ritualsApi.getAgenda, { params: { id } });

/** A meeting's minutes. */
export function useMinutes(id: string) {
  return useQuery(apiQuery(ritualsCalendarApi.minutes, { params: { id } }));
}

/** A meeting's outcomes. */
export function useOutcomes(id: string) {
  return useQuery({ ...apiQuery(ritualsApi.listOutcomes, { params: { id } }), select: (list) => list.items });
}

/** Action items a page at a time. */
export function useActionItems(query: Partial<ActionItemListQuery>) {
  return useInfiniteQuery(apiPages(ritualsApi.listActionItems, { query: { limit: 50, ...query } }));
}

/** Completion per side over the last 90 days. */
export function useCompletion() {
  return useQuery(apiQuery(ritualsApi.getCompletion));
}

/** Active people, for participant and owner pickers (the workspace's one "everyone" query). */
export function useRitualsPeople() {
  return useQuery(activePeopleQuery);
}

// Every Rituals read (series, meetings with their agendas, outcomes and minutes, action items, job swaps) and
// the home page, which counts what is waiting: a change to one can show in any of them.
const ritualsKeys = [
  keyOf(ritualsApi.listSeries),
  keyOf(ritualsApi.listMeetings),
  keyOf(ritualsApi.listActionItems),
  keyOf(jobSwapsApi.list),
  ["home"],
];

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all(ritualsKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creates a series. */
export function useCreateSeries() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateSeriesBody) => call(ritualsApi.createSeries, { body }),
    onSuccess: invalidate,
  });
}

/** Edits or ends a series. */
export function useUpdateSeries() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSeriesBody }) =>
      call(ritualsApi.updateSeries, { params: { id }, body }),
    onSuccess: invalidate,
    // Refused as stale: the page shows the change someone made meanwhile.
    onError: (error) => (isApiError(error, "conflict") ? invalidate() : undefined),
  });
}

/** Holds (closes), cancels or moves a meeting. */
export function useUpdateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMeetingBody }) =>
      call(ritualsApi.updateMeeting, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Builds or refreshes an agenda from live data. */
export function usePrepareAgenda() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(ritualsApi.prepareMeeting, { params: { id }, body: {} }),
    onSuccess: invalidate,
  });
}

/** Adds a manual agenda item. */
export function useCreateAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: CreateAgendaItemBody }) =>
      call(ritualsApi.addAgendaItem, { params: { id: meetingId }, body }),
    onSuccess: invalidate,
  });
}

/** Edits an agenda item (notes, time box, status…). */
export function useUpdateAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, itemId, body }: { meetingId: string; itemId: string; body: UpdateAgendaItemBody }) =>
      call(ritualsApi.updateAgendaItem, { params: { id: meetingId, itemId }, body }),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, "conflict") ? invalidate() : undefined),
  });
}

/** Removes an agenda item. */
export function useRemoveAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, itemId }: { meetingId: string; itemId: string }) =>
      call(ritualsApi.removeAgendaItem, { params: { id: meetingId, itemId } }),
    onSuccess: invalidate,
  });
}

/** Records an outcome. */
export function useCreateOutcome() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: CreateOutcomeBody }) =>
      call(ritualsApi.recordOutcome, { params: { id: meetingId }, body }),
    onSuccess: invalidate,
  });
}

/** Marks an action item done or open, or edits it. */
export function useUpdateActionItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateActionItemBody }) =>
      call(ritualsApi.updateActionItem, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Job swaps of one phase, a page at a time. */
export function useJobSwaps(phase: JobSwapPhase) {
  return useInfiniteQuery(apiPages(jobSwapsApi.list, { query: { phase, limit: 50 } }));
}

/** Creates a job-swap pair. */
export function useCreateJobSwap() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateJobSwapBody) => call(jobSwapsApi.create, { body }),
    onSuccess: invalidate,
  });
}

/** Writes my reflection on a swap. */
export function useWriteReflection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WriteJobSwapReflectionBody }) =>
      call(jobSwapsApi.writeReflection, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
