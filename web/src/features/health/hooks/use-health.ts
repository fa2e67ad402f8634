import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { healthApi } from "#contracts/api/health";
import { homeApi } from "#contracts/api/home";
import type { SurveyStatus } from "#contracts/health";
import type { RouteBody } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiPages, apiQuery } from "../../../lib/api-query";

/** The Alignment Index, for the workspace or one team. */
export function useAlignment(team?: string) {
  return useQuery(alignmentQuery(team));
}

export const alignmentQuery = (team?: string) => apiQuery(healthApi.alignment, { query: { team } });

/** Pulses, newest first, a page at a time. */
export function useSurveys(status?: SurveyStatus) {
  return useInfiniteQuery(apiPages(healthApi.surveys, { query: { status, limit: 50 } }));
}

/** The open pulse, if any (there is at most one at a time in practice; the newest is taken). */
export function useOpenSurvey() {
  return useQuery({
    ...apiQuery(healthApi.surveys, { query: { status: "open", limit: 1 } }),
    select: (page) => page.items[0] ?? null,
  });
}

/** One pulse. */
export function useSurvey(id: string) {
  return useQuery(apiQuery(healthApi.survey, { params: { id } }));
}

/** A pulse's aggregated results (none for a draft). */
export function useSurveyResults(id: string, enabled: boolean, team?: string) {
  return useQuery({ ...apiQuery(healthApi.results, { params: { id }, query: { team } }), enabled });
}

/** The item bank. */
export function useSurveyItems() {
  return useQuery({ ...apiQuery(healthApi.items), select: (list) => list.items });
}

// Every Health view, and Home's partnership tile: a pulse, an answer or an item changes them all.
const healthKeys = [
  keyOf(healthApi.alignment),
  keyOf(healthApi.surveys),
  keyOf(healthApi.items),
  keyOf(healthApi.cadence),
  keyOf(homeApi.summary),
];

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all(healthKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creates a draft pulse. */
export function useCreateSurvey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof healthApi.createSurvey>) => call(healthApi.createSurvey, { body }),
    onSuccess: invalidate,
  });
}

/** Edits a draft pulse. */
export function useUpdateSurvey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof healthApi.updateSurvey> }) =>
      call(healthApi.updateSurvey, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Launches or closes a pulse. */
export function useSurveyTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, to }: { id: string; version: number; to: "launch" | "close" }) =>
      call(to === "launch" ? healthApi.launchSurvey : healthApi.closeSurvey, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

/** Sends one's answer to a pulse. */
export function useRespond() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof healthApi.respond> }) =>
      call(healthApi.respond, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Adds an item to the bank. */
export function useCreateSurveyItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof healthApi.createItem>) => call(healthApi.createItem, { body }),
    onSuccess: invalidate,
  });
}

/** Rewords (never-asked items only) or retires an item. */
export function useUpdateSurveyItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof healthApi.updateItem> }) =>
      call(healthApi.updateItem, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** The pulse cadence with the next pulse's day. */
export function usePulseCadence() {
  return useQuery(apiQuery(healthApi.cadence));
}

/** Saves the pulse cadence. */
export function useSavePulseCadence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof healthApi.saveCadence>) => call(healthApi.saveCadence, { body }),
    onSuccess: invalidate,
  });
}
