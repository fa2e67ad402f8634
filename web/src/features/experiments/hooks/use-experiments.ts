import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddSnapshotBody,
  CreateExperimentBody,
  DecideExperimentBody,
  ExperimentStatus,
  ImportSnapshotBody,
  SampleSizeBody,
  UpdateExperimentBody,
} from "#contracts/experiments";
import {
  addSnapshot,
  createExperiment,
  decideExperiment,
  type ExperimentFilters,
  getExperiment,
  getResults,
  importSnapshot,
  type LearningFilters,
  listActivePeople,
  listExperiments,
  listLearnings,
  listSnapshots,
  planSampleSize,
  transitionExperiment,
  updateExperiment,
} from "../api";

const PAGE_SIZE = 50;

/** Experiments matching the filters, a page at a time. */
export function useExperiments(filters: ExperimentFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ["experiments", "list", filters],
      queryFn: ({ pageParam }) => listExperiments({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    }),
  );
}

/** The learning library, a page at a time. */
export function useLearnings(filters: LearningFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ["experiments", "learnings", filters],
      queryFn: ({ pageParam }) => listLearnings({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    }),
  );
}

/** One experiment, fresh (with the version an edit needs). */
export function useExperiment(id: string) {
  return useQuery({ queryKey: ["experiments", "one", id], queryFn: () => getExperiment(id) });
}

/** The latest analysed results of an experiment. */
export function useResults(id: string) {
  return useQuery({ queryKey: ["experiments", "results", id], queryFn: () => getResults(id) });
}

/** The snapshots entered for an experiment. */
export function useSnapshots(id: string) {
  return useQuery({ queryKey: ["experiments", "snapshots", id], queryFn: () => listSnapshots(id) });
}

/** Active people, for owner pickers. */
export function useActivePeople() {
  return useQuery({ queryKey: ["users", "all-active"], queryFn: listActivePeople, staleTime: 60_000 });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["experiments"] });
}

/** Writes down a new hypothesis. */
export function useCreateExperiment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateExperimentBody) => createExperiment(body), onSuccess: invalidate });
}

/** Edits an experiment; afterwards (also after a conflict) it is refetched. */
export function useUpdateExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateExperimentBody }) => updateExperiment(id, body),
    onSettled: invalidate,
  });
}

/** Starts, stops or resumes. */
export function useTransitionExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, status }: { id: string; version: number; status: ExperimentStatus }) =>
      transitionExperiment(id, version, status),
    onSettled: invalidate,
  });
}

/** Decides. */
export function useDecideExperiment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideExperimentBody }) => decideExperiment(id, body),
    onSettled: invalidate,
  });
}

/** Adds a result snapshot. */
export function useAddSnapshot() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AddSnapshotBody }) => addSnapshot(id, body),
    onSuccess: invalidate,
  });
}

/** Imports (or previews) a CSV snapshot. */
export function useImportSnapshot() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportSnapshotBody }) => importSnapshot(id, body),
    onSuccess: (result) => {
      if (!result.dryRun) void invalidate();
    },
  });
}

/** Plans a sample size (stateless). */
export function usePlanSampleSize() {
  return useMutation({ mutationFn: (body: SampleSizeBody) => planSampleSize(body) });
}
