import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApproveTermBody,
  CreateTermBody,
  RejectTermBody,
  ResolveClashBody,
  UpdateTermBody,
} from "#contracts/glossary";
import {
  annotate,
  approveTerm,
  createTerm,
  getTerm,
  listClashes,
  listTerms,
  loadStarter,
  proposeTerm,
  rejectTerm,
  resolveClash,
  type TermFilters,
  updateTerm,
} from "../api";

const PAGE_SIZE = 50;

/** Terms matching the filters, a page at a time. */
export function useTerms(filters: TermFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ["glossary", "terms", filters],
      queryFn: ({ pageParam }) => listTerms({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    }),
  );
}

/** One term. */
export function useTerm(id: string) {
  return useQuery({ queryKey: ["glossary", "term", id], queryFn: () => getTerm(id) });
}

/** Clashes by status. */
export function useClashes(status: "open" | "resolved" | "all" = "open") {
  return useQuery({ queryKey: ["glossary", "clashes", status], queryFn: () => listClashes(status) });
}

/**
 * The glossary's terms in a text. Kept per text for a minute; any glossary change refetches (the answer names the
 * glossary version it was built at).
 */
export function useAnnotation(text: string, enabled = true) {
  return useQuery({
    queryKey: ["glossary", "annotate", text],
    queryFn: ({ signal }) => annotate(text, signal),
    enabled: enabled && text.trim().length > 0,
    staleTime: 60_000,
    retry: false,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["glossary"] });
}

/** Writes a new term. */
export function useCreateTerm() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateTermBody) => createTerm(body), onSuccess: invalidate });
}

/** Edits a term. */
export function useUpdateTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTermBody }) => updateTerm(id, body),
    onSuccess: invalidate,
  });
}

/** Sends a draft for review. */
export function useProposeTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => proposeTerm(id, version),
    onSuccess: invalidate,
  });
}

/** Approves the pending revision. */
export function useApproveTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApproveTermBody }) => approveTerm(id, body),
    onSuccess: invalidate,
  });
}

/** Rejects the pending revision. */
export function useRejectTerm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RejectTermBody }) => rejectTerm(id, body),
    onSuccess: invalidate,
  });
}

/** Settles a clash. */
export function useResolveClash() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ResolveClashBody) => resolveClash(body), onSuccess: invalidate });
}

/** Loads the starter glossary. */
export function useLoadStarter() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: loadStarter, onSuccess: invalidate });
}
