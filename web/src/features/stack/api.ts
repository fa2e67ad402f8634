import type { z } from "zod";
import type { User } from "../../../../contracts/people";
import type {
  ComplianceSummary,
  CreateIntegrationBody,
  CreateToolBody,
  Integration,
  OverlapList,
  RenewalList,
  StackGraph,
  Taxonomy,
  Tool,
  ToolListQuery,
  UpdateToolBody,
} from "../../../../contracts/stack";
import { api } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters of the catalog, as the URL keeps them. */
export type ToolFilters = Partial<Pick<ToolListQuery, "q" | "category" | "status" | "lifecycle" | "sort">> & {
  archived?: "true";
  needsOwner?: "true";
};

/** A page of tools matching the filters. */
export function listTools(query: ToolFilters & { cursor?: string; limit?: number }) {
  return api<Page<Tool>>("/tools", { query });
}

/** One tool, with what Tandem computes about it. */
export function getTool(id: string) {
  return api<Tool>(`/tools/${id}`);
}

/** Adds a tool to the catalog. */
export function createTool(body: CreateToolBody) {
  return api<Tool>("/tools", { method: "POST", body });
}

/** Edits a tool; a stale `version` is answered with 409 conflict. */
export function updateTool(id: string, body: UpdateToolBody) {
  return api<Tool>(`/tools/${id}`, { method: "PATCH", body });
}

/** Archives or restores a tool. */
export function setToolArchived(id: string, version: number, archived: boolean) {
  return api<Tool>(`/tools/${id}/${archived ? "archive" : "restore"}`, { method: "POST", body: { version } });
}

/** A page of integrations, optionally of one tool. */
export function listIntegrations(query: { toolId?: string; cursor?: string; limit?: number }) {
  return api<Page<Integration>>("/integrations", { query });
}

/** Connects two tools. */
export function createIntegration(body: CreateIntegrationBody) {
  return api<Integration>("/integrations", { method: "POST", body });
}

/** Removes an integration. */
export function deleteIntegration(id: string) {
  return api<void>(`/integrations/${id}`, { method: "DELETE" });
}

/** Every page of a cursor list, followed to its end (capped so a huge workspace cannot hang the page). */
export async function listAll<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < maxPages; count++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Everyone active in the workspace, for owner pickers. */
export function listAllUsers() {
  return listAll((cursor) => api<Page<User>>("/users", { query: { limit: 200, cursor, status: "active" } }));
}

/** Every live tool and every integration between them, in one request: what the graph draws. */
export function getStackGraph() {
  return api<z.infer<typeof StackGraph>>("/stack/graph");
}

/** The martech taxonomy: six categories and their subcategories. */
export function getTaxonomy() {
  return api<z.infer<typeof Taxonomy>>("/stack/taxonomy");
}

/** Tools of one subcategory that share capabilities. */
export function listOverlaps() {
  return api<z.infer<typeof OverlapList>>("/stack/overlaps");
}

/** Contracts whose cancel-by date falls within the next `withinDays` days. */
export function listRenewals(withinDays: number) {
  return api<z.infer<typeof RenewalList>>("/stack/renewals", { query: { withinDays } });
}

/** The workspace's compliance: counts and every tool's gaps. */
export function getCompliance() {
  return api<z.infer<typeof ComplianceSummary>>("/stack/compliance");
}
