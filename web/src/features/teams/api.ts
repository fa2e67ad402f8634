import type { CreateTeamBody, Team, UpdateTeamBody } from "#contracts/people";
import { api } from "../../lib/api";

/** Every team of the workspace with its active member count (workspaces have a handful). */
export function listTeams() {
  return api<{ items: Team[]; nextCursor: string | null }>("/teams", { query: { limit: 200, sort: "name" } });
}

/** Adds a team (admins). */
export function createTeam(body: CreateTeamBody) {
  return api<Team>("/teams", { method: "POST", body });
}

/** Renames a team or changes its kind (admins); a stale version gets 409. */
export function updateTeam(id: string, body: UpdateTeamBody) {
  return api<Team>(`/teams/${id}`, { method: "PATCH", body });
}
