import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { DecisionOutcome, PipelineRequest } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { isApiError } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { useAppeal, useDecide, useReview, useSetWaiting, useStackTools } from "../hooks/use-pipeline";
import { outcomeMeta } from "../labels";
import { notifyRequestError } from "./notify";

interface DialogProps {
  request: PipelineRequest;
  opened: boolean;
  onClose: () => void;
}

function fieldError(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.fieldErrors.find((entry) => entry.path === path || entry.path.startsWith(`${path}.`));
  return found ? found.message : undefined;
}

interface AlternativeDraft {
  key: number;
  text: string;
  toolId: string | null;
}

/** The decision: approve, decline, defer or offer an alternative; a reason always, alternatives when the answer is no. */
export function DecisionDialog({ request, opened, onClose }: DialogProps) {
  const decide = useDecide();
  const tools = useStackTools();
  const [outcome, setOutcome] = useState<DecisionOutcome>("approved");
  const [reason, setReason] = useState("");
  const [alternatives, setAlternatives] = useState<AlternativeDraft[]>([{ key: 0, text: "", toolId: null }]);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const needsAlternatives = outcome === "declined" || outcome === "alternative";

  const handleSubmit = () => {
    if (reason.trim() === "") {
      setReasonError("A reason is required");
      return;
    }
    setReasonError(null);
    const chosen = needsAlternatives
      ? alternatives
          .filter((alternative) => alternative.text.trim() !== "" || alternative.toolId)
          .map((alternative) => ({ text: alternative.text.trim(), toolId: alternative.toolId }))
      : [];
    decide.mutate(
      { id: request.id, body: { outcome, reason: reason.trim(), alternatives: chosen, version: request.version } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message: `${saved.reference}: ${outcomeMeta[outcome].label.toLowerCase()}`,
          });
          onClose();
        },
        onError: (error) => {
          // Someone changed or decided it meanwhile: say so and let the page show the request as it is now.
          if (isApiError(error, "conflict") || isApiError(error, "invalid_state")) {
            notifyRequestError(error);
            onClose();
          }
        },
      },
    );
  };

  const serverError = decide.error;
  const reasonMessage = reasonError ?? fieldError(serverError, "reason");
  const alternativesMessage = fieldError(serverError, "alternatives");
  return (
    <Modal opened={opened} onClose={onClose} title={`Decide on ${request.reference}`} size="lg">
      <Stack gap="md">
        {serverError &&
          !isApiError(serverError, "conflict") &&
          !isApiError(serverError, "invalid_state") &&
          !reasonMessage &&
          !alternativesMessage && <FormError error={serverError} />}
        <div>
          <Text size="sm" fw={500} id="decision-outcome-label" mb={4}>
            Outcome
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="decision-outcome-label"
            value={outcome}
            onChange={(value) => setOutcome(value as DecisionOutcome)}
            data={(Object.keys(outcomeMeta) as DecisionOutcome[]).map((value) => ({
              value,
              label: value === "alternative" ? "Alternative" : outcomeMeta[value].label,
            }))}
            orientation="horizontal"
            styles={{ root: { flexWrap: "wrap" } }}
          />
        </div>
        <Textarea
          label="Reason"
          description="Always required: the requester sees it, and so does everyone later."
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonMessage}
          data-autofocus
        />
        {needsAlternatives && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              What the requester can do instead
            </Text>
            {alternativesMessage && (
              <Alert color="red" variant="light" role="alert">
                {alternativesMessage}
              </Alert>
            )}
            {alternatives.map((alternative, index) => (
              <Group key={alternative.key} align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={`Alternative ${index + 1}`}
                  placeholder="In your words"
                  value={alternative.text}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setAlternatives((list) => list.map((a) => (a.key === alternative.key ? { ...a, text } : a)));
                  }}
                  style={{ flex: "1 1 200px" }}
                />
                <Select
                  label={`Tool in the Stack for alternative ${index + 1}`}
                  placeholder="Optional"
                  data={(tools.data ?? []).map((tool) => ({
                    value: tool.id,
                    label: tool.capabilities.length ? `${tool.name} · ${tool.capabilities.join(", ")}` : tool.name,
                  }))}
                  value={alternative.toolId}
                  onChange={(toolId) =>
                    setAlternatives((list) => list.map((a) => (a.key === alternative.key ? { ...a, toolId } : a)))
                  }
                  searchable
                  clearable
                  style={{ flex: "1 1 200px" }}
                />
                <ActionIcon
                  variant="default"
                  size={36}
                  aria-label={`Remove alternative ${index + 1}`}
                  disabled={alternatives.length === 1}
                  onClick={() => setAlternatives((list) => list.filter((a) => a.key !== alternative.key))}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => setAlternatives((list) => [...list, { key: Date.now(), text: "", toolId: null }])}
              >
                Add an alternative
              </Button>
            </Group>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={handleSubmit} loading={decide.isPending}>
            Record the decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The requester's single appeal, with a comment. */
export function AppealDialog({ request, opened, onClose }: DialogProps) {
  const appeal = useAppeal();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = () => {
    if (comment.trim() === "") {
      setError("Say why the decision should change");
      return;
    }
    appeal.mutate(
      { id: request.id, comment: comment.trim(), version: request.version },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Appeal sent: the request is back in decision" });
          onClose();
        },
        onError: (failure) => {
          notifyRequestError(failure, "Could not appeal");
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Appeal the decision">
      <Stack>
        <Text size="sm">You can appeal once. The request goes back to decision with your comment.</Text>
        <Textarea
          label="Why it should be decided again"
          required
          autosize
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={handleSubmit} loading={appeal.isPending}>
            Appeal
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The value review: what the request actually brought, against what was expected. */
export function ReviewDialog({ request, opened, onClose }: DialogProps) {
  const review = useReview();
  const [realised, setRealised] = useState("");
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = () => {
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(realised.trim())) {
      setError("Realised benefit must be an amount like 12345.67");
      return;
    }
    setError(null);
    review.mutate(
      { id: request.id, realisedBenefit: realised.trim(), notes, version: request.version },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${request.reference} reviewed and closed` });
          onClose();
        },
        onError: (failure) => {
          const message = fieldError(failure, "realisedBenefit");
          if (message) setError(`Realised benefit ${message}`);
          else {
            notifyRequestError(failure, "Could not record the review");
            onClose();
          }
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Value review">
      <Stack>
        <Text size="sm">
          Expected: {formatMoney(request.totalExpectedBenefit, request.currency)}
          {request.review.dueOn ? ` · review due ${request.review.dueOn}` : ""}
        </Text>
        <TextInput
          label={`Realised benefit (${request.currency})`}
          required
          inputMode="decimal"
          value={realised}
          onChange={(event) => setRealised(event.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Textarea
          label="What happened"
          autosize
          minRows={2}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={handleSubmit} loading={review.isPending}>
            Record and close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Waits on the requester with a question: the clocks pause until they answer. */
export function WaitDialog({ request, opened, onClose }: DialogProps) {
  const waiting = useSetWaiting();
  const [reason, setReason] = useState("");
  const handleSubmit = () =>
    waiting.mutate(
      { id: request.id, waiting: true, version: request.version, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Waiting on the requester: the clocks are paused" });
          onClose();
        },
        onError: (failure) => {
          notifyRequestError(failure);
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title="Wait on the requester">
      <Stack>
        <Text size="sm">The clocks pause until the requester answers (a comment from them resumes them).</Text>
        <Textarea
          label="What you need from them"
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={handleSubmit} loading={waiting.isPending}>
            Wait on the requester
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
