import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconDevices, IconKey, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { capitalize, initialsOf } from "../../../lib/format";
import { useSignOut } from "../../auth/hooks/use-auth-actions";
import { useMe } from "../../auth/hooks/use-me";

/** The signed-in person: their account pages and sign-out. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account menu for ${me.user.name}`}
          style={{ borderRadius: "var(--mantine-radius-md)" }}
          p={4}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" variant="light" aria-hidden="true">
              {initialsOf(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {capitalize(me.user.role)} · {me.team.name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
          Your account
        </Menu.Item>
        <Menu.Item component={Link} to="/sessions" leftSection={<IconDevices size={16} aria-hidden="true" />}>
          Sessions
        </Menu.Item>
        <Menu.Item component={Link} to="/tokens" leftSection={<IconKey size={16} aria-hidden="true" />}>
          API tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          // The theme's red text (AA in both schemes), not the filled red (3.3:1 on white).
          c="var(--mantine-color-red-text)"
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
