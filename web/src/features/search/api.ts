import type { SearchResponse } from "#contracts/search";
import { api } from "../../lib/api";

/** Records and pages matching the words (or a request number), best first. */
export function searchEverything(q: string, signal?: AbortSignal) {
  return api<SearchResponse>("/search", { query: { q, limit: 12 }, signal });
}
