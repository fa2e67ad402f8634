import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { sessionsApi } from "#contracts/api/sessions";
import { call, keyOf } from "../../../lib/api";
import { apiPages } from "../../../lib/api-query";
import type { SessionScope } from "../api";

/** Live sessions, newest activity first, with "load more". */
export function useSessions(scope: SessionScope) {
  return useInfiniteQuery(
    apiPages(sessionsApi.list, { query: { userId: scope === "all" ? "all" : undefined, limit: 50 } }),
  );
}

/** Ends a session and refreshes the lists. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(sessionsApi.end, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyOf(sessionsApi.list) }),
  });
}
