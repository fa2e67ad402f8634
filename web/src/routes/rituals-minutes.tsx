import { Box, Button, Card, Stack, Table, Text, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { GlossaryText } from "../features/glossary/components/glossary-text";
import { HrefLink } from "../features/home/components/href-link";
import { AgendaLinkAnchor } from "../features/rituals/components/agenda-view";
import { useMinutes } from "../features/rituals/hooks/use-rituals";
import { formatMeetingTime, meetingStatusMeta, priorityMeta, sideLabels, todayIso } from "../features/rituals/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/rituals/meetings/$id/minutes");

/** A meeting's minutes on one printable page: who attended, decisions, action items, information, notes and links. */
export function RitualsMinutesPage() {
  const { id } = route.useParams();
  const minutes = useMinutes(id);

  if (minutes.isPending) return <PageLoader label="Loading the minutes…" />;
  if (minutes.isError) return <ErrorState error={minutes.error} onRetry={() => minutes.refetch()} />;
  const data = minutes.data;
  const { meeting } = data;
  const today = todayIso();
  const sides = (["marketing", "it", "other"] as const)
    .map((side) => ({ side, names: data.attendees.filter((person) => person.side === side).map((p) => p.name) }))
    .filter((entry) => entry.names.length > 0 || entry.side !== "other");

  return (
    <>
      <Box className="no-print">
        <PageHeader
          title={`Minutes: ${meeting.title}`}
          description={
            <>
              One page for everyone who was there and everyone who was not; the participants get it by email when the
              meeting is closed.{" "}
              <AnchorLink to="/rituals/meetings/$id" params={{ id }} underline="always">
                Back to the meeting
              </AnchorLink>
            </>
          }
          actions={
            <Button leftSection={<IconPrinter size={16} aria-hidden="true" />} onClick={() => window.print()}>
              Print
            </Button>
          }
        />
      </Box>
      <Card p="lg" className="print-sheet">
        <Stack gap="md">
          <div className="print-keep">
            <Title order={2} size="h3">
              {meeting.title}
            </Title>
            <Text size="sm">
              {formatMeetingTime(meeting.startsAt, meeting.endsAt)} · {meetingStatusMeta[meeting.status].label}
            </Text>
          </div>
          <div className="print-keep">
            <Title order={3} size="h5" mb={4}>
              {meeting.status === "held" ? "Attended" : "Participants"}
            </Title>
            {sides.map((entry) => (
              <Text size="sm" key={entry.side}>
                <Text span c="dimmed" inherit>
                  {sideLabels[entry.side]}:{" "}
                </Text>
                {entry.names.length > 0 ? entry.names.join(", ") : "nobody"}
              </Text>
            ))}
          </div>
          <section aria-labelledby="minutes-decisions">
            <Title order={3} size="h5" mb={4} id="minutes-decisions">
              Decisions ({data.decisions.length})
            </Title>
            {data.decisions.length === 0 ? (
              <Text size="sm" c="dimmed">
                No decision was recorded.
              </Text>
            ) : (
              <Stack gap={6} component="ul" m={0} pl="md">
                {data.decisions.map((decision) => (
                  <li key={decision.id} className="print-keep">
                    <Text size="sm" fw={500}>
                      {decision.summary}
                    </Text>
                    {decision.request && (
                      <Text size="xs">
                        Decides{" "}
                        <HrefLink href={decision.request.href} size="xs" underline="always">
                          REQ-{decision.request.number} {decision.request.title}
                        </HrefLink>
                      </Text>
                    )}
                    {decision.reason && <Text size="xs">Why: {decision.reason}</Text>}
                    {decision.agendaItemTitle && (
                      <Text size="xs" c="dimmed">
                        On: {decision.agendaItemTitle}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </section>
          <section aria-labelledby="minutes-actions">
            <Title order={3} size="h5" mb={4} id="minutes-actions">
              Action items ({data.actionItems.length})
            </Title>
            {data.actionItems.length === 0 ? (
              <Text size="sm" c="dimmed">
                No action item was agreed.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">What</Table.Th>
                      <Table.Th scope="col">Owner</Table.Th>
                      <Table.Th scope="col">Due</Table.Th>
                      <Table.Th scope="col">Priority</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.actionItems.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <HrefLink href={item.href} size="sm">
                            {item.title}
                          </HrefLink>
                        </Table.Td>
                        <Table.Td>{item.owner.name}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(`${item.dueDate}T12:00:00Z`)}</Table.Td>
                        <Table.Td>{priorityMeta[item.priority].label}</Table.Td>
                        <Table.Td>
                          {item.status === "done" ? "Done" : item.dueDate < today ? "Overdue" : "Open"}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
          {data.information.length > 0 && (
            <section aria-labelledby="minutes-information">
              <Title order={3} size="h5" mb={4} id="minutes-information">
                Information ({data.information.length})
              </Title>
              <Stack gap={4} component="ul" m={0} pl="md">
                {data.information.map((entry) => (
                  <li key={entry.id}>
                    <Text size="sm">{entry.summary}</Text>
                  </li>
                ))}
              </Stack>
            </section>
          )}
          {data.notes.length > 0 && (
            <section aria-labelledby="minutes-notes">
              <Title order={3} size="h5" mb={4} id="minutes-notes">
                Notes
              </Title>
              <Stack gap="xs">
                {data.notes.map((note) => (
                  <div key={`${note.section}/${note.title}`} className="print-keep">
                    <Text size="sm" fw={600}>
                      {note.title}{" "}
                      <Text span size="xs" c="dimmed" fw={400}>
                        ({note.section})
                      </Text>
                    </Text>
                    <GlossaryText size="sm" text={note.notes} />
                  </div>
                ))}
              </Stack>
            </section>
          )}
          {data.links.length > 0 && (
            <section aria-labelledby="minutes-links">
              <Title order={3} size="h5" mb={4} id="minutes-links">
                Links
              </Title>
              <Stack gap={2} component="ul" m={0} pl="md">
                {data.links.map((link) => (
                  <li key={`${link.type}:${link.id}`}>
                    <Text size="sm">
                      <AgendaLinkAnchor link={link}>{link.label}</AgendaLinkAnchor>
                    </Text>
                  </li>
                ))}
              </Stack>
            </section>
          )}
          <Text size="sm">
            Next meeting:{" "}
            {data.nextMeeting ? (
              <HrefLink href={data.nextMeeting.href} size="sm" underline="always">
                {formatDate(data.nextMeeting.startsAt)}
              </HrefLink>
            ) : (
              "none planned"
            )}
          </Text>
        </Stack>
      </Card>
    </>
  );
}
