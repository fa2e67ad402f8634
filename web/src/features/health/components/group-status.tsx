import { Badge, Group, Text } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import type { HealthSide } from "#contracts/health";
import { sideLabels, suppressedText } from "../labels";

/** A group as results show it. */
export interface GroupState {
  answered: number | null;
  suppressed: "below_k" | "complement_below_k" | null;
}

/** "Fewer than k answered" in place of a suppressed group's figures: a badge, never a number. */
export function SuppressedBadge({ group, k }: { group: GroupState; k: number }) {
  return (
    <Badge
      variant="light"
      color="gray"
      tt="none"
      fw={500}
      leftSection={<IconEyeOff size={12} aria-hidden="true" />}
      style={{ whiteSpace: "normal", height: "auto" }}
    >
      {suppressedText(group.suppressed, k)}
    </Badge>
  );
}

/** How many of a side answered, or that its results are withheld. */
export function GroupStatus({ side, group, k }: { side: HealthSide; group: GroupState; k: number }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {sideLabels[side]}:
      </Text>
      {group.suppressed ? (
        <SuppressedBadge group={group} k={k} />
      ) : (
        <Text size="sm">{group.answered === null ? "no answers yet" : `${group.answered} answered`}</Text>
      )}
    </Group>
  );
}
