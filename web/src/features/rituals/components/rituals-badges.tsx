import { Badge, Group, Text, Tooltip } from "@mantine/core";
import type { ActionPriority, AgendaItemKind, MeetingStatus, RitualPerson, RitualSide } from "#contracts/rituals";
import { agendaKindMeta, meetingStatusMeta, priorityMeta, sideLabels } from "../labels";

const badgeStyle = { flexShrink: 0, overflow: "visible" } as const;

/** What an agenda item is about (a KPI, a request, a renewal…). */
export function AgendaKindBadge({ kind }: { kind: AgendaItemKind }) {
  const meta = agendaKindMeta[kind];
  return (
    <Badge color={meta.color} variant="light" size="sm" style={badgeStyle} miw="fit-content">
      {meta.label}
    </Badge>
  );
}

/** A meeting's status. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const meta = meetingStatusMeta[status];
  return (
    <Badge color={meta.color} variant="light" style={badgeStyle}>
      {meta.label}
    </Badge>
  );
}

/** An action item's priority. */
export function PriorityBadge({ priority }: { priority: ActionPriority }) {
  const meta = priorityMeta[priority];
  return (
    <Badge color={meta.color} variant="outline" size="sm" style={badgeStyle}>
      {meta.label} priority
    </Badge>
  );
}

/** "No IT participant": a series or meeting one side is missing from. */
export function MissingSidesBadge({ sides }: { sides: ("marketing" | "it")[] }) {
  if (sides.length === 0) return null;
  const text =
    sides.length === 2 ? "Neither side" : sides[0] === "it" ? "No IT participant" : "No marketing participant";
  return (
    <Tooltip label="A joint ritual needs both marketing and IT in the room" withArrow>
      <Badge color="orange" variant="outline" style={badgeStyle}>
        {text}
      </Badge>
    </Tooltip>
  );
}

const sideOrder: RitualSide[] = ["marketing", "it", "other"];

/** Participants grouped by side, with "nobody yet" where a side has none. */
export function ParticipantsBySide({ people }: { people: RitualPerson[] }) {
  return (
    <Group gap="lg" align="flex-start" wrap="wrap">
      {sideOrder.map((side) => {
        const onSide = people.filter((person) => person.side === side);
        if (side === "other" && onSide.length === 0) return null;
        return (
          <div key={side} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {sideLabels[side]}
            </Text>
            {onSide.length === 0 ? (
              <Text size="sm" c="var(--mantine-color-orange-text)" fw={500}>
                Nobody yet
              </Text>
            ) : (
              <Text size="sm">{onSide.map((person) => person.name).join(", ")}</Text>
            )}
          </div>
        );
      })}
    </Group>
  );
}
