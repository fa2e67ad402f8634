import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { User } from "#contracts/people";
import { type Meeting, sideOfTeamKind } from "#contracts/rituals";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { FormError } from "../../../components/ui/form-error";
import { describeError } from "../../../components/ui/page-error";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useRitualsPeople, useUpdateMeeting } from "../hooks/use-rituals";
import { formatMeetingTime, sideLabels } from "../labels";

function attendeeOptions(people: User[] | undefined, meeting: Meeting) {
  const byId = new Map<string, { value: string; label: string; side: string }>();
  for (const person of meeting.attendees) {
    byId.set(person.id, { value: person.id, label: person.name, side: sideLabels[person.side] });
  }
  for (const person of people ?? []) {
    if (!byId.has(person.id)) {
      byId.set(person.id, {
        value: person.id,
        label: person.name,
        side: sideLabels[sideOfTeamKind(person.team.kind)],
      });
    }
  }
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const option of byId.values()) {
    groups.set(option.side, [...(groups.get(option.side) ?? []), { value: option.value, label: option.label }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

interface CloseMeetingDialogProps {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
}

/** Closes a meeting as held, with who attended; open action items carry over to the next occurrence. */
export function CloseMeetingDialog({ meeting, opened, onClose }: CloseMeetingDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Close the meeting" size="lg">
      {opened && <CloseMeetingForm meeting={meeting} onDone={onClose} />}
    </Modal>
  );
}

function CloseMeetingForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const people = useRitualsPeople();
  const update = useUpdateMeeting();
  const [attendeeIds, setAttendeeIds] = useState(meeting.attendees.map((person) => person.id));
  const [version] = useState(meeting.version);
  const sides = new Set(
    (people.data ?? [])
      .filter((person) => attendeeIds.includes(person.id))
      .map((person) => sideOfTeamKind(person.team.kind)),
  );
  for (const person of meeting.attendees) if (attendeeIds.includes(person.id)) sides.add(person.side);
  const isOneSided = !(sides.has("marketing") && sides.has("it"));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: meeting.id, body: { version, status: "held", attendeeIds } },
          {
            onSuccess: () => {
              notifications.show({
                color: "indigo",
                message: "Meeting closed; open action items carry over to the next occurrence",
              });
              onDone();
            },
            onError: (error) => {
              if (handleStaleEdit(error, "meeting")) onDone();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <FormError error={update.error} />
        <MultiSelect
          label="Who attended"
          data={attendeeOptions(people.data, meeting)}
          value={attendeeIds}
          onChange={setAttendeeIds}
          searchable
          hidePickedOptions
        />
        {isOneSided && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">Only one side attended: the meeting will count as held without both sides.</Text>
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          Closing freezes the agenda. Action items still open go on the next occurrence's agenda until they are done,
          and the minutes become available to print.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Close as held
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Starts a scheduled meeting now (it moves to begin now, with its length kept): its agenda stops refreshing. */
export function StartNowDialog({ meeting, opened, onClose }: CloseMeetingDialogProps) {
  const update = useUpdateMeeting();
  const length = Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt);
  return (
    <ConfirmDialog
      opened={opened}
      title="Start the meeting now?"
      confirmLabel="Start now"
      isLoading={update.isPending}
      onClose={onClose}
      onConfirm={() => {
        // A minute back, so the meeting has begun by the time the answer arrives.
        const startsAt = new Date(Date.now() - 60_000);
        update.mutate(
          {
            id: meeting.id,
            body: {
              version: meeting.version,
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + length).toISOString(),
            },
          },
          {
            onSuccess: () => {
              notifications.show({ color: "indigo", message: "The meeting has started; its agenda is frozen" });
              onClose();
            },
            onError: (error) => {
              if (!handleStaleEdit(error, "meeting"))
                notifications.show({ color: "red", message: describeError(error) });
              onClose();
            },
          },
        );
      }}
    >
      It moves from {formatMeetingTime(meeting.startsAt, meeting.endsAt)} to now, with the same length. The agenda stops
      refreshing from live data; notes and outcomes go on as before.
    </ConfirmDialog>
  );
}
