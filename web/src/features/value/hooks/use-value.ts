import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { attributionApi, journeysApi, spendApi } from "#contracts/api/value";
import type { RouteBody } from "#contracts/route";
import type { RunModel } from "#contracts/value";
import { call, keyOf } from "../../../lib/api";
import { apiPages, apiQuery } from "../../../lib/api-query";
import type { SpendFilters } from "../api";

/** The ledger, a page at a time. */
export function useSpend(filters: SpendFilters) {
  return useInfiniteQuery(apiPages(spendApi.list, { query: filters }));
}

/** Plan vs actual. */
export function useSpendSummary() {
  return useQuery(apiQuery(spendApi.summary));
}

/** Recent imports. */
export function useImports() {
  return useQuery(apiQuery(spendApi.imports));
}

/** Stored journey data. */
export function useJourneyData() {
  return useQuery(apiQuery(journeysApi.summary));
}

/** Attribution runs, a page at a time. */
export function useRuns() {
  return useInfiniteQuery({
    ...apiPages(attributionApi.listRuns),
    // While a run waits or computes, the list follows it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.items.some((run) => run.status === "queued" || run.status === "running"),
      )
        ? 2000
        : false,
  });
}

/** One run. */
export function useRun(id: string) {
  return useQuery({
    ...apiQuery(attributionApi.getRun, { params: { id } }),
    // A run in progress is polled until it is done or failed.
    refetchInterval: (query) =>
      query.state.data && (query.state.data.status === "queued" || query.state.data.status === "running") ? 700 : false,
  });
}

/** The which-half view of a run under one model. */
export function useWhichHalf(id: string, model?: RunModel) {
  return useQuery({
    ...apiQuery(attributionApi.whichHalf, { params: { id }, query: { model } }),
    placeholderData: (previous) => previous,
  });
}

/** The prefixes of every query Value reads: the ledger and its summary, imports, journey data, runs. */
const valueKeys = [
  keyOf(spendApi.list),
  keyOf(spendApi.imports),
  keyOf(journeysApi.summary),
  keyOf(attributionApi.listRuns),
];

/** Refreshes everything Value shows after a write. */
export function useInvalidateValue() {
  const client = useQueryClient();
  return () => Promise.all(valueKeys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** Adds a spend line. */
export function useCreateSpend() {
  const invalidate = useInvalidateValue();
  return useMutation({
    mutationFn: (body: RouteBody<typeof spendApi.create>) => call(spendApi.create, { body }),
    onSuccess: invalidate,
  });
}

/** Runs attribution. */
export function useCreateRun() {
  const invalidate = useInvalidateValue();
  return useMutation({
    mutationFn: (body: RouteBody<typeof attributionApi.createRun>) => call(attributionApi.createRun, { body }),
    onSuccess: invalidate,
  });
}

/** Cancels a queued or running run. */
export function useCancelRun() {
  const invalidate = useInvalidateValue();
  return useMutation({
    mutationFn: (id: string) => call(attributionApi.cancelRun, { params: { id } }),
    onSuccess: invalidate,
  });
}
