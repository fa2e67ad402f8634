import { ActionIcon, Text, Tooltip } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { Team } from "#contracts/people";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { AnchorLink } from "../../../components/ui/links";
import { formatDate } from "../../../lib/format";
import { teamKinds } from "../team-kinds";
import { TeamBadge } from "./team-badge";

interface TeamsTableProps {
  teams: Team[];
  canEdit: boolean;
  onEdit: (team: Team) => void;
}

/** Teams with their kind and how many active people they have. */
export function TeamsTable({ teams, canEdit, onEdit }: TeamsTableProps) {
  const columns: DataColumn<Team>[] = [
    { key: "team", header: "Team", cell: (team) => <TeamBadge team={team} /> },
    { key: "kind", header: "Kind", cell: (team) => <Text size="sm">{teamKinds[team.kind].label}</Text> },
    {
      key: "people",
      header: "Active people",
      align: "right",
      cell: (team) => (
        <AnchorLink
          to="/people"
          search={{ teamId: team.id }}
          size="sm"
          aria-label={`${team.memberCount} active people in ${team.name}`}
        >
          {team.memberCount}
        </AnchorLink>
      ),
    },
    {
      key: "created",
      header: "Created",
      priority: 3,
      isNowrap: true,
      cell: (team) => (
        <Text size="sm" c="dimmed">
          {formatDate(team.createdAt)}
        </Text>
      ),
    },
  ];
  if (canEdit)
    columns.push({
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (team) => (
        <Tooltip label="Edit team">
          <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(team)} aria-label={`Edit ${team.name}`}>
            <IconPencil size={16} aria-hidden="true" />
          </ActionIcon>
        </Tooltip>
      ),
    });
  return (
    <DataTable rows={teams} columns={columns} rowKey={(team) => team.id} rowName={(team) => team.name} label="Teams" />
  );
}
