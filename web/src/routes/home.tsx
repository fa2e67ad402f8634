import { Badge, Card, Grid, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { AnchorLink, ButtonLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { usePendingInvitations } from "../features/invitations/hooks/use-invitations";
import { productModules } from "../features/modules/modules";
import { TeamSizeChart } from "../features/teams/components/team-size-chart";
import { useTeams } from "../features/teams/hooks/use-teams";
import classes from "./home.module.css";

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} mt={4}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The workspace at a glance: real counts only, and where each module stands. */
export function HomePage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const teams = useTeams();
  const invitations = usePendingInvitations(isAdmin);
  const firstName = me.user.name.split(/\s+/)[0];
  const activePeople = teams.data?.reduce((sum, team) => sum + team.memberCount, 0);
  const marketing = teams.data
    ?.filter((team) => team.kind === "marketing")
    .reduce((sum, team) => sum + team.memberCount, 0);
  const it = teams.data?.filter((team) => team.kind === "it").reduce((sum, team) => sum + team.memberCount, 0);
  const pendingCount = invitations.data
    ? `${invitations.data.items.length}${invitations.data.nextCursor ? "+" : ""}`
    : "…";

  return (
    <>
      <Stack gap={4} mb="lg">
        <Title order={1}>
          {greeting(new Date())}, {firstName}
        </Title>
        <Text c="dimmed" size="sm">
          {me.workspace.name} · You are {me.user.role === "admin" ? "an" : "a"} {me.user.role} in {me.team.name}.
        </Text>
      </Stack>

      {teams.isPending ? (
        <PageLoader label="Loading your workspace…" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => teams.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: isAdmin ? 4 : 3 }} spacing={{ base: "sm", sm: "lg" }}>
            <Stat label="Active people" value={activePeople} hint={`in ${teams.data.length} teams`} />
            <Stat label="Marketing" value={marketing} hint="active people in marketing teams" />
            <Stat label="IT" value={it} hint="active people in IT teams" />
            {isAdmin && (
              <Stat
                label="Pending invitations"
                value={invitations.isError ? "—" : pendingCount}
                hint={
                  <AnchorLink to="/people" size="xs">
                    Manage people
                  </AnchorLink>
                }
              />
            )}
          </SimpleGrid>

          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card h="100%">
                <Group justify="space-between" mb={4}>
                  <Title order={2} size="h3">
                    People per team
                  </Title>
                  <AnchorLink to="/teams" size="sm">
                    All teams
                  </AnchorLink>
                </Group>
                <Text size="sm" c="dimmed" mb="md">
                  Active members of each team.
                </Text>
                <TeamSizeChart teams={teams.data} caption="Active people per team" />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card h="100%">
                <Title order={2} size="h3" mb={4}>
                  Bring both sides in
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  Tandem works when marketing and IT are both here.
                </Text>
                <Stack gap="sm">
                  <Checklist done={(marketing ?? 0) > 0} label="Someone from marketing has joined" />
                  <Checklist done={(it ?? 0) > 0} label="Someone from IT has joined" />
                  <Checklist done={(activePeople ?? 0) >= 3} label="At least three people are in the workspace" />
                </Stack>
                {isAdmin && (
                  <ButtonLink
                    to="/people"
                    search={{ open: "invite" }}
                    variant="light"
                    leftSection={<IconUserPlus size={16} aria-hidden="true" />}
                    mt="lg"
                  >
                    Invite someone
                  </ButtonLink>
                )}
              </Card>
            </Grid.Col>
          </Grid>

          <Card>
            <Title order={2} size="h3" mb={4}>
              Modules
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              The practices that make marketing and IT work as one. Each says plainly whether it is built yet.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {productModules.map((module) => (
                <UnstyledButton key={module.key} component={Link} to={module.path} className={classes.module}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size={34} radius="md" aria-hidden="true">
                      <module.icon size={18} stroke={1.7} />
                    </ThemeIcon>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {module.label}
                        </Text>
                        {!module.isBuilt && (
                          <Badge size="xs" color="gray" tt="none">
                            Not built yet
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {module.summary}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Card>
        </Stack>
      )}
    </>
  );
}

function Checklist({ done, label }: { done: boolean; label: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon
        size={22}
        radius="xl"
        color={done ? "teal" : "gray"}
        variant={done ? "filled" : "light"}
        aria-hidden="true"
      >
        <Text component="span" size="xs" fw={700} c={done ? "white" : "dimmed"}>
          {done ? "✓" : "·"}
        </Text>
      </ThemeIcon>
      <Text size="sm">
        {label}
        <span className="visually-hidden">{done ? " (done)" : " (not yet)"}</span>
      </Text>
    </Group>
  );
}
