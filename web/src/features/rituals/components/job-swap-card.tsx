import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { type JobSwap, JobSwapLimits, WriteJobSwapReflectionBody } from "#contracts/job-swaps";
import { FormError } from "../../../components/ui/form-error";
import { formatDate } from "../../../lib/format";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { useWriteReflection } from "../hooks/use-rituals";
import { todayIso } from "../labels";

const phaseMeta = {
  planned: { label: "Planned", color: "indigo" },
  current: { label: "Under way", color: "teal" },
  past: { label: "Over", color: "gray" },
} as const;

function Reflection({ who, reflection }: { who: string; reflection: JobSwap["reflections"]["marketing"] }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {who}'s reflection
      </Text>
      {reflection ? (
        <>
          <GlossaryText size="sm" text={reflection.text} />
          <Text size="xs" c="dimmed">
            Written {formatDate(reflection.writtenAt)}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Not written yet
        </Text>
      )}
    </div>
  );
}

/** A pair: who, when, why (goals), and both reflections; the pair's own members write theirs once it ended. */
export function JobSwapCard({ swap, myId }: { swap: JobSwap; myId: string }) {
  const [isWriting, setWriting] = useState(false);
  const mySide = swap.marketingPerson.id === myId ? "marketing" : swap.itPerson.id === myId ? "it" : null;
  const hasEnded = swap.endDate <= todayIso();
  const mine = mySide ? swap.reflections[mySide] : null;
  return (
    <Card withBorder p="md" component="li" style={{ listStyle: "none" }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>
              {swap.marketingPerson.name} ⇄ {swap.itPerson.name}
            </Text>
            <Text size="xs" c="dimmed">
              {swap.marketingPerson.team?.name ?? "Marketing"} and {swap.itPerson.team?.name ?? "IT"} ·{" "}
              {formatDate(`${swap.startDate}T12:00:00Z`)} – {formatDate(`${swap.endDate}T12:00:00Z`)}
            </Text>
          </div>
          <Group gap={6}>
            <Badge variant="light" color="grape" style={{ flexShrink: 0 }}>
              {swap.kind === "swap" ? "Job swap" : "Shadowing"}
            </Badge>
            <Badge variant="light" color={phaseMeta[swap.phase].color} style={{ flexShrink: 0 }}>
              {phaseMeta[swap.phase].label}
            </Badge>
            {swap.reflectionsDue && (
              <Badge variant="outline" color="orange" style={{ flexShrink: 0 }}>
                Reflections due
              </Badge>
            )}
          </Group>
        </Group>
        <div>
          <Text size="xs" c="dimmed">
            Goals
          </Text>
          <GlossaryText size="sm" text={swap.goals} />
        </div>
        {(swap.phase === "past" || swap.reflections.marketing || swap.reflections.it) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Reflection who={swap.marketingPerson.name} reflection={swap.reflections.marketing} />
            <Reflection who={swap.itPerson.name} reflection={swap.reflections.it} />
          </SimpleGrid>
        )}
        {mySide && hasEnded && (
          <Group>
            <Button size="compact-sm" variant={mine ? "default" : "filled"} onClick={() => setWriting(true)}>
              {mine ? "Edit my reflection" : "Write my reflection"}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={isWriting} onClose={() => setWriting(false)} title="My reflection" size="lg">
        {isWriting && <ReflectionForm swap={swap} initial={mine?.text ?? ""} onDone={() => setWriting(false)} />}
      </Modal>
    </Card>
  );
}

function ReflectionForm({ swap, initial, onDone }: { swap: JobSwap; initial: string; onDone: () => void }) {
  const write = useWriteReflection();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = WriteJobSwapReflectionBody.safeParse({ text });
        if (!parsed.success) {
          setError(`Reflection ${parsed.error.issues[0]?.message ?? "is required"}`);
          return;
        }
        setError(null);
        write.mutate(
          { id: swap.id, body: parsed.data },
          {
            onSuccess: () => {
              notifications.show({ color: "indigo", message: "Reflection saved" });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <FormError error={write.error} />
        <Textarea
          label="Reflection"
          required
          autosize
          minRows={4}
          maxLength={JobSwapLimits.reflectionMax}
          description={`What you learned with ${swap.marketingPerson.name} and ${swap.itPerson.name}, against the goals you set.`}
          value={text}
          error={error}
          onChange={(event) => setText(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={write.isPending}>
            Save reflection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
