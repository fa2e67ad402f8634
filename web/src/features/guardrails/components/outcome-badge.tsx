import { Badge, Group } from "@mantine/core";
import type { PolicyOutcome, ReviewerKind } from "#contracts/policy";
import { outcomeMeta, reviewerLabels } from "../labels";

/** A rule's or an answer's outcome as a coloured word. */
export function OutcomeBadge({ outcome, verdict = false }: { outcome: PolicyOutcome; verdict?: boolean }) {
  const meta = outcomeMeta[outcome];
  return (
    <Badge color={meta.color} variant="light" tt="none">
      {verdict ? meta.verdict : meta.label}
    </Badge>
  );
}

/** Reviewer kinds as small outlined badges. */
export function ReviewerBadges({ kinds }: { kinds: readonly ReviewerKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {kinds.map((kind) => (
        <Badge key={kind} size="sm" variant="outline" color="gray" tt="none">
          {reviewerLabels[kind]}
        </Badge>
      ))}
    </Group>
  );
}
