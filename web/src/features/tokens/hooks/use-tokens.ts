import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateApiTokenBody } from "#contracts/people";
import { createToken, listTokens, revokeToken, type TokenScopeFilter } from "../api";

/** Live API tokens, newest first, with "load more". */
export function useTokens(scope: TokenScopeFilter) {
  return useInfiniteQuery({
    queryKey: ["tokens", scope],
    queryFn: ({ pageParam }) => listTokens(scope, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Creates a token and refreshes the lists. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => createToken(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

/** Revokes a token and refreshes the lists. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["tokens"] }),
  });
}
