import { Alert, Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconHandStop, IconUsersGroup } from "@tabler/icons-react";
import type { PurchaseJudgement, PurchaseReview } from "#contracts/guardrails";
import { AnchorLink } from "../../../components/ui/links";
import { formatDateTime } from "../../../lib/format";
import { reviewerLabels, reviewersInWords, reviewStatusMeta } from "../labels";
import { OutcomeBadge } from "./outcome-badge";

const icons = { approve: IconCircleCheck, review: IconUsersGroup, block: IconHandStop } as const;
const colors = { approve: "green", review: "yellow", block: "red" } as const;

/** What the policy saw as an overlapping tool (the Stack's facts; shown by name). */
function overlappingNames(judgement: PurchaseJudgement): string[] {
  return judgement.stack.overlapping.flatMap((tool) =>
    typeof tool === "object" && tool !== null && typeof (tool as { name?: unknown }).name === "string"
      ? [(tool as { name: string }).name]
      : [],
  );
}

/** The headline of an answer: what happens to the purchase now, in one sentence. */
function headlineOf(judgement: PurchaseJudgement): string {
  const { outcome, reviews } = judgement.result;
  if (outcome === "approve") return "Approved at once: the tool is in the Stack, in phase-in.";
  if (outcome === "block") return "Blocked by the purchase policy.";
  return `Sent for review by ${reviewersInWords(reviews)}.`;
}

/**
 * The purchase policy's answer on a request: the outcome, each matched rule's explanation, the rules that could not
 * be evaluated, the reviews it opened, and owned tools with idle seats when the request overlaps the Stack.
 */
export function JudgementView({ judgement, reviews }: { judgement: PurchaseJudgement; reviews?: PurchaseReview[] }) {
  const { result } = judgement;
  const Icon = icons[result.outcome];
  const overlapping = overlappingNames(judgement);
  return (
    <Stack gap="sm">
      <Alert
        color={colors[result.outcome]}
        variant="light"
        icon={<Icon aria-hidden="true" />}
        title={headlineOf(judgement)}
      >
        <Text size="xs">
          {judgement.policyVersion
            ? `Policy version ${judgement.policyVersion.number}`
            : "No purchase policy was active"}{" "}
          · {formatDateTime(judgement.evaluatedAt)}
        </Text>
      </Alert>
      {result.explanation.length > 0 && (
        <div>
          <Title order={3} size="h6" mb={4}>
            Why
          </Title>
          <List size="sm" spacing={4}>
            {result.explanation.map((entry) => (
              <List.Item key={entry.rule}>
                {entry.text}{" "}
                <Text span size="xs" c="dimmed">
                  (rule {entry.rule})
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {result.matched.length > 0 && result.explanation.length < result.matched.length && (
        <Text size="sm" c="dimmed">
          Matched rules: {result.matched.join(", ")}
        </Text>
      )}
      {result.errors.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title="Rules that could not be evaluated"
        >
          <Text size="sm" mb={4}>
            Each counts as a review by IT, never as an approval.
          </Text>
          <List size="sm" spacing={2}>
            {result.errors.map((error) => (
              <List.Item key={error.rule}>
                <Text span fw={600} size="sm">
                  {error.rule}
                </Text>
                : {error.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {reviews && reviews.length > 0 && (
        <div>
          <Title order={3} size="h6" mb={4}>
            Reviews
          </Title>
          <Stack gap={4}>
            {reviews.map((review) => (
              <Group key={review.id} gap="xs" wrap="wrap">
                <AnchorLink to="/guardrails/reviews" search={{ review: review.id }} size="sm">
                  {reviewerLabels[review.kind]} review
                </AnchorLink>
                <Badge size="sm" variant="light" color={reviewStatusMeta[review.status].color} tt="none">
                  {reviewStatusMeta[review.status].label}
                </Badge>
                {review.decidedBy && (
                  <Text size="xs" c="dimmed">
                    by {review.decidedBy.name}
                    {review.comment ? `: “${review.comment}”` : ""}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </div>
      )}
      {(overlapping.length > 0 || judgement.alternatives.length > 0) && (
        <div>
          <Title order={3} size="h6" mb={4}>
            Already in the Stack
          </Title>
          {overlapping.length > 0 && (
            <Text size="sm" mb={4}>
              Overlaps with {overlapping.join(", ")}.
            </Text>
          )}
          {judgement.alternatives.length > 0 && (
            <List size="sm" spacing={2}>
              {judgement.alternatives.map((tool) => (
                <List.Item key={tool.toolId}>
                  <AnchorLink to="/stack/tools/$id" params={{ id: tool.toolId }} size="sm">
                    {tool.name}
                  </AnchorLink>{" "}
                  has {tool.idleSeats} idle {tool.idleSeats === 1 ? "seat" : "seats"}
                  {tool.seatsBought !== null ? ` (${tool.seatsUsed ?? 0} of ${tool.seatsBought} used)` : ""}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      )}
    </Stack>
  );
}

/** The outcome and the verdict word side by side, for lists. */
export function JudgementBadge({ judgement }: { judgement: PurchaseJudgement }) {
  return <OutcomeBadge outcome={judgement.result.outcome} verdict />;
}
