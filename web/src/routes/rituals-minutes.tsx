import { Box, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import type { Outcome } from "../../../contracts/rituals";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { GlossaryText } from "../features/glossary/components/glossary-text";
import { HrefLink } from "../features/home/components/href-link";
import { AgendaLinkAnchor } from "../features/rituals/components/agenda-view";
import { ParticipantsBySide } from "../features/rituals/components/rituals-badges";
import { useActionItems, useAgenda, useOutcomes } from "../features/rituals/hooks/use-rituals";
import { formatMeetingTime, meetingStatusMeta, priorityMeta } from "../features/rituals/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/rituals/meetings/$id/minutes");

function OutcomeRows({ outcomes, titleOf }: { outcomes: Outcome[]; titleOf: (id: string | null) => string | null }) {
  return (
    <Stack gap={6} component="ul" m={0} pl="md">
      {outcomes.map((outcome) => {
        const item = titleOf(outcome.agendaItemId);
        return (
          <li key={outcome.id} className="print-keep">
            <Text size="sm">{outcome.summary}</Text>
            {outcome.request && (
              <Text size="xs">
                Decides{" "}
                <HrefLink href={outcome.request.href} size="xs">
                  {outcome.request.title}
                </HrefLink>
                {outcome.reason ? `, because ${outcome.reason}` : ""}
              </Text>
            )}
            {item && (
              <Text size="xs" c="dimmed">
                On: {item}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}

/** A meeting's minutes on one printable page: who attended, decisions, action items, information, notes and links. */
export function RitualsMinutesPage() {
  const { id } = route.useParams();
  const agenda = useAgenda(id);
  const outcomes = useOutcomes(id);
  const actionItems = useActionItems({ sourceMeetingId: id, status: "all", limit: 200 });

  if (agenda.isPending || outcomes.isPending) return <PageLoader label="Loading the minutes…" />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />;
  if (outcomes.isError) return <ErrorState error={outcomes.error} onRetry={() => outcomes.refetch()} />;
  const meeting = agenda.data.meeting;
  const items = agenda.data.sections.flatMap((section) => section.items);
  const titleOf = (itemId: string | null) => items.find((item) => item.id === itemId)?.title ?? null;
  const decisions = outcomes.data.filter((outcome) => outcome.type === "decision");
  const information = outcomes.data.filter((outcome) => outcome.type === "information");
  const actions = actionItems.data?.pages.flatMap((page) => page.items) ?? [];
  const withNotes = items.filter((item) => item.notes.trim() !== "");
  const links = items.filter((item) => item.link !== null);

  return (
    <>
      <Box className="no-print">
        <PageHeader
          title={`Minutes: ${meeting.title}`}
          description={
            <>
              One page for everyone who was there and everyone who was not.{" "}
              <AnchorLink to="/rituals/meetings/$id" params={{ id }}>
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
            <ParticipantsBySide people={meeting.attendees} />
          </div>
          <section aria-labelledby="minutes-decisions">
            <Title order={3} size="h5" mb={4} id="minutes-decisions">
              Decisions ({decisions.length})
            </Title>
            {decisions.length === 0 ? (
              <Text size="sm" c="dimmed">
                No decision was recorded.
              </Text>
            ) : (
              <OutcomeRows outcomes={decisions} titleOf={titleOf} />
            )}
          </section>
          <section aria-labelledby="minutes-actions">
            <Title order={3} size="h5" mb={4} id="minutes-actions">
              Action items ({actions.length})
            </Title>
            {actionItems.isError ? (
              <ErrorState error={actionItems.error} onRetry={() => actionItems.refetch()} />
            ) : actions.length === 0 ? (
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
                    {actions.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>{item.title}</Table.Td>
                        <Table.Td>{item.owner.name}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(`${item.dueDate}T12:00:00Z`)}</Table.Td>
                        <Table.Td>{priorityMeta[item.priority].label}</Table.Td>
                        <Table.Td>{item.status === "done" ? "Done" : item.late ? "Overdue" : "Open"}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
          {information.length > 0 && (
            <section aria-labelledby="minutes-information">
              <Title order={3} size="h5" mb={4} id="minutes-information">
                Information ({information.length})
              </Title>
              <OutcomeRows outcomes={information} titleOf={titleOf} />
            </section>
          )}
          {withNotes.length > 0 && (
            <section aria-labelledby="minutes-notes">
              <Title order={3} size="h5" mb={4} id="minutes-notes">
                Notes
              </Title>
              <Stack gap="xs">
                {withNotes.map((item) => (
                  <div key={item.id} className="print-keep">
                    <Text size="sm" fw={600}>
                      {item.title}
                    </Text>
                    <GlossaryText size="sm" text={item.notes} />
                  </div>
                ))}
              </Stack>
            </section>
          )}
          {links.length > 0 && (
            <section aria-labelledby="minutes-links">
              <Title order={3} size="h5" mb={4} id="minutes-links">
                Links
              </Title>
              <Stack gap={2} component="ul" m={0} pl="md">
                {links.map((item) =>
                  item.link ? (
                    <li key={item.id}>
                      <Text size="sm">
                        <AgendaLinkAnchor link={item.link}>{item.link.label || item.title}</AgendaLinkAnchor>
                      </Text>
                    </li>
                  ) : null,
                )}
              </Stack>
            </section>
          )}
          <Group>
            <Text size="xs" c="dimmed">
              Agenda of {items.length} items · {outcomes.data.length} outcomes recorded
            </Text>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
