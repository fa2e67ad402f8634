import { Button, Group, Modal, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import {
  DecideExperimentBody,
  type Experiment,
  ExperimentLimits,
  type ExperimentOutcome,
} from "#contracts/experiments";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { describeError } from "../../../components/ui/page-error";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useDecideExperiment } from "../hooks/use-experiments";
import { outcomeMeta } from "../labels";

const labels = { outcome: "Decision", reason: "Why", learnings: "What we learnt" };
const resolve = contractResolver(DecideExperimentBody, labels);

interface DecisionDialogProps {
  opened: boolean;
  experiment: Experiment;
  onClose: () => void;
}

/** Records the decision: ship, roll back or iterate, the reason (required) and what was learnt. */
export function DecisionDialog({ opened, experiment, onClose }: DecisionDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Decide ${experiment.name}`} size="lg">
      {opened && <DecisionForm experiment={experiment} onDone={onClose} />}
    </Modal>
  );
}

function DecisionForm({ experiment, onDone }: { experiment: Experiment; onDone: () => void }) {
  const decide = useDecideExperiment();
  const [openedVersion] = useState(experiment.version);
  const form = useForm<{ outcome: ExperimentOutcome | ""; reason: string; learnings: string }>({
    mode: "controlled",
    initialValues: { outcome: "", reason: "", learnings: experiment.learnings },
    validate: (values) =>
      resolve({ version: openedVersion, ...values, outcome: values.outcome || undefined } as Record<string, unknown>),
  });
  const handleSubmit = form.onSubmit((values) => {
    decide.mutate(
      {
        id: experiment.id,
        body: {
          version: openedVersion,
          outcome: values.outcome as ExperimentOutcome,
          reason: values.reason,
          learnings: values.learnings,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message: `${saved.name}: ${outcomeMeta[values.outcome as ExperimentOutcome].label.toLowerCase()}, recorded in the learning library`,
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict") || isApiError(error, "invalid_state")) {
            notifications.show({
              color: "orange",
              title: "Someone decided or changed this experiment meanwhile",
              message: describeError(error),
            });
            onDone();
            return;
          }
          applyServerErrors(form, error, labels);
        },
      },
    );
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {decide.error && !isApiError(decide.error, "validation_failed") && <FormError error={decide.error} />}
        <Radio.Group label={labels.outcome} required {...form.getInputProps("outcome")}>
          <Stack gap="xs" mt="xs">
            {(Object.keys(outcomeMeta) as ExperimentOutcome[]).map((outcome) => (
              <Radio
                key={outcome}
                value={outcome}
                label={outcomeMeta[outcome].label}
                description={outcomeMeta[outcome].description}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={labels.reason}
          required
          autosize
          minRows={2}
          description="The evidence behind the decision: people will read this in the learning library"
          maxLength={ExperimentLimits.textMax}
          {...form.getInputProps("reason")}
        />
        <Textarea
          label={labels.learnings}
          autosize
          minRows={2}
          description="What this taught you about your customers, for the next experiment"
          maxLength={ExperimentLimits.textMax}
          {...form.getInputProps("learnings")}
        />
        <Text size="xs" c="dimmed">
          Deciding closes the experiment: its results become final.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={decide.isPending}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
