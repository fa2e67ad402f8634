import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { isApiError } from "../../../lib/api";
import {
  createAgendaItem,
  createJobSwap,
  createOutcome,
  createSeries,
  getAgenda,
  getCompletion,
  getMeeting,
  getMinutes,
  getSeries,
  listActionItems,
  listJobSwaps,
  listMeetings,
  listOutcomes,
  listPeople,
  listSeries,
  prepareAgenda,
  removeAgendaItem,
  updateActionItem,
  updateAgendaItem,
  updateMeeting,
  updateSeries,
  writeJobSwapReflection,
} from "../api";

/** Every active series. */
export function useSeriesList() {
  return useQuery({ queryKey: ["rituals", "series", "list"], queryFn: () => listSeries("active") });
}

/** One series. */
export function useSeries(id: string) {
  return useQuery({ queryKey: ["rituals", "series", id], queryFn: () => getSeries(id) });
}

/** Meetings a page at a time: upcoming soonest first, past latest first. */
export function useMeetings(query: Partial<MeetingListQuery>) {
  return useInfiniteQuery({
    queryKey: ["rituals", "meetings", query],
    queryFn: ({ pageParam }) => listMeetings({ ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One meeting. */
export function useMeeting(id: string) {
  return useQuery({ queryKey: ["rituals", "meeting", id], queryFn: () => getMeeting(id) });
}

/** A meeting's agenda. */
export function useAgenda(id: string) {
  return useQuery({ queryKey: ["rituals", "agenda", id], queryFn: () => getAgenda(id) });
}

/** A meeting's minutes. */
export function useMinutes(id: string) {
  return useQuery({ queryKey: ["rituals", "minutes", id], queryFn: () => getMinutes(id) });
}

/** A meeting's outcomes. */
export function useOutcomes(id: string) {
  return useQuery({ queryKey: ["rituals", "outcomes", id], queryFn: async () => (await listOutcomes(id)).items });
}

/** Action items a page at a time. */
export function useActionItems(query: Partial<ActionItemListQuery>) {
  return useInfiniteQuery({
    queryKey: ["rituals", "action-items", query],
    queryFn: ({ pageParam }) => listActionItems({ ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Completion per side over the last 90 days. */
export function useCompletion() {
  return useQuery({ queryKey: ["rituals", "completion"], queryFn: () => getCompletion() });
}

/** Active people, for participant and owner pickers. */
export function useRitualsPeople() {
  return useQuery({ queryKey: ["rituals", "people"], queryFn: listPeople, staleTime: 60_000 });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["rituals"] }),
      queryClient.invalidateQueries({ queryKey: ["home"] }),
    ]);
}

/** Creates a series. */
export function useCreateSeries() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateSeriesBody) => createSeries(body), onSuccess: invalidate });
}

/** Edits or ends a series. */
export function useUpdateSeries() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSeriesBody }) => updateSeries(id, body),
    onSuccess: invalidate,
    // Refused as stale: the page shows the change someone made meanwhile.
    onError: (error) => (isApiError(error, "conflict") ? invalidate() : undefined),
  });
}

/** Holds (closes), cancels or moves a meeting. */
export function useUpdateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMeetingBody }) => updateMeeting(id, body),
    onSuccess: invalidate,
  });
}

/** Builds or refreshes an agenda from live data. */
export function usePrepareAgenda() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => prepareAgenda(id), onSuccess: invalidate });
}

/** Adds a manual agenda item. */
export function useCreateAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: CreateAgendaItemBody }) =>
      createAgendaItem(meetingId, body),
    onSuccess: invalidate,
  });
}

/** Edits an agenda item (notes, time box, status…). */
export function useUpdateAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, itemId, body }: { meetingId: string; itemId: string; body: UpdateAgendaItemBody }) =>
      updateAgendaItem(meetingId, itemId, body),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, "conflict") ? invalidate() : undefined),
  });
}

/** Removes an agenda item. */
export function useRemoveAgendaItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, itemId }: { meetingId: string; itemId: string }) => removeAgendaItem(meetingId, itemId),
    onSuccess: invalidate,
  });
}

/** Records an outcome. */
export function useCreateOutcome() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: CreateOutcomeBody }) => createOutcome(meetingId, body),
    onSuccess: invalidate,
  });
}

/** Marks an action item done or open, or edits it. */
export function useUpdateActionItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateActionItemBody }) => updateActionItem(id, body),
    onSuccess: invalidate,
  });
}

/** Job swaps of one phase, a page at a time. */
export function useJobSwaps(phase: JobSwapPhase) {
  return useInfiniteQuery({
    queryKey: ["rituals", "job-swaps", phase],
    queryFn: ({ pageParam }) => listJobSwaps({ phase, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Creates a job-swap pair. */
export function useCreateJobSwap() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateJobSwapBody) => createJobSwap(body), onSuccess: invalidate });
}

/** Writes my reflection on a swap. */
export function useWriteReflection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WriteJobSwapReflectionBody }) => writeJobSwapReflection(id, body),
    onSuccess: invalidate,
  });
}
