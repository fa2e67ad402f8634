import { Badge, Burger, Divider, Group, Kbd, Text, UnstyledButton } from "@mantine/core";
import { spotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { Logo } from "../../../components/ui/logo";
import { useMe } from "../../auth/hooks/use-me";
import { NotificationBell } from "../../notifications/components/notification-bell";
import classes from "./app-header.module.css";
import { ThemeMenu } from "./theme-menu";
import { UserMenu } from "./user-menu";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The top bar: menu button on phones, workspace, search, theme and the user's menu. */
export function AppHeader({ isNavOpen, onToggleNav }: { isNavOpen: boolean; onToggleNav: () => void }) {
  const me = useMe();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger
          opened={isNavOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={isNavOpen ? "Close navigation" : "Open navigation"}
          aria-expanded={isNavOpen}
        />
        <Link to="/" className={classes.home} aria-label="Tandem home">
          <Logo size={26} wordmarkFrom="xs" />
        </Link>
        <Divider orientation="vertical" visibleFrom="xs" my={18} />
        <Text fw={600} size="sm" truncate visibleFrom="xs" title={me.workspace.name}>
          {me.workspace.name}
        </Text>
        {me.user.role === "admin" && (
          <Badge variant="light" color="gray" visibleFrom="md">
            Admin
          </Badge>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <UnstyledButton
          className={classes.search}
          onClick={() => spotlight.open()}
          aria-label="Jump to a page or action"
          aria-keyshortcuts="Control+K Meta+K"
        >
          <IconSearch size={16} aria-hidden="true" />
          <Text component="span" size="sm" visibleFrom="sm">
            Jump to…
          </Text>
          <Kbd size="xs" visibleFrom="sm" ml="auto">
            {isMac ? "⌘" : "Ctrl"} K
          </Kbd>
        </UnstyledButton>
        <NotificationBell />
        <ThemeMenu />
        <UserMenu />
      </Group>
    </Group>
  );
}
