import { Button, SimpleGrid, Stack, Title } from "@mantine/core";
import { IconCalendarEvent, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { ListSection } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
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
          <ListSection
            withCard={false}
            query={series}
            loadingLabel="Loading the series…"
            isEmpty={series.data?.length === 0}
            empty={{
              icon: IconCalendarEvent,
              title: "No meeting series yet",
              description:
                "Start a weekly CMO–CIO sync, a monthly joint steering or a quarterly business review: Tandem plans the occurrences and builds each agenda from the scorecard, the pipeline, the stack and the glossary.",
              action: canWrite && (
                <Button size="xs" onClick={() => setCreating(true)}>
                  Create the first series
                </Button>
              ),
            }}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {series.data?.map((item) => (
                <SeriesCard key={item.id} series={item} />
              ))}
            </SimpleGrid>
          </ListSection>
        </Stack>
        <MeetingList
          title="Upcoming meetings"
          query={{ when: "upcoming" }}
          noun="upcoming meetings"
          emptyText="No meeting is planned"
          emptyDescription="A series plans its next occurrence as soon as it is created."
        />
        <MeetingList
          title="Past meetings"
          query={{ when: "past" }}
          noun="past meetings"
          emptyText="No meeting has taken place yet"
          emptyDescription="Past meetings keep their minutes, decisions and action items here."
        />
      </Stack>
      {canWrite && <SeriesFormDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
