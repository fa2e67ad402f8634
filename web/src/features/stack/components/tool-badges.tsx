import { Badge, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { StackCategory, TimeClass, Tool, ToolStatus } from "#contracts/stack";
import {
  categoryMeta,
  complianceMeta,
  countdownColor,
  daysUntil,
  describeDays,
  formatCalendarDate,
  statusMeta,
  timeMeta,
} from "../labels";

// Badges in table cells must not be squeezed into "Sancti…".
const noShrink = { flexShrink: 0, minWidth: "max-content" } as const;

/** Sanctioned, under review or shadow IT. */
export function ToolStatusBadge({ status }: { status: ToolStatus }) {
  const meta = statusMeta[status];
  return (
    <Badge color={meta.color} variant="light" tt="none" style={noShrink}>
      {meta.label}
    </Badge>
  );
}

/** The top category, in its colour. */
export function CategoryBadge({ category }: { category: StackCategory }) {
  const meta = categoryMeta[category];
  return (
    <Badge color={meta.color} variant="dot" tt="none" style={noShrink}>
      {meta.label}
    </Badge>
  );
}

/** Compliant, unknown, at risk or not compliant, with the number of findings. */
export function ComplianceBadge({ compliance, compact }: { compliance: Tool["compliance"]; compact?: boolean }) {
  const meta = complianceMeta[compliance.status];
  const gaps = compliance.gaps.length;
  const gapsText = gaps > 0 ? `${gaps} ${gaps === 1 ? "gap" : "gaps"}` : "";
  if (compact) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color={meta.color} variant="light" tt="none" style={noShrink}>
          {meta.label}
        </Badge>
        {gapsText && (
          <Text size="xs" c="dimmed">
            {gapsText}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Badge color={meta.color} variant="light" tt="none" style={noShrink}>
      {meta.label}
      {gapsText ? ` · ${gapsText}` : ""}
    </Badge>
  );
}

/** Invest, tolerate, migrate or eliminate. */
export function TimeBadge({ timeClass }: { timeClass: TimeClass | null }) {
  if (!timeClass)
    return (
      <Text size="sm" c="dimmed">
        Not scored
      </Text>
    );
  const meta = timeMeta[timeClass];
  return (
    <Tooltip label={meta.help}>
      <Badge color={meta.color} variant="light" tt="none" style={noShrink}>
        {meta.label}
      </Badge>
    </Tooltip>
  );
}

/** Seats used of seats bought, as a bar with the percentage. */
export function UtilisationBar({ tool }: { tool: Pick<Tool, "utilisation" | "seatsUsed" | "seatsBought"> }) {
  if (tool.utilisation === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const percent = Math.round(tool.utilisation * 100);
  const color = percent < 50 ? "orange" : percent > 100 ? "red" : "teal";
  return (
    <Group gap={8} wrap="nowrap" miw={110}>
      <Progress
        value={Math.min(100, percent)}
        color={color}
        size="sm"
        style={{ flex: 1 }}
        aria-label={`${percent}% of seats used (${tool.seatsUsed} of ${tool.seatsBought})`}
      />
      <Text size="xs" c="dimmed" w={36} ta="right">
        {percent}%
      </Text>
    </Group>
  );
}

/** "Cancel by 12 Mar 2026 · in 40 days", red when close. */
export function CancelByCountdown({ cancelBy, compact }: { cancelBy: string | null; compact?: boolean }) {
  if (!cancelBy)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const days = daysUntil(cancelBy);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={countdownColor(days)} variant="light" tt="none" style={noShrink}>
        {days < 0 ? "passed" : describeDays(days)}
      </Badge>
      {!compact && (
        <Text size="xs" c="dimmed">
          {formatCalendarDate(cancelBy)}
        </Text>
      )}
    </Group>
  );
}
