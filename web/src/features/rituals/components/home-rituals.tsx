import { SimpleGrid, Text } from "@mantine/core";
import type { HomeSummary } from "#contracts/home";
import { HomeTile } from "../../home/components/home-tile";
import { HrefLink } from "../../home/components/href-link";
import { formatMeetingTime } from "../labels";

/** Home's Rituals: my next joint meeting (with its agenda) and my commitments coming due or overdue. */
export function RitualsWaiting({ rituals }: { rituals: HomeSummary["rituals"] }) {
  const next = rituals.nextMeeting;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={{ base: "sm", sm: "lg" }}>
      <HomeTile title="My next meeting" href="/rituals" linkLabel="Rituals">
        {next ? (
          <>
            <HrefLink href={next.url} fw={600} size="sm" display="block">
              {next.title}
            </HrefLink>
            <Text size="sm">{formatMeetingTime(next.startsAt, next.endsAt)}</Text>
            <Text size="xs" c="dimmed">
              {next.prepared
                ? `${next.agendaItemCount} ${next.agendaItemCount === 1 ? "item" : "items"} on the agenda, built from live data`
                : "Its agenda is built from live data when the meeting is opened"}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No joint meeting planned for you. Start a series with the other side in Rituals.
          </Text>
        )}
      </HomeTile>
      <HomeTile
        title="My commitments due"
        href="/rituals/commitments"
        linkLabel="My commitments"
        list={rituals.commitmentsDue}
        emptyText="Nothing you committed to is due soon."
      />
    </SimpleGrid>
  );
}
