import type { User } from "#contracts/people";
import type { RequestListQuery, Stage } from "#contracts/pipeline";
import type { Tool } from "#contracts/stack";
import { api } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters of the backlog, as the URL keeps them. */
export type RequestFilters = Partial<
  Pick<RequestListQuery, "q" | "type" | "priority" | "teamId" | "sponsorId" | "breached" | "waitingOn">
> & { stage?: Stage | "open" | "in_flight" };

/** Every page of a cursor list, capped (people, teams and tools have no declared routes yet). */
async function listAll<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20) {
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

/** Everyone active, for the people pickers. */
export function listPeople() {
  return listAll((cursor) => api<Page<User>>("/users", { query: { limit: 200, cursor, status: "active" } }));
}

/** Every team, for the filters. */
export function listTeams() {
  return listAll((cursor) =>
    api<Page<{ id: string; name: string; kind: string }>>("/teams", { query: { limit: 200, cursor } }),
  );
}

/** The Stack's live tools, for planning and alternatives. */
export function listTools() {
  return listAll((cursor) => api<Page<Tool>>("/tools", { query: { limit: 200, cursor } }));
}
