import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { glossaryApi } from "#contracts/api/glossary";
import type { RouteBody } from "#contracts/route";
import { call, keyOf } from "../../../lib/api";
import { apiPages, apiQuery } from "../../../lib/api-query";
import type { TermFilters } from "../api";

const PAGE_SIZE = 50;

/** Terms matching the filters, a page at a time. */
export function useTerms(filters: TermFilters) {
  return useInfiniteQuery(apiPages(glossaryApi.listTerms, { query: { ...filters, limit: PAGE_SIZE } }));
}

/** One term with its shown and pending revisions. */
export function useTerm(id: string) {
  return useQuery(termQuery(id));
}

export const termQuery = (id: string) => apiQuery(glossaryApi.getTerm, { params: { id } });

/** Clashes by status: the same name or acronym with different meanings. */
export function useClashes(status: "open" | "resolved" | "all" = "open") {
  return useQuery(apiQuery(glossaryApi.listClashes, { query: { status } }));
}

/**
 * The glossary's terms in a text. Kept per text for a minute; any glossary change refetches (the answer names the
 * glossary version it was built at). A POST read as a query: the text is part of its key.
 */
export function useAnnotation(text: string, enabled = true) {
  return useQuery({
    queryKey: [...keyOf(glossaryApi.annotate), text],
    queryFn: ({ signal }) => call(glossaryApi.annotate, { body: { text } }, { signal }),
    enabled: enabled && text.trim().length > 0,
    staleTime: 60_000,
    retry: false,
  });
}

/** What a glossary change can move: the terms (lists and each term), the clashes and every annotated text. */
const glossaryKeys = [keyOf(glossaryApi.listTerms), keyOf(glossaryApi.listClashes), keyOf(glossaryApi.annotate)];

/** Marks every glossary query stale (refetching those on screen). */
export function invalidateGlossary(queryClient: QueryClient) {
  return Promise.all(glossaryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => invalidateGlossary(queryClient);
}

/** Writes a new term (a draft, or proposed straight away). */
export function useCreateTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof glossaryApi.createTerm>) => call(glossaryApi.createTerm, { body }),
    onSuccess: invalidate,
  });
}

/** Edits a term; on an approved term this proposes a revision. */
export function useUpdateTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof glossaryApi.updateTerm> }) =>
      call(glossaryApi.updateTerm, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Sends a draft for review. */
export function useProposeTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(glossaryApi.proposeTerm, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

/** Approves the pending revision for one's side. */
export function useApproveTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof glossaryApi.approveTerm> }) =>
      call(glossaryApi.approveTerm, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Rejects the pending revision with a reason. */
export function useRejectTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBody<typeof glossaryApi.rejectTerm> }) =>
      call(glossaryApi.rejectTerm, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** Settles a clash: one meaning, or both with their contexts. */
export function useResolveClash() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RouteBody<typeof glossaryApi.resolveClash>) => call(glossaryApi.resolveClash, { body }),
    onSuccess: invalidate,
  });
}

/** Loads the starter glossary (about 120 marketing and IT terms) as proposed terms. */
export function useLoadStarter() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call(glossaryApi.loadStarter), onSuccess: invalidate });
}
