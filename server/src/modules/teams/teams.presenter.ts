import type { Team } from "#contracts/people";
import type { teams } from "../../db/schema";

/** A team row as the API shows it. */
export function presentTeam(row: { team: typeof teams.$inferSelect; memberCount: number }): Team {
  const { team } = row;
  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    memberCount: row.memberCount,
    version: team.version,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
  };
}
