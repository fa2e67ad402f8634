import { Box, Group } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { ButtonLink } from "../../../components/ui/links";

const views = [
  { path: "/experiments", label: "Experiments" },
  { path: "/experiments/learnings", label: "Learning library" },
] as const;

/** The module's views as links. */
export function ExperimentsNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Box component="nav" aria-label="Experiments views" mb="lg">
      <Group gap={6}>
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
            >
              {view.label}
            </ButtonLink>
          );
        })}
      </Group>
    </Box>
  );
}
