import {
  Button,
  Checkbox,
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
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import {
  COMPUTED_MEASURES,
  type ComputedMeasure,
  type CreateKpiBody,
  type Kpi,
  type KpiCadence,
  type KpiCategory,
  type KpiDirection,
  KpiFields,
  type KpiSource,
  type KpiUnit,
  ScorecardLimits,
} from "#contracts/scorecard";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useMe } from "../../auth/hooks/use-me";
import { ownerOptions } from "../../people/options";
import { useCreateKpi, useObjectives, useScorecardPeople, useSegments, useUpdateKpi } from "../hooks/use-scorecard";
import { cadenceLabels, categoryLabels, directionLabels, optionsOf, unitLabels } from "../labels";

const labels: Record<string, string> = {
  objectiveId: "Objective",
  name: "Name",
  definition: "Definition",
  unit: "Unit",
  currency: "Currency",
  direction: "Which way is good",
  baseline: "Baseline",
  target: "Target",
  "thresholds.green": "Green from",
  "thresholds.amber": "Amber from",
  thresholds: "Thresholds",
  cadence: "Cadence",
  category: "Kind",
  ownerId: "Owner",
  segmentId: "Customer segment",
  source: "Values come from",
  measure: "Computed measure",
};

interface FormValues {
  objectiveId: string | null;
  name: string;
  definition: string;
  unit: KpiUnit;
  currency: string;
  direction: KpiDirection;
  baseline: number | string;
  target: number | string;
  hasThresholds: boolean;
  green: number | string;
  amber: number | string;
  cadence: KpiCadence;
  category: KpiCategory;
  ownerId: string | null;
  segmentId: string | null;
  source: KpiSource;
  measure: ComputedMeasure | null;
}

const numberOrNaN = (value: number | string) => (value === "" ? Number.NaN : Number(value));

function valuesOf(kpi: Kpi | null, objectiveId: string | null, meId: string): FormValues {
  return {
    objectiveId: kpi?.objectiveId ?? objectiveId,
    name: kpi?.name ?? "",
    definition: kpi?.definition ?? "",
    unit: kpi?.unit ?? "count",
    currency: kpi?.currency ?? "EUR",
    direction: kpi?.direction ?? "up",
    baseline: kpi?.baseline ?? "",
    target: kpi?.target ?? "",
    hasThresholds: Boolean(kpi?.thresholds),
    green: kpi?.thresholds?.green ?? "",
    amber: kpi?.thresholds?.amber ?? "",
    cadence: kpi?.cadence ?? "monthly",
    category: kpi?.category ?? "operations",
    ownerId: kpi?.ownerId ?? meId,
    segmentId: kpi?.segmentId ?? null,
    source: kpi?.source ?? "manual",
    measure: kpi?.measure ?? null,
  };
}

function bodyOf(values: FormValues): CreateKpiBody {
  return {
    objectiveId: values.objectiveId ?? "",
    name: values.name,
    definition: values.definition,
    unit: values.unit,
    currency: values.unit === "money" ? values.currency.trim().toUpperCase() : null,
    direction: values.direction,
    baseline: numberOrNaN(values.baseline),
    target: numberOrNaN(values.target),
    thresholds: values.hasThresholds ? { green: numberOrNaN(values.green), amber: numberOrNaN(values.amber) } : null,
    cadence: values.cadence,
    category: values.category,
    ownerId: values.ownerId ?? "",
    segmentId: values.segmentId,
    source: values.source,
    measure: values.source === "computed" ? values.measure : null,
  };
}

const resolveContract = contractResolver(KpiFields, labels);

function validate(values: FormValues) {
  const errors: Record<string, ReactNode> = {
    ...resolveContract(bodyOf(values) as unknown as Record<string, unknown>),
  };
  if (values.source === "computed" && !values.measure) errors.measure = "Computed measure is required";
  if (values.baseline !== "" && values.target !== "" && Number(values.baseline) === Number(values.target))
    errors.target = "Target must differ from the baseline";
  // The form keeps the threshold pair as its own fields; the contract names them thresholds.green and .amber.
  if (errors["thresholds.green"]) errors.green = errors["thresholds.green"];
  if (errors["thresholds.amber"]) errors.amber = errors["thresholds.amber"];
  return errors;
}

interface KpiFormDialogProps {
  opened: boolean;
  /** The KPI to edit; null adds a new one. */
  kpi: Kpi | null;
  /** For a new KPI: the objective it goes under. */
  objectiveId?: string | null;
  onClose: () => void;
  onSaved?: (kpi: Kpi) => void;
}

/** Adds or edits a KPI: its definition, unit, direction, baseline, target and where its values come from. */
export function KpiFormDialog({ opened, kpi, objectiveId = null, onClose, onSaved }: KpiFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={kpi ? `Edit ${kpi.name}` : "New KPI"}
      size="lg"
      fullScreen={isPhone}
    >
      {opened && (
        <KpiForm
          key={kpi?.id ?? `new-${objectiveId}`}
          kpi={kpi}
          objectiveId={objectiveId}
          onDone={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function KpiForm({
  kpi,
  objectiveId,
  onDone,
  onSaved,
}: {
  kpi: Kpi | null;
  objectiveId: string | null;
  onDone: () => void;
  onSaved?: (kpi: Kpi) => void;
}) {
  const me = useMe();
  const people = useScorecardPeople();
  const objectives = useObjectives();
  const segments = useSegments();
  const create = useCreateKpi();
  const update = useUpdateKpi();
  const mutation = kpi ? update : create;
  const [openedVersion] = useState(kpi?.version ?? 0);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: valuesOf(kpi, objectiveId, me.user.id),
    validate,
  });
  const isComputed = form.values.source === "computed";

  const chooseMeasure = (measure: ComputedMeasure | null) => {
    form.setFieldValue("measure", measure);
    if (!measure) return;
    const meta = COMPUTED_MEASURES[measure];
    form.setValues({
      unit: meta.unit,
      direction: meta.direction,
      name: form.values.name || meta.label,
      definition: form.values.definition || meta.description,
    });
  };

  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(values);
    const handleError = (error: unknown) => {
      if (kpi && handleStaleEdit(error, "KPI")) {
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    const handleSaved = (saved: Kpi) => {
      notifications.show({ color: "indigo", message: `${saved.name} ${kpi ? "saved" : "added"}` });
      onSaved?.(saved);
      onDone();
    };
    if (kpi)
      update.mutate(
        { id: kpi.id, body: { version: openedVersion, ...body } },
        { onSuccess: handleSaved, onError: handleError },
      );
    else create.mutate(body, { onSuccess: handleSaved, onError: handleError });
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && !isApiError(mutation.error, "conflict") && <FormError error={mutation.error} />}
        <Select
          label={labels.objectiveId}
          required
          data={(objectives.data ?? []).map((objective) => ({ value: objective.id, label: objective.title }))}
          searchable
          {...form.getInputProps("objectiveId")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="kpi-source-label">
            {labels.source}
          </Text>
          <SegmentedControl
            aria-labelledby="kpi-source-label"
            data={[
              { value: "manual", label: "Check-ins, CSV or API" },
              { value: "computed", label: "Computed by Tandem" },
            ]}
            {...form.getInputProps("source")}
          />
        </Stack>
        {isComputed && (
          <Select
            label={labels.measure}
            required
            data={(Object.keys(COMPUTED_MEASURES) as ComputedMeasure[]).map((value) => ({
              value,
              label: COMPUTED_MEASURES[value].label,
            }))}
            description={form.values.measure ? COMPUTED_MEASURES[form.values.measure].description : undefined}
            value={form.values.measure}
            onChange={(value) => chooseMeasure(value as ComputedMeasure | null)}
            error={form.errors.measure}
          />
        )}
        <TextInput
          label={labels.name}
          required
          data-autofocus
          maxLength={ScorecardLimits.nameMax}
          placeholder="Online conversion rate"
          {...form.getInputProps("name")}
        />
        <Textarea
          label={labels.definition}
          autosize
          minRows={2}
          maxLength={ScorecardLimits.textMax}
          placeholder="Orders divided by sessions on the web shop, measured by the analytics platform"
          {...form.getInputProps("definition")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={labels.unit}
            required
            data={optionsOf(unitLabels)}
            disabled={isComputed}
            {...form.getInputProps("unit")}
          />
          {form.values.unit === "money" ? (
            <TextInput
              label={labels.currency}
              required
              maxLength={3}
              placeholder="EUR"
              {...form.getInputProps("currency")}
            />
          ) : (
            <Select
              label={labels.direction}
              required
              data={optionsOf(directionLabels)}
              disabled={isComputed}
              {...form.getInputProps("direction")}
            />
          )}
        </SimpleGrid>
        {form.values.unit === "money" && (
          <Select
            label={labels.direction}
            required
            data={optionsOf(directionLabels)}
            disabled={isComputed}
            {...form.getInputProps("direction")}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput label={labels.baseline} required decimalScale={4} {...form.getInputProps("baseline")} />
          <NumberInput label={labels.target} required decimalScale={4} {...form.getInputProps("target")} />
        </SimpleGrid>
        <Checkbox
          label="Set green and amber thresholds (they decide the status instead of the pace)"
          {...form.getInputProps("hasThresholds", { type: "checkbox" })}
        />
        {form.values.hasThresholds && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={labels["thresholds.green"]}
              required
              decimalScale={4}
              {...form.getInputProps("green")}
            />
            <NumberInput
              label={labels["thresholds.amber"]}
              required
              decimalScale={4}
              {...form.getInputProps("amber")}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select label={labels.cadence} data={optionsOf(cadenceLabels)} {...form.getInputProps("cadence")} />
          <Select label={labels.category} data={optionsOf(categoryLabels)} {...form.getInputProps("category")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={labels.ownerId}
            required
            data={ownerOptions(people.data)}
            searchable
            {...form.getInputProps("ownerId")}
          />
          <Select
            label={labels.segmentId}
            placeholder="All customers"
            data={(segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name }))}
            clearable
            {...form.getInputProps("segmentId")}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {kpi ? "Save" : "Add KPI"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
