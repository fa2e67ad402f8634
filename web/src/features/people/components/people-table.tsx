import { ActionIcon, Avatar, Group, Menu, Stack, Text } from "@mantine/core";
import { IconDots, IconPencil, IconUserCheck, IconUserOff } from "@tabler/icons-react";
import type { User } from "#contracts/people";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatRelative, initialsOf } from "../../../lib/format";
import { TeamBadge } from "../../teams/components/team-badge";
import { RoleBadge, StatusBadge } from "./person-badges";

interface PeopleTableProps {
  people: User[];
  meId: string;
  isAdmin: boolean;
  onEdit: (person: User) => void;
  onToggleStatus: (person: User) => void;
}

/** People with their team, role, status and when they were last seen; actions where allowed. */
export function PeopleTable({ people, meId, isAdmin, onEdit, onToggleStatus }: PeopleTableProps) {
  const columns: DataColumn<User>[] = [
    {
      key: "name",
      header: "Name",
      cell: (person) => (
        <Group gap="sm" wrap="nowrap">
          <Avatar
            size={34}
            radius="xl"
            color={person.status === "active" ? "indigo" : "gray"}
            variant="light"
            aria-hidden="true"
          >
            {initialsOf(person.name)}
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {person.name}
              {person.id === meId && (
                <Text component="span" size="xs" c="dimmed" fw={400}>
                  {" "}
                  (you)
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {person.email}
            </Text>
          </Stack>
        </Group>
      ),
    },
    { key: "team", header: "Team", priority: 2, cell: (person) => <TeamBadge team={person.team} /> },
    { key: "role", header: "Role", priority: 2, cell: (person) => <RoleBadge role={person.role} /> },
    { key: "status", header: "Status", priority: 3, cell: (person) => <StatusBadge status={person.status} /> },
    {
      key: "lastSeen",
      header: "Last seen",
      priority: 3,
      isNowrap: true,
      cell: (person) => (
        <Text size="sm" c="dimmed">
          {formatRelative(person.lastSeenAt)}
        </Text>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (person) => {
        const isSelf = person.id === meId;
        if (!isAdmin && !isSelf) return null;
        return (
          <Menu position="bottom-end" width={200}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${person.name}`}>
                <IconDots size={18} aria-hidden="true" />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => onEdit(person)}>
                {isSelf && !isAdmin ? "Edit your name" : "Edit"}
              </Menu.Item>
              {isAdmin && !isSelf && (
                <Menu.Item
                  color={person.status === "active" ? "red" : undefined}
                  leftSection={
                    person.status === "active" ? (
                      <IconUserOff size={16} aria-hidden="true" />
                    ) : (
                      <IconUserCheck size={16} aria-hidden="true" />
                    )
                  }
                  onClick={() => onToggleStatus(person)}
                >
                  {person.status === "active" ? "Deactivate" : "Reactivate"}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        );
      },
    },
  ];
  return (
    <DataTable
      rows={people}
      columns={columns}
      rowKey={(person) => person.id}
      rowName={(person) => person.name}
      label="People"
    />
  );
}
