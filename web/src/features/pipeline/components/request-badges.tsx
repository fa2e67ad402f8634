import { Badge, Text } from "@mantine/core";
import type { Priority, RequestSummary, Stage } from "#contracts/pipeline";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { priorityMeta, stageMeta } from "../labels";

// Badges in table cells must not be squeezed into "Uncl…".
const noShrink = { flexShrink: 0, minWidth: "max-content" } as const;

/** The stage a request is in. */
export function StageBadge({ stage, size = "sm" }: { stage: Stage; size?: "xs" | "sm" | "md" | "lg" }) {
  const meta = stageMeta[stage];
  return (
    <Badge color={meta.color} variant="light" tt="none" size={size} style={noShrink}>
      {meta.label}
    </Badge>
  );
}

/** The priority class, or "Unclassified". */
export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (!priority) {
    return (
      <Badge color="gray" variant="outline" tt="none" size="sm" style={noShrink}>
        Unclassified
      </Badge>
    );
  }
  const meta = priorityMeta[priority];
  return (
    <Badge color={meta.color} variant="light" tt="none" size="sm" style={noShrink}>
      {meta.label}
    </Badge>
  );
}

/** When the next service-level clock falls due, marked breached, at risk (within a day) or paused. */
export function DueMarker({ request, now = new Date() }: { request: RequestSummary; now?: Date }) {
  if (request.waitingOnRequester) {
    return (
      <Badge color="gray" variant="outline" tt="none" size="sm">
        Paused: waiting on requester
      </Badge>
    );
  }
  if (request.breached) {
    return (
      <Badge color="red" variant="light" tt="none" size="sm" title={formatDateTime(request.nextDueAt)}>
        Breached{request.nextDueAt ? ` · due ${formatRelative(request.nextDueAt, now)}` : ""}
      </Badge>
    );
  }
  if (!request.nextDueAt) {
    return (
      <Text size="xs" c="dimmed">
        No clock running
      </Text>
    );
  }
  const hoursLeft = (Date.parse(request.nextDueAt) - now.getTime()) / 3_600_000;
  if (hoursLeft < 24) {
    return (
      <Badge color="orange" variant="light" tt="none" size="sm" title={formatDateTime(request.nextDueAt)}>
        At risk · due {formatRelative(request.nextDueAt, now)}
      </Badge>
    );
  }
  return (
    <Text size="xs" title={formatDateTime(request.nextDueAt)}>
      Due {formatRelative(request.nextDueAt, now)}
    </Text>
  );
}
