import { Box, Group } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { ButtonLink } from "./links";

/** One view of a module: its page and its name. */
export interface View {
  path: string;
  label: string;
  /** Also current on the pages below the path (a run's page under "Attribution runs"). */
  includesChildren?: boolean;
}

/** A module's views as pill links, so each view has a URL of its own; the current one is marked for screen readers. */
export function ViewNav({ label, views }: { label: string; views: readonly View[] }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Box component="nav" aria-label={label} mb="lg" style={{ overflowX: "auto" }}>
      <Group gap={6} wrap="nowrap">
        {views.map((view) => {
          const isCurrent = view.includesChildren ? pathname.startsWith(view.path) : pathname === view.path;
          return (
            <ButtonLink
              key={view.path}
              to={view.path}
              size="xs"
              radius="xl"
              variant={isCurrent ? "filled" : "default"}
              aria-current={isCurrent ? "page" : undefined}
              style={{ flexShrink: 0 }}
            >
              {view.label}
            </ButtonLink>
          );
        })}
      </Group>
    </Box>
  );
}
