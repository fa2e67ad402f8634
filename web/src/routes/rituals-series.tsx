import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarDown, IconPencil } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { Fact } from "../components/ui/fact";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { seriesCalendarUrl } from "../features/rituals/api";
import { MeetingList } from "../features/rituals/components/meeting-list";
import { AgendaKindBadge, MissingSidesBadge, ParticipantsBySide } from "../features/rituals/components/rituals-badges";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { SeriesFormDialog } from "../features/rituals/components/series-form";
import { useSeries, useUpdateSeries } from "../features/rituals/hooks/use-rituals";
import { cadenceInWords, formatMeetingTime, formatMinutes, templateMeta } from "../features/rituals/labels";
import { formatDate } from "../lib/format";
import { handleStaleEdit } from "../lib/stale-edit";

const route = getRouteApi("/app/rituals/series/$id");

/** A meeting series: its cadence, participants by side, agenda sections, calendar, and its meetings. */
export function RitualsSeriesPage() {
  const { id } = route.useParams();
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const series = useSeries(id);
  const update = useUpdateSeries();
  const [isEnding, setEnding] = useState(false);
  const [isEditing, setEditing] = useState(false);

  if (series.isPending) return <PageLoader label="Loading the series…" />;
  if (series.isError) return <ErrorState error={series.error} onRetry={() => series.refetch()} />;
  const data = series.data;

  return (
    <>
      <PageHeader
        title={data.title}
        badge={
          <Group gap="xs">
            {data.status === "ended" && (
              <Badge color="gray" variant="light">
                Ended
              </Badge>
            )}
            <MissingSidesBadge sides={data.missingSides} />
          </Group>
        }
        description={data.description || undefined}
        actions={
          <>
            <Button
              component="a"
              href={seriesCalendarUrl(data.id)}
              download
              variant="default"
              leftSection={<IconCalendarDown size={16} aria-hidden="true" />}
            >
              Series calendar (.ics)
            </Button>
            {canWrite && data.status === "active" && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                Edit series
              </Button>
            )}
            {canWrite && data.status === "active" && (
              <Button variant="default" color="red" onClick={() => setEnding(true)}>
                End series
              </Button>
            )}
          </>
        }
      />
      <RitualsNav />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card p="lg">
              <SimpleGrid cols={2} spacing="md">
                <Fact layout="stacked" label="Cadence">
                  {cadenceInWords(data.cadence)}
                </Fact>
                <Fact layout="stacked" label="Time">
                  {data.startTime} ({data.timeZone})
                </Fact>
                <Fact layout="stacked" label="Length">
                  {formatMinutes(data.durationMinutes)}
                </Fact>
                <Fact layout="stacked" label="Template">
                  {templateMeta[data.template].label}
                </Fact>
                <Fact layout="stacked" label="From">
                  {formatDate(`${data.startDate}T12:00:00Z`)}
                </Fact>
                <Fact layout="stacked" label="Until">
                  {data.endDate ? formatDate(`${data.endDate}T12:00:00Z`) : "Open-ended"}
                </Fact>
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="md">
                Next meeting
              </Text>
              {data.nextMeeting ? (
                <AnchorLink to="/rituals/meetings/$id" params={{ id: data.nextMeeting.id }} fw={600} size="sm">
                  {formatMeetingTime(data.nextMeeting.startsAt, data.nextMeeting.endsAt)}
                </AnchorLink>
              ) : (
                <Text size="sm">None planned</Text>
              )}
            </Card>
            <Card p="lg" component="section" aria-labelledby="series-participants">
              <Title order={2} size="h4" mb="xs" id="series-participants">
                Participants
              </Title>
              <ParticipantsBySide people={data.participants} />
            </Card>
            <Card p="lg" component="section" aria-labelledby="series-sections">
              <Title order={2} size="h4" mb="xs" id="series-sections">
                Agenda sections
              </Title>
              <Stack gap="xs" component="ol" m={0} pl="md">
                {data.sections.map((section) => (
                  <li key={section.title}>
                    <Text size="sm" fw={500}>
                      {section.title}
                    </Text>
                    <Group gap={4} wrap="wrap">
                      {section.kinds.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          Manual items only
                        </Text>
                      ) : (
                        section.kinds.map((kind) => <AgendaKindBadge key={kind} kind={kind} />)
                      )}
                    </Group>
                  </li>
                ))}
              </Stack>
              <Text size="xs" c="dimmed" mt="sm">
                Subscribe to the series in your calendar with the{" "}
                <Anchor href={seriesCalendarUrl(data.id)} size="xs" underline="always">
                  series calendar
                </Anchor>
                .
              </Text>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <MeetingList
              title="Upcoming"
              query={{ seriesId: data.id, when: "upcoming" }}
              noun="upcoming meetings"
              emptyText="No meeting is planned."
            />
            <MeetingList
              title="Past"
              query={{ seriesId: data.id, when: "past" }}
              noun="past meetings"
              emptyText="No meeting of this series has taken place yet."
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {canWrite && <SeriesFormDialog opened={isEditing} onClose={() => setEditing(false)} series={data} />}
      <ConfirmDialog
        opened={isEnding}
        title={`End ${data.title}?`}
        confirmLabel="End series"
        isDanger
        isLoading={update.isPending}
        onClose={() => setEnding(false)}
        onConfirm={() =>
          update.mutate(
            { id: data.id, body: { version: data.version, status: "ended" } },
            {
              onSuccess: () => {
                notifications.show({ color: "indigo", message: `${data.title} ended` });
                setEnding(false);
              },
              onError: (error) => {
                if (handleStaleEdit(error, "series")) setEnding(false);
              },
            },
          )
        }
      >
        No more occurrences will be planned. Past meetings keep their minutes, decisions and action items.
      </ConfirmDialog>
    </>
  );
}
