import { useMantineColorScheme } from "@mantine/core";
import { Spotlight, type SpotlightActionGroupData } from "@mantine/spotlight";
import {
  IconDeviceDesktop,
  IconKey,
  IconLogout,
  IconMoon,
  IconSearch,
  IconSun,
  IconUserCircle,
  IconUserPlus,
} from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useSignOut } from "../../auth/hooks/use-auth-actions";
import { useMe } from "../../auth/hooks/use-me";
import { productModules } from "../../modules/modules";
import { homeItem, workspaceItems } from "../nav-items";

const iconProps = { size: 18, stroke: 1.7, "aria-hidden": true } as const;

/** Ctrl/⌘-K: jump to any page, or run an action, by typing a few letters. */
export function CommandPalette() {
  const me = useMe();
  const navigate = useNavigate();
  const { mutate: signOut } = useSignOut();
  const { setColorScheme } = useMantineColorScheme();
  const isAdmin = me.user.role === "admin";

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const pages = [homeItem, ...workspaceItems.filter((item) => isAdmin || !item.isAdminOnly)].map((item) => ({
      id: `page:${item.path}`,
      label: item.label,
      description: item.description,
      leftSection: <item.icon {...iconProps} />,
      onClick: () => void navigate({ to: item.path }),
    }));
    const modules = productModules.map((module) => ({
      id: `module:${module.key}`,
      label: module.label,
      description: module.isBuilt ? module.summary : `Not built yet · ${module.summary}`,
      keywords: module.capabilities,
      leftSection: <module.icon {...iconProps} />,
      onClick: () => void navigate({ to: module.path }),
    }));
    const commands = [
      ...(isAdmin
        ? [
            {
              id: "action:invite",
              label: "Invite someone",
              description: "Send a one-time link to join the workspace",
              keywords: ["add", "user", "person", "invitation"],
              leftSection: <IconUserPlus {...iconProps} />,
              onClick: () => void navigate({ to: "/people", search: { open: "invite" } }),
            },
          ]
        : []),
      {
        id: "action:token",
        label: "Create an API token",
        description: "A personal token for scripts",
        keywords: ["bearer", "api", "key"],
        leftSection: <IconKey {...iconProps} />,
        onClick: () => void navigate({ to: "/tokens", search: { open: "create" } }),
      },
      {
        id: "action:account",
        label: "Your account",
        description: "Your name and password",
        keywords: ["profile", "password", "name"],
        leftSection: <IconUserCircle {...iconProps} />,
        onClick: () => void navigate({ to: "/account" }),
      },
      {
        id: "action:light",
        label: "Light theme",
        keywords: ["color", "appearance", "mode"],
        leftSection: <IconSun {...iconProps} />,
        onClick: () => setColorScheme("light"),
      },
      {
        id: "action:dark",
        label: "Dark theme",
        keywords: ["color", "appearance", "mode", "night"],
        leftSection: <IconMoon {...iconProps} />,
        onClick: () => setColorScheme("dark"),
      },
      {
        id: "action:auto",
        label: "Theme same as system",
        keywords: ["color", "appearance", "mode", "auto"],
        leftSection: <IconDeviceDesktop {...iconProps} />,
        onClick: () => setColorScheme("auto"),
      },
      {
        id: "action:sign-out",
        label: "Sign out",
        keywords: ["log out", "logout", "exit"],
        leftSection: <IconLogout {...iconProps} />,
        onClick: () => signOut(),
      },
    ];
    return [
      { group: "Pages", actions: pages },
      { group: "Modules", actions: modules },
      { group: "Actions", actions: commands },
    ];
  }, [isAdmin, navigate, setColorScheme, signOut]);

  return (
    <Spotlight
      actions={actions}
      title="Jump to a page or run an action"
      nothingFound="Nothing matches. Try a page name like “people” or an action like “invite”."
      highlightQuery
      limit={40}
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden="true" />,
        placeholder: "Jump to a page or run an action…",
        "aria-label": "Jump to a page or run an action",
      }}
    />
  );
}
