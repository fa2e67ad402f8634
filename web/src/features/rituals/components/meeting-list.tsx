import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { Meeting, MeetingListQuery } from "#contracts/rituals";
import { AnchorLink } from "../../../components/ui/links";
import { LoadMore } from "../../../components/ui/load-more";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { useMeetings } from "../hooks/use-rituals";
import { formatMeetingTime } from "../labels";
import { MeetingStatusBadge } from "./rituals-badges";

function MeetingRows({ meetings, showSeries }: { meetings: Meeting[]; showSeries: boolean }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            {showSeries && <Table.Th scope="col">Series</Table.Th>}
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Agenda
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Outcomes
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((meeting) => (
            <Table.Tr key={meeting.id}>
              <Table.Td>
                <AnchorLink to="/rituals/meetings/$id" params={{ id: meeting.id }} size="sm" fw={500}>
                  {formatMeetingTime(meeting.startsAt, meeting.endsAt)}
                </AnchorLink>
              </Table.Td>
              {showSeries && (
                <Table.Td>
                  <Text size="sm">{meeting.seriesTitle}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <MeetingStatusBadge status={meeting.status} />
                  {meeting.status === "held" && !meeting.attendedByBothSides && (
                    <Badge color="orange" variant="outline" size="sm" style={{ flexShrink: 0 }}>
                      One side only
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{meeting.agendaItemCount}</Table.Td>
              <Table.Td ta="right">{meeting.outcomeCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Meetings upcoming (soonest first) or past (latest first), a page at a time. */
export function MeetingList({
  query,
  emptyText,
  noun,
}: {
  query: Partial<MeetingListQuery>;
  emptyText: string;
  noun: string;
}) {
  const meetings = useMeetings(query);
  if (meetings.isPending) return <PageLoader label={`Loading ${noun}…`} />;
  if (meetings.isError) return <ErrorState error={meetings.error} onRetry={() => meetings.refetch()} />;
  const items = meetings.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <MeetingRows meetings={items} showSeries={!query.seriesId} />
      <LoadMore
        hasMore={meetings.hasNextPage}
        isLoading={meetings.isFetchingNextPage}
        onLoadMore={() => meetings.fetchNextPage()}
        noun={noun}
      />
    </Stack>
  );
}
