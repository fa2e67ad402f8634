import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authApi } from "#contracts/api/auth";
import { teamsApi, usersApi } from "#contracts/api/people";
import type { UpdateUserBody } from "#contracts/people";
import { call, keyOf } from "../../../lib/api";
import { apiAll, apiPages, apiQuery } from "../../../lib/api-query";
import type { PeopleFilters } from "../api";

const PAGE_SIZE = 25;

/** People matching the filters, a page at a time. */
export function peopleQuery(filters: PeopleFilters) {
  return {
    ...apiPages(usersApi.list, { query: { ...filters, limit: PAGE_SIZE } }),
    // People join by accepting an invitation in their own browser: opening the list always asks again.
    refetchOnMount: "always" as const,
  };
}

/** People matching the filters, with "load more". */
export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery(peopleQuery(filters));
}

/**
 * Every active person, for pickers and owner names: one query (one key, one fetch) for every page that needs
 * the workspace's people.
 */
export const activePeopleQuery = { ...apiAll(usersApi.list, { query: { status: "active" } }), staleTime: 60_000 };

/** Every active person of the workspace. */
export function useActivePeople() {
  return useQuery(activePeopleQuery);
}

/** Edits a person; afterwards (also after a conflict) the lists are refreshed. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => call(usersApi.update, { params: { id }, body }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keyOf(usersApi.list) }),
        queryClient.invalidateQueries({ queryKey: keyOf(teamsApi.list) }),
        queryClient.invalidateQueries({ queryKey: keyOf(authApi.me) }),
      ]);
    },
  });
}

/** One person, fresh (with the version an edit needs). */
export function usePerson(id: string) {
  return useQuery(apiQuery(usersApi.get, { params: { id } }));
}
