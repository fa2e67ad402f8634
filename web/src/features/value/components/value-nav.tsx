import { Box, Group } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { ButtonLink } from "../../../components/ui/links";

const views = [
  { path: "/value", label: "Spend ledger" },
  { path: "/value/data", label: "Outcomes & journeys" },
  { path: "/value/runs", label: "Attribution runs" },
] as const;

/** The Value views as links, so each view has a URL of its own. */
export function ValueNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Box component="nav" aria-label="Value views" mb="lg" style={{ overflowX: "auto" }}>
      <Group gap={6} wrap="nowrap">
        {views.map((view) => {
          const isCurrent = view.path === "/value/runs" ? pathname.startsWith(view.path) : pathname === view.path;
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
