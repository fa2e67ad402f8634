import { Anchor, Badge, Button, Card, Group, NumberInput, Progress, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconClock, IconNotes, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Agenda, AgendaItem, AgendaLink, Outcome } from "#contracts/rituals";
import { RitualsLimits } from "#contracts/rituals";
import { FormError } from "../../../components/ui/form-error";
import { describeError } from "../../../components/ui/page-error";
import { isApiError } from "../../../lib/api";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { HrefLink } from "../../home/components/href-link";
import { useRemoveAgendaItem, useUpdateAgendaItem } from "../hooks/use-rituals";
import { agendaKindMeta, formatMinutes, sideLabels } from "../labels";
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

function DiscussedToggle({ item, meetingId }: { item: AgendaItem; meetingId: string }) {
  const update = useUpdateAgendaItem();
  const isDiscussed = item.status === "discussed";
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      loading={update.isPending}
      aria-label={`${isDiscussed ? "Reopen" : "Mark discussed"}: ${item.title}`}
      onClick={() =>
        update.mutate(
          {
            meetingId,
            itemId: item.id,
            body: { version: item.version, status: isDiscussed ? "open" : "discussed" },
          },
          {
            onError: (error) => {
              if (!handleStaleEdit(error, "agenda item"))
                notifications.show({ color: "red", message: describeError(error) });
            },
          },
        )
      }
    >
      {isDiscussed ? "Reopen" : "Mark discussed"}
    </Button>
  );
}

function RemoveButton({ item, meetingId }: { item: AgendaItem; meetingId: string }) {
  const remove = useRemoveAgendaItem();
  // The button goes with its item: the promise, unlike mutate's callbacks, outlives it.
  const handleClick = async () => {
    try {
      await remove.mutateAsync({ meetingId, itemId: item.id });
      notifications.show({ color: "indigo", message: `${item.title} removed from the agenda` });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
  };
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red"
      loading={remove.isPending}
      aria-label={`Remove ${item.title} from the agenda`}
      onClick={() => void handleClick()}
    >
      Remove
    </Button>
  );
}

function NotesEditor({ item, meetingId, onDone }: { item: AgendaItem; meetingId: string; onDone: () => void }) {
  const update = useUpdateAgendaItem();
  const [notes, setNotes] = useState(item.notes);
  const [version] = useState(item.version);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { meetingId, itemId: item.id, body: { version, notes } },
          {
            onSuccess: () => {
              notifications.show({ color: "indigo", message: "Notes saved" });
              onDone();
            },
            onError: (error) => {
              if (handleStaleEdit(error, "agenda item")) onDone();
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <FormError error={update.error} />
        <Textarea
          label={`Notes on ${item.title}`}
          description="Glossary terms are recognised when the notes are read."
          autosize
          minRows={3}
          maxLength={RitualsLimits.notesMax}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          data-autofocus
        />
        <Group gap="xs" justify="flex-end">
          <Button size="compact-sm" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="compact-sm" type="submit" loading={update.isPending}>
            Save notes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Sets one item's time box (then kept when the agenda is refreshed; the other items share what is left). Shows the
 * agenda's sum with the new value against the meeting's length; the server refuses set boxes over the length.
 */
function TimeBoxEditor({ item, agenda, onDone }: { item: AgendaItem; agenda: Agenda; onDone: () => void }) {
  const update = useUpdateAgendaItem();
  const [minutes, setMinutes] = useState<number | string>(item.timeBoxMinutes);
  const [version] = useState(item.version);
  const [error, setError] = useState<string | null>(null);
  const value = typeof minutes === "number" ? minutes : Number.NaN;
  const items = agenda.sections.flatMap((section) => section.items);
  const setByOthers = items
    .filter((other) => other.id !== item.id && other.timeBoxFixed)
    .reduce((total, other) => total + other.timeBoxMinutes, 0);
  const setSum = setByOthers + (Number.isFinite(value) ? value : 0);
  const sharing = items.filter((other) => other.id !== item.id && !other.timeBoxFixed).length;
  const over = setSum > agenda.durationMinutes;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!Number.isInteger(value) || value < 0 || value > RitualsLimits.timeBoxMaxMinutes) {
          setError(`Minutes must be a whole number from 0 to ${RitualsLimits.timeBoxMaxMinutes}`);
          return;
        }
        // The server's rule, said before asking it: the set time boxes fit in the meeting.
        if (over) {
          setError(
            `Minutes must be at most ${Math.max(0, agenda.durationMinutes - setByOthers)}: the set time boxes would exceed the meeting's ${agenda.durationMinutes} minutes`,
          );
          return;
        }
        setError(null);
        update.mutate(
          { meetingId: agenda.meeting.id, itemId: item.id, body: { version, timeBoxMinutes: value } },
          {
            onSuccess: () => {
              notifications.show({
                color: "indigo",
                message: `Time box of ${item.title} set to ${formatMinutes(value)}`,
              });
              onDone();
            },
            onError: (failure) => {
              if (handleStaleEdit(failure, "agenda item")) onDone();
              else if (isApiError(failure)) {
                const field = failure.fieldErrors.find((entry) => entry.path === "timeBoxMinutes");
                setError(field ? `Minutes ${field.message}` : describeError(failure));
              } else setError(describeError(failure));
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <NumberInput
          label={`Time box of ${item.title} (minutes)`}
          description={
            <span aria-live="polite">
              Set time boxes with this one: {formatMinutes(setSum)} of the meeting's{" "}
              {formatMinutes(agenda.durationMinutes)}
              {over
                ? `, ${formatMinutes(setSum - agenda.durationMinutes)} too long.`
                : sharing > 0
                  ? `; the other ${sharing === 1 ? "item shares" : `${sharing} items share`} the ${formatMinutes(agenda.durationMinutes - setSum)} left.`
                  : "."}
            </span>
          }
          min={0}
          max={RitualsLimits.timeBoxMaxMinutes}
          step={5}
          allowDecimal={false}
          value={minutes}
          onChange={setMinutes}
          error={error}
          data-autofocus
        />
        <Group gap="xs" justify="flex-end">
          <Button size="compact-sm" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="compact-sm" type="submit" loading={update.isPending}>
            Save time box
          </Button>
        </Group>
      </Stack>
    </form>
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
