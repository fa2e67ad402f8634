import { Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { ChangePasswordForm } from "../features/auth/components/change-password-form";
import { useMe } from "../features/auth/hooks/use-me";
import { EmailPreference } from "../features/people/components/email-preference";
import { RoleBadge } from "../features/people/components/person-badges";
import { ProfileForm } from "../features/people/components/profile-form";
import { usePerson } from "../features/people/hooks/use-people";
import { TeamBadge } from "../features/teams/components/team-badge";
import { formatDateTime } from "../lib/format";

/** The signed-in person's profile and password. */
export function AccountPage() {
  const me = useMe();
  const person = usePerson(me.user.id);
  return (
    <>
      <PageHeader
        title="Your account"
        description={`How you appear in ${me.workspace.name}, your notifications and your password.`}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} size="h3" mb="md">
                Profile
              </Title>
              {person.isPending ? (
                <PageLoader label="Loading your profile…" />
              ) : person.isError ? (
                <ErrorState error={person.error} onRetry={() => person.refetch()} />
              ) : (
                <ProfileForm key={person.data.id} person={person.data} />
              )}
            </Card>
            <Card>
              <Title order={2} size="h3" mb="md">
                Notifications
              </Title>
              {person.data && <EmailPreference person={person.data} />}
            </Card>
            <Card>
              <Title order={2} size="h3" mb={4}>
                Password
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changing it signs you out everywhere else.
              </Text>
              <ChangePasswordForm />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card>
            <Title order={2} size="h3" mb="md">
              In this workspace
            </Title>
            <Stack gap="sm">
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  Team
                </Text>
                <TeamBadge team={me.team} />
              </Group>
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  Role
                </Text>
                <RoleBadge role={me.user.role} />
              </Group>
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  This session ends
                </Text>
                <Text size="sm">{formatDateTime(me.sessionExpiresAt)}</Text>
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
