import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { tokensApi } from "#contracts/api/tokens";
import type { CreateApiTokenBody } from "#contracts/people";
import { call, keyOf } from "../../../lib/api";
import { apiPages } from "../../../lib/api-query";
import type { TokenScopeFilter } from "../api";

/** Live API tokens, newest first, with "load more". */
export function useTokens(scope: TokenScopeFilter) {
  return useInfiniteQuery(
    apiPages(tokensApi.list, { query: { userId: scope === "all" ? "all" : undefined, limit: 50 } }),
  );
}

/** Creates a token and refreshes the lists. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => call(tokensApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(tokensApi.list) }),
  });
}

/** Revokes a token and refreshes the lists. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(tokensApi.revoke, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyOf(tokensApi.list) }),
  });
}
