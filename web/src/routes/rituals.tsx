import { Button, Card, SimpleGrid, Stack, Title } from "@mantine/core";
import { IconCalendarEvent, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { MeetingList } from "../features/rituals/components/meeting-list";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { SeriesCard } from "../features/rituals/components/series-card";
import { SeriesFormDialog } from "../features/rituals/components/series-form";
import { useSeriesList } from "../features/rituals/hooks/use-rituals";

/** Rituals: the joint meeting series, their next occurrences, and the meetings to come and past. */
export function RitualsPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const series = useSeriesList();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Rituals"
        description="Joint meetings of marketing and IT whose agendas build themselves from the live state of the partnership, and the commitments they produce."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
              New series
            </Button>
          )
        }
      />
      <RitualsNav />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="rituals-series">
          <Title order={2} size="h3" id="rituals-series">
            Meeting series
          </Title>
          {series.isPending ? (
            <PageLoader label="Loading the series…" />
          ) : series.isError ? (
            <ErrorState error={series.error} onRetry={() => series.refetch()} />
          ) : series.data.length === 0 ? (
            <Card>
              <EmptyState
                icon={IconCalendarEvent}
                title="No meeting series yet"
                description="Start a weekly CMO–CIO sync, a monthly joint steering or a quarterly business review: Tandem plans the occurrences and builds each agenda from the scorecard, the pipeline, the stack and the glossary."
                action={
                  canWrite && (
                    <Button size="xs" onClick={() => setCreating(true)}>
                      Create the first series
                    </Button>
                  )
                }
              />
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {series.data.map((item) => (
                <SeriesCard key={item.id} series={item} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
        <Card component="section" aria-labelledby="rituals-upcoming" p="lg">
          <Title order={2} size="h3" id="rituals-upcoming" mb="sm">
            Upcoming meetings
          </Title>
          <MeetingList
            query={{ when: "upcoming" }}
            noun="upcoming meetings"
            emptyText="No meeting is planned. A series plans its next occurrence as soon as it is created."
          />
        </Card>
        <Card component="section" aria-labelledby="rituals-past" p="lg">
          <Title order={2} size="h3" id="rituals-past" mb="sm">
            Past meetings
          </Title>
          <MeetingList
            query={{ when: "past" }}
            noun="past meetings"
            emptyText="No meeting has taken place yet: past meetings keep their minutes, decisions and action items here."
          />
        </Card>
      </Stack>
      {canWrite && <SeriesFormDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
