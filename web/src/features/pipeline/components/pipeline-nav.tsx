import { Box, Group } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { ButtonLink } from "../../../components/ui/links";

const views = [
  { path: "/pipeline", label: "Backlog" },
  { path: "/pipeline/board", label: "Board" },
  { path: "/pipeline/my-work", label: "My work" },
  { path: "/pipeline/rules", label: "Rules" },
] as const;

/** The Pipeline's views as links, so each has a URL of its own. */
export function PipelineNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Box component="nav" aria-label="Pipeline views" mb="lg" style={{ overflowX: "auto" }}>
      <Group gap={6} wrap="nowrap">
        {views.map((view) => {
          const isCurrent = pathname === view.path;
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
