import { Card, Grid, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { AnchorLink, ButtonLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { PulseWaiting } from "../features/health/components/partnership-tile";
import { SharedPicture, WaitingOnMe } from "../features/home/components/home-overview";
import { useHome } from "../features/home/hooks/use-home";
import { usePendingInvitations } from "../features/invitations/hooks/use-invitations";
import { RitualsWaiting } from "../features/rituals/components/home-rituals";
import { TeamSizeChart } from "../features/teams/components/team-size-chart";
import { useTeams } from "../features/teams/hooks/use-teams";

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** Home: what waits on me, the shared picture of the partnership, and who is here. */
export function HomePage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const teams = useTeams();
  const invitations = usePendingInvitations(isAdmin);
  const firstName = me.user.name.split(/\s+/)[0];
  const home = useHome();
  const marketing = teams.data
    ?.filter((team) => team.kind === "marketing")
    .reduce((sum, team) => sum + team.memberCount, 0);
  const it = teams.data?.filter((team) => team.kind === "it").reduce((sum, team) => sum + team.memberCount, 0);
  const activePeople = teams.data?.reduce((sum, team) => sum + team.memberCount, 0);
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

      {home.isPending ? (
        <PageLoader label="Loading where things stand…" />
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => home.refetch()} />
      ) : (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="home-mine">
            <Title order={2} size="h3" id="home-mine">
              Waiting on you
            </Title>
            {home.data.partnership && <PulseWaiting glance={home.data.partnership} />}
            <WaitingOnMe home={home.data} />
            <RitualsWaiting rituals={home.data.rituals} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="home-shared">
            <Title order={2} size="h3" id="home-shared">
              The partnership at a glance
            </Title>
            <SharedPicture home={home.data} />
          </Stack>
        </Stack>
      )}

      <Grid gap="lg" mt="xl">
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
              Active members of each team{activePeople === undefined ? "" : `: ${activePeople} in all`}.
            </Text>
            {teams.isPending ? (
              <PageLoader label="Loading teams…" />
            ) : teams.isError ? (
              <ErrorState error={teams.error} onRetry={() => teams.refetch()} />
            ) : (
              <TeamSizeChart teams={teams.data} caption="Active people per team" />
            )}
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
              <Group mt="lg" gap="sm">
                <ButtonLink
                  to="/people"
                  search={{ open: "invite" }}
                  variant="light"
                  leftSection={<IconUserPlus size={16} aria-hidden="true" />}
                >
                  Invite someone
                </ButtonLink>
                <Text size="sm" c="dimmed">
                  {invitations.isError ? "" : `${pendingCount} pending`}
                </Text>
              </Group>
            )}
          </Card>
        </Grid.Col>
      </Grid>
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
