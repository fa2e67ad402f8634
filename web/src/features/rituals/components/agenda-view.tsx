import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconClock, IconNotes, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Agenda, AgendaItem, AgendaLink, Outcome } from "#contracts/rituals";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { HrefLink } from "../../home/components/href-link";
import { agendaKindMeta, formatMinutes, sideLabels } from "../labels";
import { DiscussedToggle, NotesEditor, RemoveButton, TimeBoxEditor } from "./agenda-item-editors";
import { OutcomeLine } from "./outcome-list";
import { AgendaKindBadge } from "./rituals-badges";

/** A link an agenda item points at: a page of Tandem, or an outside https document in a new tab. */
export function AgendaLinkAnchor({ link, children }: { link: AgendaLink; children: React.ReactNode }) {
  if (/^https:\/\//.test(link.href)) {
    return (
      <Anchor href={link.href} target="_blank" rel="noopener noreferrer" inherit>
        {children}
      </Anchor>
    );
  }
  return (
    <HrefLink href={link.href} inherit>
      {children}
    </HrefLink>
  );
}

/** The time boxes against the meeting's length: one bar, and the sum in words. */
export function TimeBudget({ agenda }: { agenda: Agenda }) {
  const { totalMinutes, durationMinutes } = agenda;
  const over = totalMinutes > durationMinutes;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          Time boxes: {formatMinutes(totalMinutes)} of {formatMinutes(durationMinutes)}
        </Text>
        <Text size="sm" c={over ? "var(--mantine-color-red-text)" : "dimmed"}>
          {over
            ? `${formatMinutes(totalMinutes - durationMinutes)} over the meeting's length`
            : totalMinutes === durationMinutes
              ? "Adds up to the meeting's length"
              : `${formatMinutes(durationMinutes - totalMinutes)} left`}
        </Text>
      </Group>
      <Progress.Root size="md">
        {agenda.sections.map((section, index) =>
          section.minutes > 0 ? (
            <Progress.Section
              key={section.title}
              value={durationMinutes === 0 ? 0 : (section.minutes / Math.max(durationMinutes, totalMinutes)) * 100}
              color={over ? "red.6" : index % 2 === 0 ? "indigo.6" : "indigo.4"}
              aria-label={`${section.title}: ${section.minutes} minutes`}
            />
          ) : null,
        )}
      </Progress.Root>
    </Stack>
  );
}

interface AgendaItemCardProps {
  item: AgendaItem;
  agenda: Agenda;
  outcomes: Outcome[];
  canWrite: boolean;
  onRecordOutcome: (item: AgendaItem) => void;
}

/** One agenda item: what it is, who owns it, its time box, its notes (glossary terms recognised) and outcomes. */
function AgendaItemCard({ item, agenda, outcomes, canWrite, onRecordOutcome }: AgendaItemCardProps) {
  const meetingId = agenda.meeting.id;
  const [isEditing, setEditing] = useState(false);
  const [isTiming, setTiming] = useState(false);
  // Time boxes are planned before the meeting: once it has started the agenda is frozen.
  const canTime = canWrite && !agenda.frozen;
  const isCarried = item.kind === "carried_over" || item.source === "carried_over";
  return (
    <Card
      withBorder
      p="md"
      component="li"
      style={{ listStyle: "none", opacity: item.status === "discussed" ? 0.85 : 1 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap={6} wrap="wrap" style={{ minWidth: 0, flex: "1 1 240px" }}>
            <AgendaKindBadge kind={item.kind} />
            {isCarried && item.originKind && item.originKind !== "carried_over" && (
              <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                was {agendaKindMeta[item.originKind].label.toLowerCase()}
              </Badge>
            )}
            {item.status === "discussed" && (
              <Badge size="sm" variant="light" color="teal" leftSection={<IconCheck size={12} aria-hidden="true" />}>
                Discussed
              </Badge>
            )}
          </Group>
          <Text
            size="sm"
            fw={600}
            style={{ whiteSpace: "nowrap" }}
            aria-label={`Time box ${item.timeBoxMinutes} minutes`}
          >
            {formatMinutes(item.timeBoxMinutes)}
          </Text>
        </Group>
        <Text fw={600}>
          {item.link ? <AgendaLinkAnchor link={item.link}>{item.title}</AgendaLinkAnchor> : item.title}
        </Text>
        {item.detail && (
          <Text size="sm" c="dimmed">
            {item.detail}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Owner:{" "}
          {item.owner ? (
            <Text span inherit c="var(--mantine-color-text)">
              {item.owner.name} ({sideLabels[item.owner.side]})
            </Text>
          ) : (
            "nobody named"
          )}
        </Text>
        {isTiming && <TimeBoxEditor item={item} agenda={agenda} onDone={() => setTiming(false)} />}
        {isEditing ? (
          <NotesEditor item={item} meetingId={meetingId} onDone={() => setEditing(false)} />
        ) : (
          item.notes && (
            <div>
              <Text size="xs" c="dimmed">
                Notes
              </Text>
              <GlossaryText size="sm" text={item.notes} />
            </div>
          )
        )}
        {outcomes.length > 0 && (
          <Stack
            gap={4}
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            aria-label={`Outcomes of ${item.title}`}
          >
            {outcomes.map((outcome) => (
              <OutcomeLine key={outcome.id} outcome={outcome} />
            ))}
          </Stack>
        )}
        {canWrite && !isEditing && (
          <Group gap="xs" className="no-print">
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconNotes size={14} aria-hidden="true" />}
              onClick={() => setEditing(true)}
              aria-label={`${item.notes ? "Edit notes" : "Write notes"} on ${item.title}`}
            >
              {item.notes ? "Edit notes" : "Notes"}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => onRecordOutcome(item)}
              aria-label={`Record an outcome on ${item.title}`}
            >
              Outcome
            </Button>
            {canTime && !isTiming && (
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconClock size={14} aria-hidden="true" />}
                onClick={() => setTiming(true)}
                aria-label={`Change the time box of ${item.title}`}
              >
                Time box
              </Button>
            )}
            <DiscussedToggle item={item} meetingId={meetingId} />
            {item.source === "manual" && item.outcomeCount === 0 && <RemoveButton item={item} meetingId={meetingId} />}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

interface AgendaViewProps {
  agenda: Agenda;
  outcomes: Outcome[];
  canWrite: boolean;
  onRecordOutcome: (item: AgendaItem) => void;
}

/** The agenda grouped by section, each section with its minutes. */
export function AgendaView({ agenda, outcomes, canWrite, onRecordOutcome }: AgendaViewProps) {
  return (
    <Stack gap="lg">
      {agenda.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <Group justify="space-between" mb="xs" gap="xs">
            <Title order={3} size="h4">
              {section.title}
            </Title>
            <Text size="sm" c="dimmed">
              {section.items.length} {section.items.length === 1 ? "item" : "items"} · {formatMinutes(section.minutes)}
            </Text>
          </Group>
          {section.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing here this time.
            </Text>
          ) : (
            <Stack gap="sm" component="ol" m={0} p={0}>
              {section.items.map((item) => (
                <AgendaItemCard
                  key={item.id}
                  item={item}
                  agenda={agenda}
                  outcomes={outcomes.filter((outcome) => outcome.agendaItemId === item.id)}
                  canWrite={canWrite}
                  onRecordOutcome={onRecordOutcome}
                />
              ))}
            </Stack>
          )}
        </section>
      ))}
    </Stack>
  );
}
