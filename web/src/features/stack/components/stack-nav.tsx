import { Box, Group } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { ButtonLink } from "../../../components/ui/links";

const views = [
  { path: "/stack", label: "Catalog" },
  { path: "/stack/graph", label: "Integrations" },
  { path: "/stack/renewals", label: "Renewals" },
  { path: "/stack/compliance", label: "Compliance" },
  { path: "/stack/overlaps", label: "Overlaps" },
  { path: "/stack/portfolio", label: "Spend & fit" },
  { path: "/stack/discovery", label: "Shadow IT" },
  { path: "/stack/taxonomy", label: "Taxonomy" },
] as const;

/** The Stack's views as links, so each view has a URL of its own. */
export function StackNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Box component="nav" aria-label="Stack views" mb="lg" style={{ overflowX: "auto" }}>
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
