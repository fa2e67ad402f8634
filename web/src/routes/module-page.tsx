import { Badge, Card, List, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleDashed } from "@tabler/icons-react";
import { useRouterState } from "@tanstack/react-router";
import { PageHeader } from "../components/ui/page-header";
import { findModuleByPath } from "../features/modules/modules";
import { NotFoundPage } from "./not-found";

/** A module of Tandem that is not built yet: says so plainly and what it will do. Never fake data. */
export function ModulePage() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const module = findModuleByPath(pathname);
  if (!module) return <NotFoundPage />;
  const ModuleIcon = module.icon;
  return (
    <>
      <PageHeader
        title={module.label}
        description={module.summary}
        badge={
          <Badge color="gray" variant="light" tt="none" size="lg">
            Not built yet
          </Badge>
        }
      />
      <Card maw={760}>
        <Stack gap="lg">
          <Stack gap="xs">
            <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
              <ModuleIcon size={24} stroke={1.6} />
            </ThemeIcon>
            <Text>
              This part of Tandem is not built yet, so there is nothing to show here — no sample numbers, no made-up
              data. When it lands, it will be fed by your workspace's own data.
            </Text>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              What it will do
            </Title>
            <List spacing="xs" size="sm" icon={<IconCircleDashed size={16} aria-hidden="true" />}>
              {module.capabilities.map((capability) => (
                <List.Item key={capability}>{capability}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Why it matters
            </Title>
            <Text size="sm">{module.practice}</Text>
          </Stack>
        </Stack>
      </Card>
    </>
  );
}
