import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { scorecardApi } from "#contracts/api/scorecard";
import { kpisApi } from "#contracts/api/scorecard-kpis";
import type { RouteBody } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiAll, apiPages, apiQuery } from "../../../lib/api-query";
import { activePeopleQuery } from "../../people/hooks/use-people";
import { reviewQuery } from "./review-query";

/**
 * What a Scorecard change can move: objectives, KPIs and segments, the review and "how we are measured" pages, and
 * the KPI panels of requests and experiments (kept under those records' keys, so their whole prefixes).
 */
const scorecardKeys = [
  keyOf(scorecardApi.listObjectives),
  keyOf(kpisApi.list),
  keyOf(scorecardApi.listSegments),
  keyOf(scorecardApi.review),
  keyOf(scorecardApi.measured),
  keyOf(kpisApi.getRequestKpis),
  keyOf(kpisApi.getExperimentKpi),
];

/** Marks every Scorecard query stale (refetching those on screen). */
export function invalidateScorecard(queryClient: QueryClient) {
  return Promise.all(scorecardKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Every KPI as of today, for pickers (kept a minute: a picker opened again need not wait). */
export function kpiPickerQuery() {
  return { ...apiAll(kpisApi.list), staleTime: 60_000 };
}

/** Every objective, for pickers. */
export function useObjectives() {
  return useQuery(apiAll(scorecardApi.listObjectives));
}

/** One KPI with its links, as of a date. */
export function useKpi(id: string, asOf?: string) {
  return useQuery(apiQuery(kpisApi.get, { params: { id }, query: { asOf } }));
}

/** A KPI's chart series. */
export function useKpiSeries(id: string) {
  return useQuery(apiQuery(kpisApi.series, { params: { id } }));
}

/** A KPI's check-in timeline, a page at a time (five years of weekly values are 260 of them). */
export function useMeasurements(id: string) {
  return useInfiniteQuery(apiPages(kpisApi.listMeasurements, { params: { id }, query: { limit: 25 } }));
}

/** Customer segments, most important first. */
export function useSegments() {
  return useQuery({ ...apiQuery(scorecardApi.listSegments), select: (answer) => answer.items });
}

/** "How each of us is measured". */
export function useMeasured(asOf?: string) {
  return useQuery(apiQuery(scorecardApi.measured, { query: { asOf } }));
}

/** The business review. */
export function useReview(asOf: string | undefined, scope: "active" | "all") {
  return useQuery(reviewQuery(asOf, scope));
}

/** Active people with their teams, for the owner pickers. */
export function useScorecardPeople() {
  return useQuery(activePeopleQuery);
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => invalidateScorecard(queryClient);
}

/** Creates an objective. */
export function useCreateObjective() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof scorecardApi.createObjective>) => call(scorecardApi.createObjective, { body }),
    onSuccess: invalidate,
  });
}

/** Edits an objective; a stale `version` is answered with 409 conflict. */
export function useUpdateObjective() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof scorecardApi.editObjective> }) =>
      call(scorecardApi.editObjective, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Creates a KPI under an objective. */
export function useCreateKpi() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof kpisApi.create>) => call(kpisApi.create, { body }),
    onSuccess: invalidate,
  });
}

/** Edits a KPI. */
export function useUpdateKpi() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof kpisApi.edit> }) =>
      call(kpisApi.edit, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Replaces what is linked to a KPI. */
export function useSetKpiLinks() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof kpisApi.setLinks> }) =>
      call(kpisApi.setLinks, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Records a check-in. */
export function useCheckIn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof kpisApi.recordMeasurement> }) =>
      call(kpisApi.recordMeasurement, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Recomputes a computed KPI now. */
export function useRecomputeKpi() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(kpisApi.recompute, { params: { id } }),
    onSuccess: invalidate,
  });
}

/** Creates a customer segment. */
export function useCreateSegment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof scorecardApi.createSegment>) => call(scorecardApi.createSegment, { body }),
    onSuccess: invalidate,
  });
}

/** Edits a customer segment. */
export function useUpdateSegment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof scorecardApi.editSegment> }) =>
      call(scorecardApi.editSegment, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
