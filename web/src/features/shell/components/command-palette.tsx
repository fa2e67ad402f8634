import { useMantineColorScheme } from "@mantine/core";
import {
  isActionsGroup,
  Spotlight,
  type SpotlightActionData,
  type SpotlightActionGroupData,
  type SpotlightProps,
} from "@mantine/spotlight";
import {
  type Icon,
  IconBulb,
  IconChartLine,
  IconDeviceDesktop,
  IconFileDescription,
  IconFlask,
  IconGitPullRequest,
  IconKey,
  IconLogout,
  IconMoon,
  IconReceipt,
  IconSearch,
  IconStack2,
  IconSun,
  IconUser,
  IconUserCircle,
  IconUserPlus,
} from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import type { SearchKind } from "#contracts/search";
import { useSignOut } from "../../auth/hooks/use-auth-actions";
import { useMe } from "../../auth/hooks/use-me";
import { productModules } from "../../modules/modules";
import { useSearch } from "../../search/hooks/use-search";
import { homeItem, workspaceItems } from "../nav-items";

const iconProps = { size: 18, stroke: 1.7, "aria-hidden": true } as const;

const kindIcons: Record<SearchKind, Icon> = {
  request: IconGitPullRequest,
  tool: IconStack2,
  vendor: IconStack2,
  experiment: IconFlask,
  person: IconUser,
  spend: IconReceipt,
  kpi: IconChartLine,
  objective: IconChartLine,
  term: IconBulb,
  page: IconFileDescription,
};

function matches(action: SpotlightActionData, words: readonly string[]): boolean {
  const keywords = Array.isArray(action.keywords) ? action.keywords.join(" ") : (action.keywords ?? "");
  const text = `${action.label ?? ""} ${action.description ?? ""} ${keywords}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

// The search's hits are already matched by the server (a request number, word prefixes): keep them as found.
const filterActions: NonNullable<SpotlightProps["filter"]> = (query, actions) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return actions
    .map((entry) =>
      isActionsGroup(entry)
        ? {
            ...entry,
            actions:
              entry.group === "Records" ? entry.actions : entry.actions.filter((action) => matches(action, words)),
          }
        : entry,
    )
    .filter((entry) => !isActionsGroup(entry) || entry.actions.length > 0);
};

/**
 * Ctrl/⌘-K: find a record (requests, tools, people, KPIs, glossary terms…), jump to any page, or run an action, by
 * typing a few letters.
 */
export function CommandPalette() {
  const me = useMe();
  const navigate = useNavigate();
  const { mutate: signOut } = useSignOut();
  const { setColorScheme } = useMantineColorScheme();
  const isAdmin = me.user.role === "admin";
  const [query, setQuery] = useState("");
  const found = useSearch(query);
  const hits = query.trim().length >= 2 ? found.data?.items : undefined;

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
      description: module.summary,
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
    const records = (hits ?? [])
      .filter((hit) => hit.kind !== "page")
      .map((hit) => {
        const KindIcon = kindIcons[hit.kind];
        return {
          id: `record:${hit.kind}:${hit.id}`,
          label: hit.title,
          description: hit.detail,
          leftSection: <KindIcon {...iconProps} />,
          onClick: () => void navigate({ href: hit.url }),
        };
      });
    const foundPages = (hits ?? [])
      .filter((hit) => hit.kind === "page")
      .map((hit) => ({
        id: `found-page:${hit.url}`,
        label: hit.title,
        description: hit.detail,
        keywords: [hit.title.toLowerCase(), hit.detail.toLowerCase(), ...query.toLowerCase().split(/\s+/)],
        leftSection: <IconFileDescription {...iconProps} />,
        onClick: () => void navigate({ href: hit.url }),
      }));
    return [
      { group: "Records", actions: records },
      { group: "Pages", actions: [...pages, ...foundPages.filter((hit) => !pages.some((p) => p.label === hit.label))] },
      { group: "Modules", actions: modules },
      { group: "Actions", actions: commands },
    ];
  }, [hits, isAdmin, navigate, query, setColorScheme, signOut]);

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      filter={filterActions}
      title="Search, jump to a page or run an action"
      nothingFound={
        found.isFetching
          ? "Searching…"
          : "Nothing matches. Try a request number like “REQ-12”, a tool, a person, a glossary term like “CMS”, or a page like “people”."
      }
      highlightQuery
      limit={40}
      scrollable
      maxHeight={420}
      // The results scroll: their region takes the keyboard focus so it can be scrolled without a mouse (axe:
      // scrollable-region-focusable; the results themselves are reached with the arrow keys, not Tab).
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": "Results" } }}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden="true" />,
        placeholder: "Search records, jump to a page or run an action…",
        "aria-label": "Jump to a page or run an action",
      }}
    />
  );
}
