import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { ExperimentDetail } from "#contracts/experiments";
import { describeError } from "../../../components/ui/page-error";
import { useUpdateExperiment } from "../hooks/use-experiments";

/** What an experiment taught, written down and edited in place. */
export function LearningsCard({ experiment, canWrite }: { experiment: ExperimentDetail; canWrite: boolean }) {
  const update = useUpdateExperiment();
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    update.mutate(
      { id: experiment.id, body: { version: experiment.version, learnings: draft } },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: "indigo", message: "Learnings saved" });
        },
        onError: (error) =>
          notifications.show({ color: "red", title: "Could not save", message: describeError(error) }),
      },
    );
  };
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          What we learnt
        </Title>
        {canWrite && draft === null && (
          <Button size="xs" variant="default" onClick={() => setDraft(experiment.learnings)}>
            Edit learnings
          </Button>
        )}
      </Group>
      {draft === null ? (
        <Text size="sm" c={experiment.learnings ? undefined : "dimmed"}>
          {experiment.learnings || "Nothing written down yet."}
        </Text>
      ) : (
        <Stack gap="xs">
          <Textarea
            label="Learnings"
            autosize
            minRows={3}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button size="xs" loading={update.isPending} onClick={save}>
              Save learnings
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
