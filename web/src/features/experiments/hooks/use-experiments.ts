import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { experimentsApi, statsApi } from "#contracts/api/experiments";
import type { ExperimentStatus } from "#contracts/experiments";
import type { RouteBody } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiPages, apiQuery } from "../../../lib/api-query";
import { activePeopleQuery } from "../../people/hooks/use-people";
import type { ExperimentFilters, LearningFilters } from "../api";

/** Experiments matching the filters, a page at a time. */
export function useExperiments(filters: ExperimentFilters) {
  return useInfiniteQuery(experimentsPages(filters));
}

export const experimentsPages = (filters: ExperimentFilters) => apiPages(experimentsApi.list, { query: filters });

/** The learning library, a page at a time. */
export function useLearnings(filters: LearningFilters) {
  return useInfiniteQuery(apiPages(experimentsApi.learnings, { query: filters }));
}

/** One experiment, fresh (with the version an edit needs). */
export function useExperiment(id: string) {
  return useQuery(experimentQuery(id));
}

export const experimentQuery = (id: string) => apiQuery(experimentsApi.get, { params: { id } });

/** The latest analysed results of an experiment. */
export function useResults(id: string) {
  return useQuery(apiQuery(experimentsApi.results, { params: { id } }));
}

/** The snapshots entered for an experiment. */
export function useSnapshots(id: string) {
  return useQuery(apiQuery(experimentsApi.snapshots, { params: { id } }));
}

/** Active people, for owner pickers. */
export function useActivePeople() {
  return useQuery(activePeopleQuery);
}

/** Refreshes every experiments query (lists, learnings, one experiment and its results). */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keyOf(experimentsApi.list) });
}

/** Writes down a new hypothesis. */
export function useCreateExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof experimentsApi.create>) => call(experimentsApi.create, { body }),
    onSuccess: invalidate,
  });
}

/** Edits an experiment; a stale `version` is answered with 409 conflict. Afterwards (also after a conflict) it is refetched. */
export function useUpdateExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof experimentsApi.update> }) =>
      call(experimentsApi.update, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** Starts, stops or resumes. */
export function useTransitionExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, status }: { id: string; version: number; status: ExperimentStatus }) =>
      call(experimentsApi.transition, { params: { id }, body: { version, status } }),
    onSettled: invalidate,
  });
}

/** Decides. */
export function useDecideExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof experimentsApi.decide> }) =>
      call(experimentsApi.decide, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** Adds a result snapshot. */
export function useAddSnapshot() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof experimentsApi.addSnapshot> }) =>
      call(experimentsApi.addSnapshot, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Imports (or previews) a CSV snapshot. */
export function useImportSnapshot() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof experimentsApi.importSnapshot> }) =>
      call(experimentsApi.importSnapshot, { params: { id }, body }),
    onSuccess: (result) => {
      if (!result.dryRun) void invalidate();
    },
  });
}

/** Plans a sample size (stateless). */
export function usePlanSampleSize() {
  return useMutation({
    mutationFn: (body: RouteBody<typeof statsApi.sampleSize>) => call(statsApi.sampleSize, { body }),
  });
}
