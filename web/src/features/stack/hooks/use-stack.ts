import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateIntegrationBody, CreateToolBody, UpdateToolBody } from "#contracts/stack";
import {
  createIntegration,
  createTool,
  deleteIntegration,
  getCompliance,
  getStackGraph,
  getTaxonomy,
  getTool,
  listAll,
  listAllUsers,
  listIntegrations,
  listOverlaps,
  listRenewals,
  listTools,
  setToolArchived,
  type ToolFilters,
  updateTool,
} from "../api";

const PAGE_SIZE = 50;

/** Tools matching the filters, a page at a time. */
export function toolsQuery(filters: ToolFilters) {
  return infiniteQueryOptions({
    queryKey: ["tools", "list", filters],
    queryFn: ({ pageParam }) => listTools({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The catalog with "load more". */
export function useTools(filters: ToolFilters) {
  return useInfiniteQuery(toolsQuery(filters));
}

/** Every live tool (followed through all pages), for the graph, charts and pickers. */
export function useAllTools() {
  return useQuery({
    queryKey: ["tools", "all"],
    queryFn: () => listAll((cursor) => listTools({ limit: 200, cursor })),
  });
}

/** The whole live stack for the graph: tools and integrations in one request. */
export function useStackGraph() {
  // Under "stack", so every Stack mutation's invalidation refreshes it.
  return useQuery({ queryKey: ["stack", "graph"], queryFn: getStackGraph });
}

/** One tool, fresh (with the version an edit needs). */
export function useTool(id: string) {
  return useQuery({ queryKey: ["tools", "one", id], queryFn: () => getTool(id) });
}

/** The integrations in and out of one tool. */
export function useToolIntegrations(toolId: string) {
  return useQuery({
    queryKey: ["integrations", "tool", toolId],
    queryFn: () => listAll((cursor) => listIntegrations({ toolId, limit: 200, cursor })),
  });
}

/** The martech taxonomy; it rarely changes. */
export function useTaxonomy() {
  return useQuery({ queryKey: ["stack", "taxonomy"], queryFn: getTaxonomy, staleTime: 10 * 60_000 });
}

/** Overlapping tools. */
export function useOverlaps() {
  return useQuery({ queryKey: ["stack", "overlaps"], queryFn: listOverlaps });
}

/** Renewals coming up. */
export function useRenewals(withinDays: number) {
  return useQuery({ queryKey: ["stack", "renewals", withinDays], queryFn: () => listRenewals(withinDays) });
}

/** The compliance summary. */
export function useCompliance() {
  return useQuery({ queryKey: ["stack", "compliance"], queryFn: getCompliance });
}

/** Active people of the workspace, for owner pickers. */
export function useActiveUsers() {
  return useQuery({ queryKey: ["users", "all-active"], queryFn: listAllUsers, staleTime: 60_000 });
}

function useInvalidateStack() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["tools"] }),
      queryClient.invalidateQueries({ queryKey: ["integrations"] }),
      queryClient.invalidateQueries({ queryKey: ["stack"] }),
    ]);
}

/** Adds a tool. */
export function useCreateTool() {
  const invalidate = useInvalidateStack();
  return useMutation({ mutationFn: (body: CreateToolBody) => createTool(body), onSuccess: invalidate });
}

/** Edits a tool; afterwards (also after a conflict) the tool is refetched. */
export function useUpdateTool() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateToolBody }) => updateTool(id, body),
    onSettled: invalidate,
  });
}

/** Archives or restores a tool. */
export function useSetToolArchived() {
  const invalidate = useInvalidateStack();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      setToolArchived(id, version, archived),
    onSettled: invalidate,
  });
}

/** Connects two tools. */
export function useCreateIntegration() {
  const invalidate = useInvalidateStack();
  return useMutation({ mutationFn: (body: CreateIntegrationBody) => createIntegration(body), onSuccess: invalidate });
}

/** Removes an integration. */
export function useDeleteIntegration() {
  const invalidate = useInvalidateStack();
  return useMutation({ mutationFn: (id: string) => deleteIntegration(id), onSettled: invalidate });
}
