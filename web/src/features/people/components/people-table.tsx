import { ActionIcon, Avatar, Group, Menu, Stack, Table, Text } from "@mantine/core";
import { IconDots, IconPencil, IconUserCheck, IconUserOff } from "@tabler/icons-react";
import type { User } from "../../../../../contracts/people";
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
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={{ base: 0, sm: 720 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Name
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Team
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Role
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Status
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Last seen
            </Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => {
            const isSelf = person.id === meId;
            const canEdit = isAdmin || isSelf;
            return (
              <Table.Tr key={person.id}>
                <Table.Td pl="lg">
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
                        {isSelf && (
                          <Text component="span" size="xs" c="dimmed" fw={400}>
                            {" "}
                            (you)
                          </Text>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {person.email}
                      </Text>
                      <Group gap={6} mt={6} hiddenFrom="sm">
                        <TeamBadge team={person.team} />
                        <RoleBadge role={person.role} />
                        {person.status !== "active" && <StatusBadge status={person.status} />}
                      </Group>
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <TeamBadge team={person.team} />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <RoleBadge role={person.role} />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <StatusBadge status={person.status} />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" c="dimmed" className="nowrap">
                    {formatRelative(person.lastSeenAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" pr="lg">
                  {canEdit && (
                    <Menu position="bottom-end" width={200}>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${person.name}`}>
                          <IconDots size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          leftSection={<IconPencil size={16} aria-hidden="true" />}
                          onClick={() => onEdit(person)}
                        >
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
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
