import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { RouteAnswer, RouteSpec } from "#contracts/route";
import { type CallArgs, type CallInput, call, keyOf } from "./api";

/** A route whose answer is a page of a cursor list. */
type PagedRoute = RouteSpec & { method: "GET" };
type Item<S extends RouteSpec> = RouteAnswer<S> extends { items: (infer T)[] } ? T : never;
type Page<S extends RouteSpec> = RouteAnswer<S> & { items: Item<S>[]; nextCursor: string | null };

/**
 * The query of a GET route declared in `contracts/api`: its key (`keyOf`) and its fetch, for `useQuery`,
 * `useSuspenseQuery` and a route's loader alike.
 */
export function apiQuery<S extends RouteSpec>(spec: S, ...[input]: CallArgs<S>) {
  return queryOptions({
    queryKey: keyOf(spec, input),
    queryFn: ({ signal }) => (call as CallOf<S>)(spec, input, { signal }),
  });
}

type CallOf<S extends RouteSpec> = (
  spec: S,
  input: CallInput<S> | undefined,
  options: { signal?: AbortSignal },
) => Promise<RouteAnswer<S>>;

/** A cursor list read a page at a time ("Load more"); `cursor` is filled in by each page's `nextCursor`. */
export function apiPages<S extends PagedRoute>(spec: S, ...[input]: CallArgs<S>) {
  return infiniteQueryOptions({
    queryKey: [...keyOf(spec, input), "pages"],
    queryFn: ({ pageParam, signal }) => fetchPage(spec, input, pageParam, undefined, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<S>) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The most pages `apiAll` follows, so a huge workspace cannot hang a page: 50 × 200 rows. */
const maxPages = 50;

/** Every item of a cursor list, followed through its pages 200 at a time (for pickers, charts and graphs). */
export function apiAll<S extends PagedRoute>(spec: S, ...[input]: CallArgs<S>) {
  return queryOptions({
    queryKey: [...keyOf(spec, input), "all"],
    queryFn: ({ signal }) => fetchAll(spec, input, signal),
  });
}

/** Follows a cursor list to its end (at most 50 pages of 200). */
export async function fetchAll<S extends PagedRoute>(
  spec: S,
  input: CallInput<S> | undefined,
  signal?: AbortSignal,
): Promise<Item<S>[]> {
  const items: Item<S>[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < maxPages; count++) {
    const page = await fetchPage(spec, input, cursor, 200, signal);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

function fetchPage<S extends RouteSpec>(
  spec: S,
  input: CallInput<S> | undefined,
  cursor: string | undefined,
  limit: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Page<S>> {
  const given = (input ?? {}) as { query?: Record<string, unknown> };
  const query = { ...given.query, ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) };
  return (call as CallOf<S>)(spec, { ...input, query } as CallInput<S>, { signal }) as Promise<Page<S>>;
}
