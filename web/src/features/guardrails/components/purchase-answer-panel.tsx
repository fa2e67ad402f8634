import { Card, Group, Text, Title } from "@mantine/core";
import type { PipelineRequest } from "#contracts/pipeline";
import { ErrorState } from "../../../components/ui/page-error";
import { useJudgements, useRequestReviews } from "../hooks/use-guardrails";
import { JudgementView } from "./judgement-view";
import { OutcomeBadge } from "./outcome-badge";

/** On a purchase request's page: the purchase policy's latest answer and the reviews it opened. */
export function PurchaseAnswerPanel({ request }: { request: PipelineRequest }) {
  const isDraft = request.stage === "draft";
  const judgements = useJudgements(request.id);
  const reviews = useRequestReviews(request.id);
  const latest = judgements.data?.[0];
  return (
    <Card component="section" aria-labelledby="purchase-answer-heading">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="purchase-answer-heading">
          The purchase policy's answer
        </Title>
        {latest && <OutcomeBadge outcome={latest.result.outcome} verdict />}
      </Group>
      {judgements.isPending ? (
        <Text size="sm" c="dimmed">
          Loading the answer…
        </Text>
      ) : judgements.isError ? (
        <ErrorState error={judgements.error} onRetry={() => judgements.refetch()} />
      ) : latest ? (
        <JudgementView
          judgement={latest}
          reviews={(reviews.data ?? []).filter((review) => latest.reviewIds.includes(review.id))}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {isDraft
            ? "The policy answers as soon as the request is submitted."
            : request.purchase
              ? "The policy has not judged this request."
              : "This request has no purchase details, so the policy cannot judge it."}
        </Text>
      )}
    </Card>
  );
}
