import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { listSessions, revokeSession, type SessionScope } from "../api";

/** Live sessions, newest activity first, with "load more". */
export function useSessions(scope: SessionScope) {
  return useInfiniteQuery({
    queryKey: ["sessions", scope],
    queryFn: ({ pageParam }) => listSessions(scope, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Ends a session and refreshes the lists. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });
}
