import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { MeetingSeries } from "#contracts/rituals";
import { AnchorLink } from "../../../components/ui/links";
import { seriesCalendarUrl } from "../api";
import { cadenceInWords, formatMeetingTime, formatMinutes } from "../labels";
import { MissingSidesBadge, ParticipantsBySide } from "./rituals-badges";

/** A series at a glance: cadence in words, the next occurrence, participants by side (flagged when one is missing). */
export function SeriesCard({ series }: { series: MeetingSeries }) {
  return (
    <Card p="lg" component="article" aria-labelledby={`series-${series.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Title order={3} size="h4" id={`series-${series.id}`}>
                <AnchorLink to="/rituals/series/$id" params={{ id: series.id }} inherit>
                  {series.title}
                </AnchorLink>
              </Title>
              <MissingSidesBadge sides={series.missingSides} />
            </Group>
            <Text size="sm" c="dimmed">
              {cadenceInWords(series.cadence)} at {series.startTime} ({series.timeZone}) ·{" "}
              {formatMinutes(series.durationMinutes)}
            </Text>
          </div>
          <Anchor href={seriesCalendarUrl(series.id)} size="sm" download>
            Series calendar (.ics)
          </Anchor>
        </Group>
        <div>
          <Text size="xs" c="dimmed">
            Next meeting
          </Text>
          {series.nextMeeting ? (
            <AnchorLink to="/rituals/meetings/$id" params={{ id: series.nextMeeting.id }} size="sm" fw={600}>
              {formatMeetingTime(series.nextMeeting.startsAt, series.nextMeeting.endsAt)}
            </AnchorLink>
          ) : (
            <Text size="sm">None planned{series.status === "ended" ? ": the series has ended" : ""}</Text>
          )}
        </div>
        <ParticipantsBySide people={series.participants} />
      </Stack>
    </Card>
  );
}
