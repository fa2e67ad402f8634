import type { z } from "zod";
import type { AuditEvent } from "#contracts/audit";
import type { User } from "#contracts/people";
import type {
  ComplianceSummary,
  CreateIntegrationBody,
  CreateToolBody,
  ExpenseImportList,
  ImportExpensesResult,
  ImportToolsResult,
  Integration,
  OverlapList,
  RenewalList,
  ShadowCandidate,
  StackCategory,
  StackGraph,
  Taxonomy,
  Tool,
  ToolListQuery,
  UpdateTaxonomyBody,
  UpdateToolBody,
} from "#contracts/stack";
import { api, csvForm } from "../../lib/api";

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

/** Whether I have a renewals calendar feed. */
export function getCalendarFeed() {
  return api<{ active: boolean; createdAt: string | null }>("/me/calendar-feed");
}

/**
 * Creates (or replaces) my secret calendar address; the secret is returned once. `calendarPath` is my one feed
 * (the renewals and my meetings), `path` the same secret on the renewals-only feed.
 */
export function rotateCalendarFeed() {
  return api<{ path: string; calendarPath: string; createdAt: string }>("/me/calendar-feed", { method: "POST" });
}

/** Revokes my renewals calendar address. */
export function revokeCalendarFeed() {
  return api<{ ok: true }>("/me/calendar-feed", { method: "DELETE" });
}

/** Checks (dry run) or imports a catalog CSV file: all lines or none. */
export function importTools({ csv, ...fields }: { csv: string; dryRun: boolean; onlyValid?: boolean }) {
  return api<ImportToolsResult>("/tools/import", { method: "POST", body: csvForm(csv, fields, "tools.csv") });
}

/** Who changed a tool, what and when, newest first. */
export function getToolHistory(id: string, cursor?: string) {
  return api<Page<AuditEvent>>(`/tools/${id}/history`, { query: { cursor, limit: 20 } });
}

/** Checks (dry run) or imports an expense statement for shadow-IT discovery. */
export function importExpenses({
  csv,
  ...fields
}: {
  fileName: string;
  csv: string;
  mode: "dry_run" | "import" | "import_valid";
}) {
  return api<ImportExpensesResult>("/stack/discovery/imports", {
    method: "POST",
    body: csvForm(csv, fields, fields.fileName),
  });
}

/** Statements imported so far. */
export function listExpenseImports() {
  return api<z.infer<typeof ExpenseImportList>>("/stack/discovery/imports");
}

/** Shadow-IT candidates: software-like spend on merchants in no catalog tool. */
export function listShadowCandidates() {
  return api<{ items: ShadowCandidate[] }>("/stack/discovery/candidates");
}

/** Brings a candidate into the catalog as shadow and opens its purchase review. */
export function adoptCandidate(body: {
  merchantKey: string;
  name: string;
  vendor: string;
  category: StackCategory;
  subcategory: string;
}) {
  return api<{ toolId: string; requestId: string; requestNumber: number }>("/stack/discovery/candidates/adopt", {
    method: "POST",
    body,
  });
}

/** Stops proposing a merchant. */
export function dismissCandidate(body: { merchantKey: string; reason: string }) {
  return api<{ ok: true }>("/stack/discovery/candidates/dismiss", { method: "POST", body });
}

/** Replaces the workspace's subcategories (admins). */
export function updateTaxonomy(body: UpdateTaxonomyBody) {
  return api<z.infer<typeof Taxonomy>>("/stack/taxonomy", { method: "PUT", body });
}
