import { Badge, Group, Text, Title } from "@mantine/core";
import { IconCalendarOff } from "@tabler/icons-react";
import { useId } from "react";
import type { Meeting, MeetingListQuery } from "#contracts/rituals";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { AnchorLink } from "../../../components/ui/links";
import { ListSection, pagesOf } from "../../../components/ui/list-page";
import { useMeetings } from "../hooks/use-rituals";
import { formatMeetingTime } from "../labels";
import { MeetingStatusBadge } from "./rituals-badges";

const columns: DataColumn<Meeting>[] = [
  {
    key: "when",
    header: "When",
    cell: (meeting) => (
      <AnchorLink to="/rituals/meetings/$id" params={{ id: meeting.id }} size="sm" fw={500}>
        {formatMeetingTime(meeting.startsAt, meeting.endsAt)}
      </AnchorLink>
    ),
  },
  { key: "series", header: "Series", priority: 2, cell: (meeting) => <Text size="sm">{meeting.seriesTitle}</Text> },
  {
    key: "status",
    header: "Status",
    cell: (meeting) => (
      <Group gap={6} wrap="nowrap">
        <MeetingStatusBadge status={meeting.status} />
        {meeting.status === "held" && !meeting.attendedByBothSides && (
          <Badge color="orange" variant="outline" size="sm" style={{ flexShrink: 0 }}>
            One side only
          </Badge>
        )}
      </Group>
    ),
  },
  { key: "agenda", header: "Agenda", priority: 3, align: "right", cell: (meeting) => meeting.agendaItemCount },
  { key: "outcomes", header: "Outcomes", priority: 3, align: "right", cell: (meeting) => meeting.outcomeCount },
];
// A series' own lists leave out the series column.
const seriesColumns = columns.filter((column) => column.key !== "series");

/**
 * Meetings upcoming (soonest first) or past (latest first), a page at a time. With a title the list is a card of its
 * own; without one it sits in its caller's card, under the caller's heading.
 */
export function MeetingList({
  query,
  noun,
  emptyText,
  emptyDescription,
  title,
}: {
  query: Partial<MeetingListQuery>;
  noun: string;
  /** What the empty list says: the empty state's title. */
  emptyText: string;
  emptyDescription?: string;
  title?: string;
}) {
  const headingId = useId();
  const meetings = useMeetings(query);
  const items = meetings.data?.pages.flatMap((page) => page.items) ?? [];
  const list = (
    <ListSection
      filters={
        title && (
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
        )
      }
      withCard={title !== undefined}
      query={meetings}
      loadingLabel={`Loading ${noun}…`}
      isEmpty={items.length === 0}
      empty={{ icon: IconCalendarOff, title: emptyText, description: emptyDescription }}
      pagination={pagesOf(meetings, noun)}
    >
      <DataTable
        rows={items}
        columns={query.seriesId ? seriesColumns : columns}
        rowKey={(meeting) => meeting.id}
        rowName={(meeting) => `${meeting.seriesTitle}, ${formatMeetingTime(meeting.startsAt, meeting.endsAt)}`}
        label={title ?? noun}
        verticalSpacing="xs"
        isFlush={title === undefined}
      />
    </ListSection>
  );
  return title ? <section aria-labelledby={headingId}>{list}</section> : list;
}
