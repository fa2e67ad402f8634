import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import type { PurchaseReview } from "#contracts/guardrails";
import { GuardrailLimits } from "#contracts/guardrails";
import { FormError } from "../../../components/ui/form-error";
import { AnchorLink } from "../../../components/ui/links";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { isApiError } from "../../../lib/api";
import { formatDate, formatDateTime } from "../../../lib/format";
import { useDecideReview, useJudgements, useReview } from "../hooks/use-guardrails";
import { reviewerLabels, reviewStatusMeta } from "../labels";
import { JudgementView } from "./judgement-view";

function ReviewBody({ review, onDone }: { review: PurchaseReview; onDone: () => void }) {
  const decide = useDecideReview();
  const judgements = useJudgements(review.request.id);
  const [checklist, setChecklist] = useState(review.checklist);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();
  useEffect(() => setChecklist(review.checklist), [review.checklist]);
  const judgement = judgements.data?.find((entry) => entry.reviewIds.includes(review.id)) ?? judgements.data?.[0];

  const handleDecide = (outcome: "approve" | "reject") => {
    if (comment.trim() === "") {
      setCommentError(outcome === "reject" ? "Say why it is rejected: the requester reads it" : "Comment is required");
      return;
    }
    setCommentError(undefined);
    decide.mutate(
      { id: review.id, body: { outcome, comment: comment.trim(), checklist, version: review.version } },
      {
        onSuccess: (decided) => {
          notifications.show({
            color: outcome === "approve" ? "green" : "red",
            message: `${reviewerLabels[decided.kind]} review of ${decided.request.reference} ${
              outcome === "approve" ? "approved" : "rejected"
            }`,
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifications.show({
              color: "orange",
              message: "Someone acted on this review meanwhile; it now shows their decision.",
            });
          }
        },
      },
    );
  };

  const isOpen = review.status === "open";
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={reviewStatusMeta[review.status].color} tt="none">
          {reviewStatusMeta[review.status].label}
        </Badge>
        {review.dueAt && (
          <Text size="sm" c="dimmed">
            Due {formatDate(review.dueAt)}
          </Text>
        )}
        <AnchorLink to="/pipeline/requests/$id" params={{ id: review.request.id }} size="sm">
          Open {review.request.reference}
        </AnchorLink>
      </Group>
      {judgement && <JudgementView judgement={judgement} />}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Title order={3} size="h5" mb={6} component="legend">
          Checklist
        </Title>
        <Stack gap={6}>
          {checklist.map((entry, index) => (
            <Checkbox
              key={entry.item}
              label={entry.item}
              checked={entry.done}
              disabled={!isOpen || !review.canDecide}
              onChange={(event) => {
                const done = event.currentTarget.checked;
                setChecklist((items) => items.map((item, at) => (at === index ? { ...item, done } : item)));
              }}
            />
          ))}
        </Stack>
      </fieldset>
      {!isOpen ? (
        <Alert color={reviewStatusMeta[review.status].color} variant="light">
          {review.decidedBy
            ? `${reviewStatusMeta[review.status].label} by ${review.decidedBy.name} on ${formatDateTime(review.decidedAt)}${
                review.comment ? `: “${review.comment}”` : ""
              }`
            : `This review is ${review.status}.`}
        </Alert>
      ) : review.canDecide ? (
        <>
          <Textarea
            label="Comment"
            description="Required; the requester reads it"
            required
            autosize
            minRows={2}
            maxLength={GuardrailLimits.textMax}
            value={comment}
            error={commentError}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <FormError error={isApiError(decide.error, "conflict") ? null : decide.error} />
          <Group justify="flex-end" gap="sm">
            <Button
              color="red"
              variant="light"
              loading={decide.isPending && decide.variables?.body.outcome === "reject"}
              onClick={() => handleDecide("reject")}
            >
              Reject
            </Button>
            <Button
              loading={decide.isPending && decide.variables?.body.outcome === "approve"}
              onClick={() => handleDecide("approve")}
            >
              Approve
            </Button>
          </Group>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          A person of a {reviewerLabels[review.kind]} team, or an admin, decides this review.
        </Text>
      )}
    </Stack>
  );
}

/** One purchase review: the policy's answer, the checklist, and approve or reject with a comment. */
export function ReviewDialog({ reviewId, onClose }: { reviewId: string | undefined; onClose: () => void }) {
  const review = useReview(reviewId);
  const title = review.data
    ? `${reviewerLabels[review.data.kind]} review · ${review.data.request.reference} ${review.data.request.title}`
    : "Review";
  return (
    <Modal opened={Boolean(reviewId)} onClose={onClose} title={title} size="lg">
      {review.isPending ? (
        <PageLoader label="Loading the review…" />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => review.refetch()} />
      ) : (
        <ReviewBody key={review.data.id} review={review.data} onDone={onClose} />
      )}
    </Modal>
  );
}
