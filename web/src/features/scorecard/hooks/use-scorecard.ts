import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateKpiBody,
  CreateMeasurementBody,
  CreateObjectiveBody,
  CreateSegmentBody,
  SetKpiLinksBody,
  UpdateKpiBody,
  UpdateObjectiveBody,
  UpdateSegmentBody,
} from "#contracts/scorecard";
import {
  createKpi,
  createMeasurement,
  createObjective,
  createSegment,
  getKpi,
  getKpiSeries,
  getMeasured,
  listKpis,
  listMeasurements,
  listObjectives,
  listPeople,
  listSegments,
  recomputeKpi,
  setKpiLinks,
  updateKpi,
  updateObjective,
  updateSegment,
} from "../api";
import { reviewQuery } from "./review-query";

/** Every objective and every KPI read as of a date: the scorecard page's data. */
export function useScorecard(asOf: string | undefined) {
  const objectives = useQuery({ queryKey: ["scorecard", "objectives"], queryFn: listObjectives });
  const kpis = useQuery({ queryKey: ["scorecard", "kpis", asOf ?? "today"], queryFn: () => listKpis({ asOf }) });
  return { objectives, kpis };
}

/** Every objective, for pickers. */
export function useObjectives() {
  return useQuery({ queryKey: ["scorecard", "objectives"], queryFn: listObjectives });
}

/** One KPI with its links, as of a date. */
export function useKpi(id: string, asOf?: string) {
  return useQuery({ queryKey: ["scorecard", "kpi", id, asOf ?? "today"], queryFn: () => getKpi(id, asOf) });
}

/** A KPI's chart series. */
export function useKpiSeries(id: string) {
  return useQuery({ queryKey: ["scorecard", "series", id], queryFn: () => getKpiSeries(id) });
}

/** A KPI's check-in timeline, a page at a time (five years of weekly values are 260 of them). */
export function useMeasurements(id: string) {
  return useInfiniteQuery({
    queryKey: ["scorecard", "measurements", id],
    queryFn: ({ pageParam }) => listMeasurements(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Customer segments, most important first. */
export function useSegments() {
  return useQuery({ queryKey: ["scorecard", "segments"], queryFn: async () => (await listSegments()).items });
}

/** "How each of us is measured". */
export function useMeasured(asOf?: string) {
  return useQuery({ queryKey: ["scorecard", "measured", asOf ?? "today"], queryFn: () => getMeasured(asOf) });
}

/** The business review. */
export function useReview(asOf: string | undefined, scope: "active" | "all") {
  return useQuery(reviewQuery(asOf, scope));
}

/** Active people with their teams, for the owner pickers. */
export function useScorecardPeople() {
  return useQuery({ queryKey: ["scorecard", "people"], queryFn: listPeople, staleTime: 60_000 });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["scorecard"] });
}

/** Creates an objective. */
export function useCreateObjective() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateObjectiveBody) => createObjective(body), onSuccess: invalidate });
}

/** Edits an objective. */
export function useUpdateObjective() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateObjectiveBody }) => updateObjective(id, body),
    onSuccess: invalidate,
  });
}

/** Creates a KPI. */
export function useCreateKpi() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateKpiBody) => createKpi(body), onSuccess: invalidate });
}

/** Edits a KPI. */
export function useUpdateKpi() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateKpiBody }) => updateKpi(id, body),
    onSuccess: invalidate,
  });
}

/** Replaces a KPI's links. */
export function useSetKpiLinks() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SetKpiLinksBody }) => setKpiLinks(id, body),
    onSuccess: invalidate,
  });
}

/** Records a check-in. */
export function useCheckIn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateMeasurementBody }) => createMeasurement(id, body),
    onSuccess: invalidate,
  });
}

/** Recomputes a computed KPI. */
export function useRecomputeKpi() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => recomputeKpi(id), onSuccess: invalidate });
}

/** Creates a customer segment. */
export function useCreateSegment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateSegmentBody) => createSegment(body), onSuccess: invalidate });
}

/** Edits a customer segment. */
export function useUpdateSegment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSegmentBody }) => updateSegment(id, body),
    onSuccess: invalidate,
  });
}
