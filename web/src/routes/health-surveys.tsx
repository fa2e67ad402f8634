import { Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconMessageCircleQuestion, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { LoadMore } from "../components/ui/load-more";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { HealthNav } from "../features/health/components/health-nav";
import { ParticipationBars } from "../features/health/components/participation-bars";
import { PulseCadenceCard } from "../features/health/components/pulse-cadence";
import { SurveyFormDialog } from "../features/health/components/survey-form";
import { useSurveys } from "../features/health/hooks/use-health";
import { formatDay, surveyStatusMeta } from "../features/health/labels";

/** The pulses: drafts, the open one and the closed ones, with how many of each side took part. */
export function HealthSurveysPage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const surveys = useSurveys();
  const [creating, setCreating] = useState(false);
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Pulses"
        description="Short surveys of both teams, each asking 6–8 statements so every criterion comes up every pulse; the least recently asked statements come first."
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
              New pulse
            </Button>
          )
        }
      />
      <HealthNav />
      <PulseCadenceCard isAdmin={isAdmin} />
      {surveys.isPending ? (
        <PageLoader label="Loading the pulses…" />
      ) : surveys.isError ? (
        <ErrorState error={surveys.error} onRetry={() => surveys.refetch()} />
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconMessageCircleQuestion}
            title="No pulse yet"
            description={
              isAdmin
                ? "Draft a pulse: the rotation picks the statements, you set the anonymity threshold, then launch it to both teams."
                : "An admin launches pulses; when one is open, it waits for you on Home."
            }
            action={
              isAdmin && (
                <Button size="xs" onClick={() => setCreating(true)}>
                  Draft the first pulse
                </Button>
              )
            }
          />
        </Card>
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Pulse</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">k</Table.Th>
                  <Table.Th scope="col">Dates</Table.Th>
                  <Table.Th scope="col" w={300}>
                    Took part
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((survey) => (
                  <Table.Tr key={survey.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <AnchorLink to="/health/surveys/$id" params={{ id: survey.id }} fw={600} size="sm">
                          {survey.title}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {survey.items.length} statements
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={surveyStatusMeta[survey.status].color} variant="light">
                        {surveyStatusMeta[survey.status].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{survey.k}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {survey.launchedOn ? `Launched ${formatDay(survey.launchedOn)}` : "Not launched"}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {survey.closedOn
                          ? `Closed ${formatDay(survey.closedOn)}`
                          : `Closes ${formatDay(survey.closesOn)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {survey.status === "draft" ? (
                        <Text size="sm" c="dimmed">
                          Not sent yet
                        </Text>
                      ) : (
                        <ParticipationBars participation={survey.participation} k={survey.k} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="center">
            <LoadMore
              hasMore={surveys.hasNextPage}
              isLoading={surveys.isFetchingNextPage}
              onLoadMore={() => void surveys.fetchNextPage()}
              noun="pulses"
            />
          </Group>
        </Card>
      )}
      {isAdmin && <SurveyFormDialog opened={creating} survey={null} onClose={() => setCreating(false)} />}
    </>
  );
}
