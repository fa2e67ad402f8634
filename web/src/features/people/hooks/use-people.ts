import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UpdateUserBody } from "#contracts/people";
import { getUser, listUsers, type PeopleFilters, updateUser } from "../api";

const PAGE_SIZE = 25;

/** People matching the filters, a page at a time. */
export function peopleQuery(filters: PeopleFilters) {
  return infiniteQueryOptions({
    queryKey: ["users", filters],
    queryFn: ({ pageParam }) => listUsers({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
    // People join by accepting an invitation in their own browser: opening the list always asks again.
    refetchOnMount: "always",
  });
}

/** People matching the filters, with "load more". */
export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery(peopleQuery(filters));
}

/** Edits a person; afterwards (also after a conflict) the lists are refreshed. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["users"] }),
        queryClient.invalidateQueries({ queryKey: ["teams"] }),
        queryClient.invalidateQueries({ queryKey: ["me"] }),
      ]);
    },
  });
}

/** One person, fresh (with the version an edit needs). */
export function usePerson(id: string) {
  return useQuery({ queryKey: ["users", "one", id], queryFn: () => getUser(id) });
}
