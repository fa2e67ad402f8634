import { z } from "zod";

/** Limits of the search: the form and the server agree on them. */
export const SearchLimits = { queryMax: 200, limitDefault: 20, limitMax: 50, wordsMax: 8 } as const;

/** What a search hit is: a record of a module, or a page of the app. */
export const SearchKind = z.enum([
  "request",
  "tool",
  "vendor",
  "experiment",
  "person",
  "spend",
  "kpi",
  "objective",
  "term",
  "page",
]);
export type SearchKind = z.infer<typeof SearchKind>;

/** `GET /api/v1/search?q=…`: words (prefixes match) or a request number such as "REQ-87". */
export const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: "is required" }).max(SearchLimits.queryMax),
  limit: z.coerce.number().int().min(1).max(SearchLimits.limitMax).default(SearchLimits.limitDefault),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** One hit: what it is, its title, a line about it and where the app shows it. */
export const SearchHit = z.object({
  kind: SearchKind,
  /** The record's id (a page's path for pages, the vendor's name for vendors). */
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  url: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** The hits, best first. */
export const SearchResponse = z.object({ items: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;
