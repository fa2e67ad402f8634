import { Alert, Button, Card, Grid, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconCalendarDown,
  IconChevronDown,
  IconFileText,
  IconPlayerPlay,
  IconPlus,
  IconPresentation,
  IconRefresh,
} from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import type { AgendaItem } from "#contracts/rituals";
import { AnchorLink, ButtonLink } from "../components/ui/links";
import { describeError, ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { HrefLink } from "../features/home/components/href-link";
import { inviteUrl, seriesCalendarUrl } from "../features/rituals/api";
import { AgendaItemDialog } from "../features/rituals/components/agenda-item-form";
import { AgendaView, TimeBudget } from "../features/rituals/components/agenda-view";
import { CloseMeetingDialog, StartNowDialog } from "../features/rituals/components/close-meeting";
import { OutcomeDialog } from "../features/rituals/components/outcome-form";
import { OutcomeSummary } from "../features/rituals/components/outcome-list";
import { PresentationMode } from "../features/rituals/components/presentation-mode";
import { MeetingStatusBadge, ParticipantsBySide } from "../features/rituals/components/rituals-badges";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { useAgenda, useOutcomes, usePrepareAgenda } from "../features/rituals/hooks/use-rituals";
import { agendaKindMeta, formatMeetingTime } from "../features/rituals/labels";
import { formatDateTime, formatRelative } from "../lib/format";

const route = getRouteApi("/app/rituals/meetings/$id");

/** A meeting: its agenda built from live data, notes and outcomes per item, presentation mode, invite and minutes. */
export function RitualsMeetingPage() {
  const { id } = route.useParams();
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const agenda = useAgenda(id);
  const outcomes = useOutcomes(id);
  const prepare = usePrepareAgenda();
  const [dialog, setDialog] = useState<"item" | "close" | "present" | "start" | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<AgendaItem | "meeting" | null>(null);
  // A scheduled meeting whose agenda was never built gets it built from live data when first opened.
  const autoBuilt = useRef<string | null>(null);
  const needsBuild = canWrite && agenda.data !== undefined && agenda.data.builtAt === null && !agenda.data.frozen;
  useEffect(() => {
    if (!needsBuild || autoBuilt.current === id) return;
    autoBuilt.current = id;
    prepare.mutate(id);
  }, [needsBuild, id, prepare]);

  if (agenda.isPending) return <PageLoader label="Loading the agenda…" />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />;
  const data = agenda.data;
  const meeting = data.meeting;
  const isScheduled = meeting.status === "scheduled";
  const hasStarted = Date.parse(meeting.startsAt) <= Date.now();
  const allOutcomes = outcomes.data ?? [];
  const itemCount = data.sections.reduce((sum, section) => sum + section.items.length, 0);

  const handlePrepare = () =>
    prepare.mutate(id, {
      onSuccess: () => notifications.show({ color: "indigo", message: "Agenda rebuilt from live data" }),
      onError: (error) =>
        notifications.show({ color: "red", title: "The agenda was not rebuilt", message: describeError(error) }),
    });

  return (
    <>
      <PageHeader
        title={meeting.title}
        badge={<MeetingStatusBadge status={meeting.status} />}
        description={
          <>
            {formatMeetingTime(meeting.startsAt, meeting.endsAt)} · series{" "}
            <AnchorLink to="/rituals/series/$id" params={{ id: meeting.seriesId }} underline="always">
              {meeting.seriesTitle}
            </AnchorLink>
          </>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconPresentation size={16} aria-hidden="true" />}
              onClick={() => setDialog("present")}
              disabled={itemCount === 0}
            >
              Present
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconCalendarDown size={16} aria-hidden="true" />}
                  rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                >
                  Calendar
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={inviteUrl(meeting.id)} download>
                  Invite for this meeting (.ics)
                </Menu.Item>
                <Menu.Item component="a" href={seriesCalendarUrl(meeting.seriesId)} download>
                  The whole series (.ics)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <ButtonLink
              to="/rituals/meetings/$id/minutes"
              params={{ id: meeting.id }}
              variant="default"
              leftSection={<IconFileText size={16} aria-hidden="true" />}
            >
              Minutes
            </ButtonLink>
            {canWrite && isScheduled && !hasStarted && (
              <Button
                variant="default"
                leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
                onClick={() => setDialog("start")}
              >
                Start now
              </Button>
            )}
            {canWrite && isScheduled && hasStarted && <Button onClick={() => setDialog("close")}>Close meeting</Button>}
          </>
        }
      />
      <RitualsNav />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card p="lg">
            <Stack gap="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div>
                  <Title order={2} size="h3">
                    Agenda
                  </Title>
                  <Text size="xs" c="dimmed">
                    {data.frozen
                      ? data.builtAt
                        ? `Built from live data ${formatRelative(data.builtAt)} (${formatDateTime(data.builtAt)}); frozen since the meeting started.`
                        : "Frozen since the meeting started."
                      : data.builtAt
                        ? `Built from live data ${formatRelative(data.builtAt)}; refreshed until the meeting starts.`
                        : prepare.isPending
                          ? "Building it from the live state of the partnership…"
                          : "Not built yet: build it from the live state of the partnership."}
                  </Text>
                </div>
                {canWrite && (
                  <Group gap="xs">
                    {!data.frozen && (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconRefresh size={14} aria-hidden="true" />}
                        loading={prepare.isPending}
                        onClick={handlePrepare}
                      >
                        {data.builtAt ? "Refresh from live data" : "Build the agenda"}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden="true" />}
                      onClick={() => setDialog("item")}
                    >
                      Add item
                    </Button>
                  </Group>
                )}
              </Group>
              <TimeBudget agenda={data} />
              {data.missingSources.length > 0 && (
                <Text size="xs" c="dimmed">
                  Not in this agenda because their module is not available: {data.missingSources.join(", ")}.
                </Text>
              )}
              {data.more.length > 0 && (
                <Alert variant="light" color="gray" p="xs">
                  <Text size="sm">
                    More than the agenda has room for:{" "}
                    {data.more.map((more, index) => (
                      <span key={more.kind}>
                        {index > 0 && ", "}
                        <HrefLink href={more.href} size="sm" underline="always">
                          {more.atLeast ? "at least " : ""}
                          {more.count} more {agendaKindMeta[more.kind].label.toLowerCase()}
                          {more.count === 1 ? "" : "s"}
                        </HrefLink>
                      </span>
                    ))}
                    .
                  </Text>
                </Alert>
              )}
              {itemCount === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing on the agenda: nothing in the live data needs this meeting, and nobody added an item yet.
                </Text>
              ) : (
                <AgendaView agenda={data} outcomes={allOutcomes} canWrite={canWrite} onRecordOutcome={setOutcomeFor} />
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card p="lg" component="section" aria-labelledby="meeting-people">
              <Title order={2} size="h4" mb="xs" id="meeting-people">
                {meeting.status === "held" ? "Attended" : "Participants"}
              </Title>
              <ParticipantsBySide people={meeting.attendees} />
              {meeting.status === "held" && !meeting.attendedByBothSides && (
                <Text size="xs" c="var(--mantine-color-orange-text)" mt="xs">
                  Only one side attended.
                </Text>
              )}
            </Card>
            <Card p="lg" component="section" aria-labelledby="meeting-outcomes">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4" id="meeting-outcomes">
                  Outcomes
                </Title>
                {canWrite && (
                  <Button size="compact-sm" variant="light" onClick={() => setOutcomeFor("meeting")}>
                    Record
                  </Button>
                )}
              </Group>
              {outcomes.isPending ? (
                <PageLoader label="Loading outcomes…" />
              ) : outcomes.isError ? (
                <ErrorState error={outcomes.error} onRetry={() => outcomes.refetch()} />
              ) : (
                <OutcomeSummary outcomes={allOutcomes} />
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <PresentationMode
        agenda={data}
        outcomes={allOutcomes}
        opened={dialog === "present"}
        onClose={() => setDialog(null)}
      />
      {canWrite && (
        <>
          <AgendaItemDialog
            meetingId={meeting.id}
            sections={data.sections.map((section) => section.title)}
            opened={dialog === "item"}
            onClose={() => setDialog(null)}
          />
          <CloseMeetingDialog meeting={meeting} opened={dialog === "close"} onClose={() => setDialog(null)} />
          <StartNowDialog meeting={meeting} opened={dialog === "start"} onClose={() => setDialog(null)} />
          <OutcomeDialog
            meetingId={meeting.id}
            item={outcomeFor === "meeting" ? null : outcomeFor}
            opened={outcomeFor !== null}
            onClose={() => setOutcomeFor(null)}
          />
        </>
      )}
    </>
  );
}
