import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateSurveyBody,
  CreateSurveyItemBody,
  ResponseBody,
  SurveyStatus,
  UpdatePulseCadenceBody,
  UpdateSurveyBody,
  UpdateSurveyItemBody,
} from "#contracts/health";
import {
  closeSurvey,
  createSurvey,
  createSurveyItem,
  getAlignment,
  getPulseCadence,
  getSurvey,
  getSurveyResults,
  launchSurvey,
  listSurveyItems,
  listSurveys,
  respondToSurvey,
  savePulseCadence,
  updateSurvey,
  updateSurveyItem,
} from "../api";

/** The Alignment Index, for the workspace or one team. */
export function useAlignment(team?: string) {
  return useQuery({ queryKey: ["health", "alignment", team ?? "all"], queryFn: () => getAlignment(team) });
}

/** Pulses, newest first, a page at a time. */
export function useSurveys(status?: SurveyStatus) {
  return useInfiniteQuery({
    queryKey: ["health", "surveys", status ?? "any"],
    queryFn: ({ pageParam }) => listSurveys({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The open pulse, if any (there is at most one at a time in practice; the newest is taken). */
export function useOpenSurvey() {
  return useQuery({
    queryKey: ["health", "surveys", "open-one"],
    queryFn: async () => (await listSurveys({ status: "open" })).items[0] ?? null,
  });
}

/** One pulse. */
export function useSurvey(id: string) {
  return useQuery({ queryKey: ["health", "survey", id], queryFn: () => getSurvey(id) });
}

/** A pulse's aggregated results (none for a draft). */
export function useSurveyResults(id: string, enabled: boolean, team?: string) {
  return useQuery({
    queryKey: ["health", "results", id, team ?? "all"],
    queryFn: () => getSurveyResults(id, team),
    enabled,
  });
}

/** The item bank. */
export function useSurveyItems() {
  return useQuery({ queryKey: ["health", "items"], queryFn: listSurveyItems });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["health"] }),
      queryClient.invalidateQueries({ queryKey: ["home"] }),
    ]);
}

/** Creates a draft pulse. */
export function useCreateSurvey() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateSurveyBody) => createSurvey(body), onSuccess: invalidate });
}

/** Edits a draft pulse. */
export function useUpdateSurvey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSurveyBody }) => updateSurvey(id, body),
    onSuccess: invalidate,
  });
}

/** Launches or closes a pulse. */
export function useSurveyTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, to }: { id: string; version: number; to: "launch" | "close" }) =>
      to === "launch" ? launchSurvey(id, version) : closeSurvey(id, version),
    onSuccess: invalidate,
  });
}

/** Sends one's answer to a pulse. */
export function useRespond() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResponseBody }) => respondToSurvey(id, body),
    onSuccess: invalidate,
  });
}

/** Adds an item to the bank. */
export function useCreateSurveyItem() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateSurveyItemBody) => createSurveyItem(body), onSuccess: invalidate });
}

/** Rewords (never-asked items only) or retires an item. */
export function useUpdateSurveyItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSurveyItemBody }) => updateSurveyItem(id, body),
    onSuccess: invalidate,
  });
}

/** The pulse cadence with the next pulse's day. */
export function usePulseCadence() {
  return useQuery({ queryKey: ["health", "cadence"], queryFn: getPulseCadence });
}

/** Saves the pulse cadence. */
export function useSavePulseCadence() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: UpdatePulseCadenceBody) => savePulseCadence(body), onSuccess: invalidate });
}
