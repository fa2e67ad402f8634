import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { stackApi } from "#contracts/api/stack";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { CreateIntegrationBody, CreateToolBody, UpdateToolBody } from "#contracts/stack";
import { call, keyOf } from "../../../lib/api";
import { apiAll, apiPages, apiQuery } from "../../../lib/api-query";
import { activePeopleQuery } from "../../people/hooks/use-people";
import type { ToolFilters } from "../api";

const PAGE_SIZE = 50;

/** Every query under /stack/… (the graph, taxonomy, overlaps, renewals, compliance and discovery). */
export const stackKey = ["stack"] as const;

/** The catalog with "load more". */
export function useTools(filters: ToolFilters) {
  return useInfiniteQuery(toolsPages(filters));
}

/** The catalog's pages for the filters (the page's hook and its route loader ask for the same). */
export function toolsPages(filters: ToolFilters) {
  return apiPages(stackToolsApi.listTools, { query: { ...filters, limit: PAGE_SIZE } });
}

/** Every live tool (followed through all pages), for the graph, charts and pickers. */
export function useAllTools() {
  return useQuery(apiAll(stackToolsApi.listTools));
}

/** The whole live stack for the graph: tools and integrations in one request. */
export function useStackGraph() {
  // Under "stack", so every Stack mutation's invalidation refreshes it.
  return useQuery(apiQuery(stackApi.graph));
}

/** One tool, fresh (with the version an edit needs). */
export function useTool(id: string) {
  return useQuery(toolQuery(id));
}

export const toolQuery = (id: string) => apiQuery(stackToolsApi.getTool, { params: { id } });

/** The integrations in and out of one tool. */
export function useToolIntegrations(toolId: string) {
  return useQuery(apiAll(stackToolsApi.listIntegrations, { query: { toolId } }));
}

/** The martech taxonomy; it rarely changes. */
export function useTaxonomy() {
  return useQuery({ ...apiQuery(stackApi.taxonomy), staleTime: 10 * 60_000 });
}

/** Overlapping tools. */
export function useOverlaps() {
  return useQuery(apiQuery(stackApi.overlaps));
}

/** Renewals coming up. */
export function useRenewals(withinDays: number) {
  return useQuery(apiQuery(stackApi.renewals, { query: { withinDays } }));
}

/** The compliance summary. */
export function useCompliance() {
  return useQuery(apiQuery(stackApi.compliance));
}

/** Active people of the workspace, for owner pickers. */
export function useActiveUsers() {
  return useQuery(activePeopleQuery);
}

function useInvalidateStack() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keyOf(stackToolsApi.listTools) }),
      queryClient.invalidateQueries({ queryKey: keyOf(stackToolsApi.listIntegrations) }),
      queryClient.invalidateQueries({ queryKey: stackKey }),
    ]);
}

/** Adds a tool. */
export function useCreateTool() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: (body: CreateToolBody) => call(stackToolsApi.createTool, { body }),
    onSuccess: invalidate,
  });
}

/** Edits a tool; afterwards (also after a conflict) the tool is refetched. */
export function useUpdateTool() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateToolBody }) =>
      call(stackToolsApi.updateTool, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** Archives or restores a tool. */
export function useSetToolArchived() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      call(archived ? stackToolsApi.archiveTool : stackToolsApi.restoreTool, { params: { id }, body: { version } }),
    onSettled: invalidate,
  });
}

/** Connects two tools. */
export function useCreateIntegration() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: (body: CreateIntegrationBody) => call(stackToolsApi.createIntegration, { body }),
    onSuccess: invalidate,
  });
}

/** Removes an integration. */
export function useDeleteIntegration() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: (id: string) => call(stackToolsApi.removeIntegration, { params: { id } }),
    onSettled: invalidate,
  });
}
