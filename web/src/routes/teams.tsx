import { Button, Card, Grid, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import type { Team } from "#contracts/people";
import { ListPage } from "../components/ui/list-page";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import { TeamDialog } from "../features/teams/components/team-dialog";
import { TeamSizeChart } from "../features/teams/components/team-size-chart";
import { TeamsTable } from "../features/teams/components/teams-table";
import { useTeams } from "../features/teams/hooks/use-teams";

/** The workspace's teams: sizes at a glance, and admins add or rename them. */
export function TeamsPage() {
  const isAdmin = useIsAdmin();
  const teams = useTeams();
  const [dialogOpened, dialog] = useDisclosure(false);
  const [editing, setEditing] = useState<Team | null>(null);

  const openDialog = (team: Team | null) => {
    setEditing(team);
    dialog.open();
  };

  return (
    <ListPage
      title="Teams"
      description="Marketing and IT, and the security, legal and finance teams that review with them. Everyone has one home team."
      actions={
        isAdmin && (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => openDialog(null)}>
            Add team
          </Button>
        )
      }
      withCard={false}
      query={teams}
      loadingLabel="Loading teams…"
      isEmpty={(teams.data?.length ?? 0) === 0}
      empty={{
        icon: IconUsersGroup,
        title: "No teams yet",
        description: "Teams are created with the workspace; add one to get started.",
        action: isAdmin && (
          <Button size="xs" onClick={() => openDialog(null)}>
            Add the first team
          </Button>
        ),
      }}
      after={<TeamDialog team={editing} opened={dialogOpened} onClose={dialog.close} />}
    >
      {teams.data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card p={0}>
              <TeamsTable teams={teams.data} canEdit={isAdmin} onEdit={openDialog} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card>
              <Title order={2} size="h3" mb={4}>
                People per team
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Active members of each team.
              </Text>
              <TeamSizeChart teams={teams.data} caption="Active people per team" />
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </ListPage>
  );
}
