import { Badge, Text, Tooltip } from "@mantine/core";
import type { Experiment, ExperimentOutcome, ExperimentStatus } from "#contracts/experiments";
import { describeHeadline, outcomeMeta, statusMeta, verdictMeta } from "../labels";

/** An experiment's status. */
export function StatusBadge({ status }: { status: ExperimentStatus }) {
  const meta = statusMeta[status];
  return (
    <Badge color={meta.color} variant="light" style={{ flexShrink: 0, overflow: "visible" }}>
      {meta.label}
    </Badge>
  );
}

/** What was decided. */
export function OutcomeBadge({ outcome }: { outcome: ExperimentOutcome }) {
  const meta = outcomeMeta[outcome];
  return (
    <Badge color={meta.color} variant="filled" style={{ flexShrink: 0, overflow: "visible" }}>
      {meta.label}
    </Badge>
  );
}

/** The latest result at a glance: the most telling variant's lift and interval, coloured by its verdict. */
export function HeadlineText({ experiment }: { experiment: Experiment }) {
  const { headline } = experiment;
  if (!headline) {
    return (
      <Text size="xs" c="dimmed">
        No results yet
      </Text>
    );
  }
  const meta = verdictMeta[headline.verdict];
  const color =
    headline.verdict === "win"
      ? "var(--mantine-color-teal-text)"
      : headline.verdict === "loss"
        ? "var(--mantine-color-red-text)"
        : undefined;
  return (
    <Tooltip label={`${meta.label} on ${headline.metric}`}>
      <Text size="sm" c={color} fw={headline.verdict === "inconclusive" ? 400 : 600}>
        {describeHeadline(headline)}
        {headline.warnings > 0 && (
          <Text span size="xs" c="var(--mantine-color-orange-text)" fw={600}>
            {" "}
            · {headline.warnings} {headline.warnings === 1 ? "warning" : "warnings"}
          </Text>
        )}
      </Text>
    </Tooltip>
  );
}
