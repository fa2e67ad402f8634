import { Badge, Group, Stack, Text } from "@mantine/core";
import type { Outcome, OutcomeType } from "#contracts/rituals";
import { HrefLink } from "../../home/components/href-link";
import { outcomeTypeMeta } from "../labels";

/** One outcome in a line: its type, what was decided or learned, and (for a decision) the request and reason. */
export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const meta = outcomeTypeMeta[outcome.type];
  return (
    <Group component="li" gap={8} align="flex-start" wrap="nowrap">
      <Badge size="sm" color={meta.color} variant="dot" style={{ flexShrink: 0, overflow: "visible" }} mt={2}>
        {meta.label}
      </Badge>
      <div style={{ minWidth: 0 }}>
        <Text size="sm">{outcome.summary}</Text>
        {outcome.request && (
          <Text size="xs" c="dimmed">
            Decides{" "}
            <HrefLink href={outcome.request.href} size="xs" underline="always">
              {outcome.request.title}
            </HrefLink>
          </Text>
        )}
        {outcome.reason && (
          <Text size="xs" c="dimmed">
            Why: {outcome.reason}
          </Text>
        )}
      </div>
    </Group>
  );
}

const order: OutcomeType[] = ["decision", "action_item", "information"];

/** Every outcome of a meeting, decisions first. */
export function OutcomeSummary({ outcomes }: { outcomes: Outcome[] }) {
  if (outcomes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No outcome yet. Record decisions, information and action items on the agenda's items as the meeting goes.
      </Text>
    );
  }
  const sorted = [...outcomes].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {sorted.map((outcome) => (
        <OutcomeLine key={outcome.id} outcome={outcome} />
      ))}
    </Stack>
  );
}
