import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import {
  type CreateExperimentBody,
  type Experiment,
  ExperimentFields,
  ExperimentLimits,
  type MetricDirection,
  type MetricRole,
  type MetricType,
  type StatsMethod,
  type UpdateExperimentBody,
} from "#contracts/experiments";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useMe } from "../../auth/hooks/use-me";
import { RequestPicker } from "../../pipeline/components/request-picker";
import { useActivePeople, useCreateExperiment, useUpdateExperiment } from "../hooks/use-experiments";
import { methodOptions, metricTypeOptions } from "../labels";

const labels: Record<string, string> = {
  name: "Name",
  "hypothesis.change": "We believe that…",
  "hypothesis.outcome": "…will cause…",
  "hypothesis.measure": "…measured by…",
  "hypothesis.rationale": "…because…",
  kpi: "KPI it should move",
  channel: "Channel",
  requestId: "Pipeline request",
  parentId: "Follows up",
  ownerId: "Owner",
  itPartnerId: "IT partner",
  variants: "Variants",
  "primaryMetric.name": "Primary metric",
  "primaryMetric.type": "Metric type",
  "primaryMetric.direction": "Good direction",
  "primaryMetric.method": "Statistical method",
  "primaryMetric.alpha": "Confidence",
  "primaryMetric.sided": "Test",
  "primaryMetric.difference": "Effect as",
  "primaryMetric.mde": "Minimum detectable effect (%)",
  otherMetrics: "Guardrail and secondary metrics",
};

const channels = ["Website", "Email", "Paid search", "Paid social", "Organic social", "Mobile app", "In-store", "SMS"];

interface MetricRow {
  key: string;
  name: string;
  type: MetricType;
  direction: MetricDirection;
  role: MetricRole;
}

interface FormValues {
  name: string;
  hypothesis: { change: string; outcome: string; measure: string; rationale: string };
  kpi: string;
  channel: string;
  requestId: string;
  ownerId: string | null;
  itPartnerId: string | null;
  variants: { key: string; name: string; weight: number | string }[];
  primaryMetric: {
    name: string;
    type: MetricType;
    direction: MetricDirection;
    method: StatsMethod;
    alpha: string;
    sided: "two" | "greater" | "lesser";
    difference: "relative" | "absolute";
    mde: number | string;
  };
  otherMetrics: MetricRow[];
}

function valuesOf(experiment: Experiment | null, meId: string): FormValues {
  const metric = experiment?.primaryMetric;
  return {
    name: experiment?.name ?? "",
    hypothesis: {
      change: experiment?.hypothesis.change ?? "",
      outcome: experiment?.hypothesis.outcome ?? "",
      measure: experiment?.hypothesis.measure ?? "",
      rationale: experiment?.hypothesis.rationale ?? "",
    },
    kpi: experiment?.kpi ?? "",
    channel: experiment?.channel ?? "",
    requestId: experiment?.requestId ?? "",
    ownerId: experiment ? (experiment.owner?.id ?? null) : meId,
    itPartnerId: experiment?.itPartner?.id ?? null,
    variants: (
      experiment?.variants ?? [
        { name: "Control", weight: 50 },
        { name: "Treatment", weight: 50 },
      ]
    ).map((variant) => ({ key: randomId(), name: variant.name, weight: variant.weight })),
    primaryMetric: {
      name: metric?.name ?? "",
      type: metric?.type ?? "proportion",
      direction: metric?.direction ?? "increase",
      method: metric?.method ?? "sequential",
      alpha: String(metric?.alpha ?? 0.05),
      sided: metric?.sided ?? "two",
      difference: metric?.difference ?? "relative",
      mde: metric?.mde != null ? Math.round(metric.mde * 10000) / 100 : "",
    },
    otherMetrics: (experiment?.otherMetrics ?? []).map((other) => ({
      key: randomId(),
      name: other.name,
      type: other.type,
      direction: other.direction,
      role: other.role,
    })),
  };
}

/** The form's values as the contract's body; secondary metrics share the primary metric's method. */
function bodyOf(values: FormValues, parentId: string | null) {
  const primary = values.primaryMetric;
  const mde = String(primary.mde).trim();
  const shared = {
    method: primary.method,
    alpha: Number(primary.alpha),
    sided: primary.sided,
    difference: primary.difference,
  };
  return {
    name: values.name,
    hypothesis: values.hypothesis,
    kpi: values.kpi,
    channel: values.channel,
    requestId: values.requestId.trim() === "" ? null : values.requestId.trim(),
    parentId,
    ownerId: values.ownerId,
    itPartnerId: values.itPartnerId,
    variants: values.variants.map((variant) => ({ name: variant.name, weight: Number(variant.weight) })),
    primaryMetric: {
      name: primary.name,
      type: primary.type,
      direction: primary.direction,
      ...shared,
      mde: mde === "" ? null : Number(mde) / 100,
    },
    otherMetrics: values.otherMetrics.map(({ key: _key, ...metric }) => ({ ...metric, ...shared, mde: null })),
  } satisfies CreateExperimentBody;
}

const resolve = contractResolver(ExperimentFields, labels);

function Section({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
  return (
    <Stack gap="sm" component="section">
      <Divider />
      <div>
        <Title order={3} size="h5">
          {title}
        </Title>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

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
  const primaryName = form.values.primaryMetric.name || "the primary metric";
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
        <Section
          title="Design"
          description={
            isDesignLocked
              ? "The design is fixed once the experiment has started: changing it after seeing data would bias the result."
              : "The first variant is the control. Weights are the planned traffic split."
          }
        >
          <Stack gap="xs">
            {form.values.variants.map((variant, index) => (
              <Group key={variant.key} align="flex-end" wrap="nowrap">
                <TextInput
                  label={index === 0 ? "Control" : `Variant ${index + 1}`}
                  required
                  disabled={isDesignLocked}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`variants.${index}.name`)}
                />
                <NumberInput
                  label="Weight"
                  min={1}
                  max={100}
                  w={110}
                  disabled={isDesignLocked}
                  {...form.getInputProps(`variants.${index}.weight`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  aria-label={`Remove variant ${index + 1}`}
                  disabled={isDesignLocked || index === 0 || form.values.variants.length <= 2}
                  onClick={() => form.removeListItem("variants", index)}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.variants && (
              <Text size="xs" c="var(--mantine-color-error)">
                {form.errors.variants}
              </Text>
            )}
            {!isDesignLocked && form.values.variants.length < ExperimentLimits.variantsMax && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() =>
                  form.insertListItem("variants", {
                    key: randomId(),
                    name: `Variant ${String.fromCharCode(65 + form.values.variants.length - 1)}`,
                    weight: 50,
                  })
                }
                style={{ alignSelf: "flex-start" }}
              >
                Add a variant
              </Button>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels["primaryMetric.name"]}
              required
              placeholder="trial sign-up rate"
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.name")}
            />
            <Select
              label={labels["primaryMetric.type"]}
              data={metricTypeOptions}
              allowDeselect={false}
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.type")}
            />
            <Select
              label={labels["primaryMetric.method"]}
              data={methodOptions}
              allowDeselect={false}
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.method")}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="direction-label">
                {labels["primaryMetric.direction"]}
              </Text>
              <SegmentedControl
                aria-labelledby="direction-label"
                disabled={isDesignLocked}
                data={[
                  { value: "increase", label: "Higher is better" },
                  { value: "decrease", label: "Lower is better" },
                ]}
                {...form.getInputProps("primaryMetric.direction")}
              />
            </Stack>
            <Select
              label={labels["primaryMetric.alpha"]}
              data={[
                { value: "0.1", label: "90% (α = 0.10)" },
                { value: "0.05", label: "95% (α = 0.05)" },
                { value: "0.01", label: "99% (α = 0.01)" },
              ]}
              allowDeselect={false}
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.alpha")}
            />
            <Select
              label={labels["primaryMetric.sided"]}
              data={[
                { value: "two", label: "Two-sided (better or worse)" },
                { value: "greater", label: "One-sided: greater" },
                { value: "lesser", label: "One-sided: lesser" },
              ]}
              allowDeselect={false}
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.sided")}
            />
            <Select
              label={labels["primaryMetric.difference"]}
              data={[
                { value: "relative", label: "Relative lift (%)" },
                { value: "absolute", label: "Absolute difference" },
              ]}
              allowDeselect={false}
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.difference")}
            />
            <NumberInput
              label={labels["primaryMetric.mde"]}
              description={`The smallest relative change in ${primaryName} worth detecting`}
              min={0.1}
              max={500}
              decimalScale={2}
              suffix="%"
              disabled={isDesignLocked}
              {...form.getInputProps("primaryMetric.mde")}
            />
          </SimpleGrid>
        </Section>
        <Section
          title="Guardrail and secondary metrics"
          description="Guardrails must not get worse (unsubscribes, refunds, page speed); secondary metrics add context. They use the primary metric's method."
        >
          {form.values.otherMetrics.map((metric, index) => (
            <Group key={metric.key} align="flex-end" wrap="wrap">
              <TextInput
                label="Metric"
                required
                disabled={isDesignLocked}
                style={{ flex: "1 1 180px" }}
                {...form.getInputProps(`otherMetrics.${index}.name`)}
              />
              <Select
                label="Type"
                data={metricTypeOptions.map((option) => ({ ...option, label: option.label.split(" (")[0] }))}
                allowDeselect={false}
                disabled={isDesignLocked}
                w={170}
                {...form.getInputProps(`otherMetrics.${index}.type`)}
              />
              <Select
                label="Role"
                data={[
                  { value: "guardrail", label: "Guardrail" },
                  { value: "secondary", label: "Secondary" },
                ]}
                allowDeselect={false}
                disabled={isDesignLocked}
                w={130}
                {...form.getInputProps(`otherMetrics.${index}.role`)}
              />
              <Select
                label="Good direction"
                data={[
                  { value: "increase", label: "Higher" },
                  { value: "decrease", label: "Lower" },
                ]}
                allowDeselect={false}
                disabled={isDesignLocked}
                w={120}
                {...form.getInputProps(`otherMetrics.${index}.direction`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={`Remove metric ${index + 1}`}
                disabled={isDesignLocked}
                onClick={() => form.removeListItem("otherMetrics", index)}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          {!isDesignLocked && form.values.otherMetrics.length < ExperimentLimits.metricsMax && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() =>
                form.insertListItem("otherMetrics", {
                  key: randomId(),
                  name: "",
                  type: "proportion",
                  direction: "decrease",
                  role: "guardrail",
                } satisfies MetricRow)
              }
              style={{ alignSelf: "flex-start" }}
            >
              Add a metric
            </Button>
          )}
        </Section>
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
