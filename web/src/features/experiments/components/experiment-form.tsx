import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { type Experiment, ExperimentFields, ExperimentLimits, type UpdateExperimentBody } from "#contracts/experiments";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useMe } from "../../auth/hooks/use-me";
import { RequestPicker } from "../../pipeline/components/request-picker";
import { useActivePeople, useCreateExperiment, useUpdateExperiment } from "../hooks/use-experiments";
import { DesignSections, Section } from "./experiment-form-design";
import { bodyOf, channels, type FormValues, labels, valuesOf } from "./experiment-form-values";

const resolve = contractResolver(ExperimentFields, labels);

interface ExperimentFormDialogProps {
  opened: boolean;
  /** The experiment to edit; null writes a new one. */
  experiment: Experiment | null;
  /** For a new follow-up: the experiment it iterates on. */
  parent?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved?: (experiment: Experiment) => void;
}

/** Writes down or edits a hypothesis and its design; field errors land on their fields. */
export function ExperimentFormDialog({
  opened,
  experiment,
  parent = null,
  onClose,
  onSaved,
}: ExperimentFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={experiment ? `Edit ${experiment.name}` : parent ? `Follow up ${parent.name}` : "New experiment"}
      size="xl"
      fullScreen={isPhone}
    >
      {opened && (
        <ExperimentForm
          key={experiment ? experiment.id : "new"}
          experiment={experiment}
          parent={parent}
          onDone={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function ExperimentForm({
  experiment,
  parent,
  onDone,
  onSaved,
}: {
  experiment: Experiment | null;
  parent: { id: string; name: string } | null;
  onDone: () => void;
  onSaved?: (experiment: Experiment) => void;
}) {
  const me = useMe();
  const people = useActivePeople();
  const create = useCreateExperiment();
  const update = useUpdateExperiment();
  const mutation = experiment ? update : create;
  const [openedVersion] = useState(experiment?.version ?? 0);
  const parentId = experiment ? (experiment.parent?.id ?? null) : (parent?.id ?? null);
  const isDesignLocked = experiment !== null && experiment.status !== "draft";
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: valuesOf(experiment, me.user.id),
    validate: (values) => resolve(bodyOf(values, parentId) as unknown as Record<string, unknown>),
  });
  const options = (people.data ?? []).map((person) => ({
    value: person.id,
    label: `${person.name} · ${person.team.name}`,
  }));
  const itOptions = (people.data ?? [])
    .filter((person) => person.team.kind === "it" || person.team.kind === "security")
    .map((person) => ({ value: person.id, label: `${person.name} · ${person.team.name}` }));

  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(values, parentId);
    const handleError = (error: unknown) => {
      if (isApiError(error, "conflict") && experiment) {
        notifications.show({
          color: "orange",
          title: "Someone changed this experiment meanwhile",
          message: "The page now shows their change. Open the form again to make yours.",
        });
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    const handleSaved = (saved: Experiment) => {
      notifications.show({
        color: "indigo",
        message: `${saved.name} ${experiment ? "saved" : "written down as a draft"}`,
      });
      if (onSaved) onSaved(saved);
      else onDone();
    };
    if (experiment) {
      const patch: UpdateExperimentBody = { version: openedVersion, ...body };
      if (isDesignLocked) {
        delete patch.variants;
        delete patch.primaryMetric;
        delete patch.otherMetrics;
      }
      update.mutate({ id: experiment.id, body: patch }, { onSuccess: handleSaved, onError: handleError });
    } else {
      create.mutate(body, { onSuccess: handleSaved, onError: handleError });
    }
  });

  const h = form.values.hypothesis;
  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="lg">
        {!hasFieldErrors && !isApiError(mutation.error, "conflict") && <FormError error={mutation.error} />}
        <TextInput
          label={labels.name}
          required
          data-autofocus
          maxLength={ExperimentLimits.nameMax}
          placeholder="Shorter sign-up form"
          {...form.getInputProps("name")}
        />
        <Section
          title="Hypothesis"
          description="Say what you will change, what it should cause, and how you will know."
        >
          <Textarea
            label={labels["hypothesis.change"]}
            required
            autosize
            minRows={1}
            placeholder="asking only for an email address on the sign-up form"
            {...form.getInputProps("hypothesis.change")}
          />
          <Textarea
            label={labels["hypothesis.outcome"]}
            required
            autosize
            minRows={1}
            placeholder="more visitors to start a trial"
            {...form.getInputProps("hypothesis.outcome")}
          />
          <Textarea
            label={labels["hypothesis.measure"]}
            required
            autosize
            minRows={1}
            placeholder="the trial sign-up rate of visitors who see the form"
            {...form.getInputProps("hypothesis.measure")}
          />
          <Textarea
            label={labels["hypothesis.rationale"]}
            autosize
            minRows={1}
            placeholder="session recordings show visitors abandoning at the company-size field"
            {...form.getInputProps("hypothesis.rationale")}
          />
          {(h.change || h.outcome || h.measure) && (
            <Alert variant="light" color="indigo" title="Your hypothesis">
              We believe that {h.change || "…"} will cause {h.outcome || "…"}, measured by {h.measure || "…"}
              {h.rationale ? `, because ${h.rationale}` : ""}.
            </Alert>
          )}
        </Section>
        <Section title="What it serves">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels.kpi}
              required
              placeholder="Trial sign-up rate"
              maxLength={ExperimentLimits.kpiMax}
              {...form.getInputProps("kpi")}
            />
            <Autocomplete label={labels.channel} data={channels} {...form.getInputProps("channel")} />
            <Select
              label={labels.ownerId}
              description="Decides the experiment"
              data={options}
              searchable
              {...form.getInputProps("ownerId")}
            />
            <Select
              label={labels.itPartnerId}
              description="Builds and instruments it"
              data={itOptions}
              searchable
              clearable
              {...form.getInputProps("itPartnerId")}
            />
            <RequestPicker
              label={labels.requestId}
              description="The Pipeline request it informs, if any"
              value={form.values.requestId}
              onChange={(id) => form.setFieldValue("requestId", id)}
              error={form.errors.requestId}
            />
          </SimpleGrid>
        </Section>
        <DesignSections form={form} isDesignLocked={isDesignLocked} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {experiment ? "Save" : "Save draft"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
