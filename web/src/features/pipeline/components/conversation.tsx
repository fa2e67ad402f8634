import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowRight, IconMessage } from "@tabler/icons-react";
import { useState } from "react";
import type { Stage } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { formatDateTime } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { useAddComment, usePeople, useRequestComments, useRequestEvents } from "../hooks/use-pipeline";
import { outcomeMeta, stageMeta } from "../labels";

const stageLabel = (stage: Stage | null) => (stage ? stageMeta[stage].label : "—");

/** A timeline entry's sentence from the event's kind and data. */
function describeEvent(
  event: {
    kind: string;
    fromStage: Stage | null;
    toStage: Stage | null;
    data: Record<string, unknown>;
  },
  currency: string,
): string {
  const move = event.toStage ? `${stageLabel(event.fromStage)} → ${stageLabel(event.toStage)}` : "";
  const text = (key: string) => (typeof event.data[key] === "string" ? (event.data[key] as string) : "");
  switch (event.kind) {
    case "decision": {
      const outcome = text("outcome") as keyof typeof outcomeMeta;
      return `Decided: ${outcomeMeta[outcome]?.label ?? outcome}${text("reason") ? ` — “${text("reason")}”` : ""}`;
    }
    case "appeal":
      return `Appealed${text("comment") ? `: “${text("comment")}”` : ""}`;
    case "review":
      return `Value reviewed: realised ${formatMoney(text("realisedBenefit"), currency)}`;
    case "paused":
      return `Waiting on the requester${text("reason") ? `: “${text("reason")}”` : ""} (clocks paused)`;
    case "resumed":
      return "Resumed (clocks running)";
    case "ranked":
      return "Re-ranked in the backlog";
    case "raci":
      return "Changed who does what";
    case "alternative_accepted":
      return "Accepted the alternative";
    default:
      if (event.toStage && !event.fromStage)
        return event.toStage === "draft" ? "Saved as a draft" : `${stageLabel(event.toStage)}`;
      return move ? `Moved ${move}` : event.kind.replace(/[._]/g, " ");
  }
}

/** Comments with @mentions, and the request's timeline of events. */
export function Conversation({
  requestId,
  currency,
  canComment,
}: {
  requestId: string;
  currency: string;
  canComment: boolean;
}) {
  const comments = useRequestComments(requestId);
  const events = useRequestEvents(requestId);
  const people = usePeople();
  const add = useAddComment(requestId);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = () => {
    if (body.trim() === "") {
      setError("Write something first");
      return;
    }
    setError(null);
    add.mutate(
      { body: body.trim(), mentions },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Comment added" });
          setBody("");
          setMentions([]);
        },
      },
    );
  };

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Conversation
      </Title>
      <Stack gap="md">
        {comments.isPending ? (
          <PageLoader label="Loading comments…" />
        ) : comments.isError ? (
          <ErrorState error={comments.error} onRetry={() => comments.refetch()} />
        ) : comments.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No comments yet.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {comments.data.items.map((comment) => (
              <li key={comment.id}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {comment.author.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(comment.createdAt)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {comment.mentions.length > 0 && (
                    <Text span size="sm" c="var(--mantine-color-indigo-text)" fw={600}>
                      {comment.mentions.map((person) => `@${person.name}`).join(" ")}{" "}
                    </Text>
                  )}
                  <GlossaryText span size="sm" text={comment.body} />
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {canComment && (
          <Stack gap="xs">
            <FormError error={add.error} />
            <Textarea
              label="Add a comment"
              autosize
              minRows={2}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={error}
            />
            <MultiSelect
              label="Mention people"
              description="They get a notification"
              placeholder="@someone"
              data={(people.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
              value={mentions}
              onChange={setMentions}
              searchable
            />
            <Group justify="flex-end">
              <Button
                leftSection={<IconMessage size={16} aria-hidden="true" />}
                onClick={handleSubmit}
                loading={add.isPending}
              >
                Comment
              </Button>
            </Group>
          </Stack>
        )}
        <Title order={3} size="h5" mt="sm">
          Timeline
        </Title>
        {events.isPending ? (
          <PageLoader label="Loading the timeline…" />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} />
        ) : (
          <Timeline bulletSize={18} lineWidth={2} active={events.data.items.length}>
            {events.data.items.map((event) => (
              <Timeline.Item key={event.id} bullet={<IconArrowRight size={10} aria-hidden="true" />}>
                <Text size="sm">{describeEvent(event, currency)}</Text>
                <Text size="xs" c="dimmed">
                  {event.actor?.name ?? "Tandem"} · {formatDateTime(event.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Card>
  );
}
