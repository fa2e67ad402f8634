import { ActionIcon, Table, Text, Tooltip } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { Team } from "../../../../../contracts/people";
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
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Team
            </Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col" ta="right">
              Active people
            </Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            {canEdit && (
              <Table.Th scope="col">
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id}>
              <Table.Td pl="lg">
                <TeamBadge team={team} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{teamKinds[team.kind].label}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <AnchorLink
                  to="/people"
                  search={{ teamId: team.id }}
                  size="sm"
                  aria-label={`${team.memberCount} active people in ${team.name}`}
                >
                  {team.memberCount}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDate(team.createdAt)}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td ta="right" pr="lg">
                  <Tooltip label="Edit team">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => onEdit(team)}
                      aria-label={`Edit ${team.name}`}
                    >
                      <IconPencil size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
