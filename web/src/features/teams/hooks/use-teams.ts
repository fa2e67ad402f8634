import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { teamsApi } from "#contracts/api/people";
import type { CreateTeamBody, UpdateTeamBody } from "#contracts/people";
import { call, keyOf } from "../../../lib/api";
import { apiAll } from "../../../lib/api-query";

/**
 * Every team of the workspace with its active member count, by name: one query (one key, one fetch) for every
 * page that needs the teams.
 */
export const teamsQuery = apiAll(teamsApi.list, { query: { sort: "name" } });

/** The workspace's teams with member counts. */
export function useTeams() {
  return useQuery(teamsQuery);
}

/** Adds a team. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => call(teamsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(teamsApi.list) }),
  });
}

/** Renames a team or changes its kind; refetches on success and on conflict. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTeamBody }) => call(teamsApi.update, { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyOf(teamsApi.list) }),
  });
}
