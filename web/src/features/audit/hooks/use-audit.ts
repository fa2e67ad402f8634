import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { listAudit, listAuditActions, verifyAudit } from "../api";

/** Audit events matching the filter, newest first, with "load more". */
export function useAuditEvents(filters: { action?: string }) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam }) => listAudit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Verifies the chain when asked (it reads every event, so not on page load). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}

/** The actions the log holds (for the filter). */
export function useAuditActions() {
  return useQuery({ queryKey: ["audit", "actions"], queryFn: listAuditActions, staleTime: 60_000 });
}
