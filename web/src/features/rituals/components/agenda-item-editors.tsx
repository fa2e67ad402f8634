import { Button, Group, NumberInput, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Agenda, AgendaItem } from "#contracts/rituals";
import { RitualsLimits } from "#contracts/rituals";
import { FormError } from "../../../components/ui/form-error";
import { describeError } from "../../../components/ui/page-error";
import { isApiError } from "../../../lib/api";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useRemoveAgendaItem, useUpdateAgendaItem } from "../hooks/use-rituals";
import { formatMinutes } from "../labels";

// The controls on an agenda item: discussed, remove, notes and its time box.
export function DiscussedToggle({ item, meetingId }: { item: AgendaItem; meetingId: string }) {
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

export function RemoveButton({ item, meetingId }: { item: AgendaItem; meetingId: string }) {
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

export function NotesEditor({ item, meetingId, onDone }: { item: AgendaItem; meetingId: string; onDone: () => void }) {
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
export function TimeBoxEditor({ item, agenda, onDone }: { item: AgendaItem; agenda: Agenda; onDone: () => void }) {
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
