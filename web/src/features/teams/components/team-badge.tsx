import { Badge } from "@mantine/core";
import type { TeamKind } from "#contracts/people";
import { teamKinds } from "../team-kinds";

/** A team's name, coloured by its kind (marketing, IT, …). */
export function TeamBadge({ team }: { team: { name: string; kind: TeamKind } }) {
  return (
    <Badge color={teamKinds[team.kind].color} variant="light" tt="none" fw={600}>
      {team.name}
    </Badge>
  );
}
