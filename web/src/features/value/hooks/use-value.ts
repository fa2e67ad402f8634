import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  cancelRun,
  createRun,
  createSpend,
  deleteSpend,
  getJourneyData,
  getRun,
  getSpendSummary,
  getWhichHalf,
  listImports,
  listRuns,
  listSpend,
  type SpendFilters,
} from "../api";

const PAGE_SIZE = 50;

/** The ledger, a page at a time. */
export function useSpend(filters: SpendFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ["value", "spend", filters],
      queryFn: ({ pageParam }) => listSpend({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    }),
  );
}

/** Plan vs actual. */
export function useSpendSummary() {
  return useQuery({ queryKey: ["value", "summary"], queryFn: () => getSpendSummary() });
}

/** Recent imports. */
export function useImports() {
  return useQuery({ queryKey: ["value", "imports"], queryFn: listImports });
}

/** Stored journey data. */
export function useJourneyData() {
  return useQuery({ queryKey: ["value", "journeys"], queryFn: getJourneyData });
}

/** Attribution runs, a page at a time. */
export function useRuns() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ["value", "runs"],
      queryFn: ({ pageParam }) => listRuns({ cursor: pageParam, limit: PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // While a run waits or computes, the list follows it.
      refetchInterval: (query) =>
        query.state.data?.pages.some((page) =>
          page.items.some((run) => run.status === "queued" || run.status === "running"),
        )
          ? 2000
          : false,
    }),
  );
}

/** One run. */
export function useRun(id: string) {
  return useQuery({
    queryKey: ["value", "run", id],
    queryFn: () => getRun(id),
    // A run in progress is polled until it is done or failed.
    refetchInterval: (query) =>
      query.state.data && (query.state.data.status === "queued" || query.state.data.status === "running") ? 700 : false,
  });
}

/** The which-half view of a run under one model. */
export function useWhichHalf(id: string, model?: string) {
  return useQuery({
    queryKey: ["value", "which-half", id, model ?? null],
    queryFn: () => getWhichHalf(id, model),
    placeholderData: (previous) => previous,
  });
}

/** Refreshes everything Value shows after a write. */
export function useInvalidateValue() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["value"] });
}

/** Adds a spend line. */
export function useCreateSpend() {
  const invalidate = useInvalidateValue();
  return useMutation({ mutationFn: createSpend, onSuccess: invalidate });
}

/** Removes a spend line. */
export function useDeleteSpend() {
  const invalidate = useInvalidateValue();
  return useMutation({ mutationFn: deleteSpend, onSuccess: invalidate });
}

/** Runs attribution. */
export function useCreateRun() {
  const invalidate = useInvalidateValue();
  return useMutation({ mutationFn: createRun, onSuccess: invalidate });
}

/** Cancels a queued or running run. */
export function useCancelRun() {
  const invalidate = useInvalidateValue();
  return useMutation({ mutationFn: cancelRun, onSuccess: invalidate });
}
