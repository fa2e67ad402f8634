import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTeamBody, UpdateTeamBody } from "#contracts/people";
import { createTeam, listTeams, updateTeam } from "../api";

/** The workspace's teams, by name. */
export const teamsQuery = queryOptions({
  queryKey: ["teams"],
  queryFn: listTeams,
  select: (page) => page.items,
});

/** The workspace's teams with member counts. */
export function useTeams() {
  return useQuery(teamsQuery);
}

/** Adds a team. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => createTeam(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["teams"] }),
  });
}

/** Renames a team or changes its kind; refetches on success and on conflict. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTeamBody }) => updateTeam(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["teams"] }),
  });
}
