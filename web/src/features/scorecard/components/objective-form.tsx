import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { type Objective, ObjectiveFields, ScorecardLimits } from "#contracts/scorecard";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { ownerOptions } from "../../people/options";
import { useCreateObjective, useObjectives, useScorecardPeople, useUpdateObjective } from "../hooks/use-scorecard";

const labels: Record<string, string> = {
  title: "Title",
  description: "Description",
  periodStart: "Starts",
  periodEnd: "Ends",
  marketingOwnerId: "Marketing owner",
  itOwnerId: "IT owner",
  parentId: "Serves the company objective",
};

interface FormValues {
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  marketingOwnerId: string | null;
  itOwnerId: string | null;
  parentId: string | null;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The quarter (or year) around today, as the period presets offer it. */
function periodPresets(today = new Date()) {
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const quarterOf = (y: number, q: number) => ({
    start: iso(new Date(Date.UTC(y, q * 3, 1))),
    end: iso(new Date(Date.UTC(y, q * 3 + 3, 0))),
  });
  const next = quarter === 3 ? quarterOf(year + 1, 0) : quarterOf(year, quarter + 1);
  return [
    { value: "quarter", label: `This quarter (Q${quarter + 1})`, ...quarterOf(year, quarter) },
    { value: "next", label: "Next quarter", ...next },
    { value: "year", label: `This year (${year})`, start: `${year}-01-01`, end: `${year}-12-31` },
  ];
}

function valuesOf(objective: Objective | null): FormValues {
  const [quarter] = periodPresets();
  return {
    title: objective?.title ?? "",
    description: objective?.description ?? "",
    periodStart: objective?.periodStart ?? quarter.start,
    periodEnd: objective?.periodEnd ?? quarter.end,
    marketingOwnerId: objective?.marketingOwnerId ?? null,
    itOwnerId: objective?.itOwnerId ?? null,
    parentId: objective?.parentId ?? null,
  };
}

const resolve = contractResolver(ObjectiveFields, labels);

interface ObjectiveFormDialogProps {
  opened: boolean;
  /** The objective to edit; null adds a new one. */
  objective: Objective | null;
  onClose: () => void;
  onSaved?: (objective: Objective) => void;
}

/** Adds or edits an objective with its two owners: one from marketing, one from IT. */
export function ObjectiveFormDialog({ opened, objective, onClose, onSaved }: ObjectiveFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={objective ? `Edit ${objective.title}` : "New objective"}
      size="lg"
      fullScreen={isPhone}
    >
      {opened && (
        <ObjectiveForm key={objective?.id ?? "new"} objective={objective} onDone={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}

function ObjectiveForm({
  objective,
  onDone,
  onSaved,
}: {
  objective: Objective | null;
  onDone: () => void;
  onSaved?: (objective: Objective) => void;
}) {
  const people = useScorecardPeople();
  const objectives = useObjectives();
  const create = useCreateObjective();
  const update = useUpdateObjective();
  const mutation = objective ? update : create;
  const [openedVersion] = useState(objective?.version ?? 0);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: valuesOf(objective),
    validate: (values) => resolve(values as unknown as Record<string, unknown>),
  });
  // One level of nesting: only top-level objectives can be parents, and never the objective itself.
  const parentOptions = (objectives.data ?? [])
    .filter((candidate) => candidate.parentId === null && candidate.id !== objective?.id)
    .map((candidate) => ({ value: candidate.id, label: candidate.title }));
  const isShared = form.values.marketingOwnerId !== null && form.values.itOwnerId !== null;

  const handleSubmit = form.onSubmit((values) => {
    const handleError = (error: unknown) => {
      if (objective && handleStaleEdit(error, "objective")) {
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    const handleSaved = (saved: Objective) => {
      notifications.show({ color: "indigo", message: `${saved.title} ${objective ? "saved" : "added"}` });
      onSaved?.(saved);
      onDone();
    };
    if (objective) {
      update.mutate(
        { id: objective.id, body: { version: openedVersion, ...values } },
        { onSuccess: handleSaved, onError: handleError },
      );
    } else {
      create.mutate(values, { onSuccess: handleSaved, onError: handleError });
    }
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && !isApiError(mutation.error, "conflict") && <FormError error={mutation.error} />}
        <TextInput
          label={labels.title}
          required
          data-autofocus
          maxLength={ScorecardLimits.titleMax}
          placeholder="Grow online revenue with a faster, safer storefront"
          {...form.getInputProps("title")}
        />
        <Textarea
          label={labels.description}
          autosize
          minRows={2}
          maxLength={ScorecardLimits.textMax}
          {...form.getInputProps("description")}
        />
        <Group gap="xs" wrap="wrap" aria-label="Period presets" role="group">
          {periodPresets().map((preset) => (
            <Button
              key={preset.value}
              size="compact-xs"
              variant="default"
              onClick={() => form.setValues({ periodStart: preset.start, periodEnd: preset.end })}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput type="date" label={labels.periodStart} required {...form.getInputProps("periodStart")} />
          <TextInput type="date" label={labels.periodEnd} required {...form.getInputProps("periodEnd")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={labels.marketingOwnerId}
            placeholder="Pick a marketing person"
            data={ownerOptions(people.data, "marketing")}
            searchable
            clearable
            {...form.getInputProps("marketingOwnerId")}
          />
          <Select
            label={labels.itOwnerId}
            placeholder="Pick an IT person"
            data={ownerOptions(people.data, "it")}
            searchable
            clearable
            {...form.getInputProps("itOwnerId")}
          />
        </SimpleGrid>
        {!isShared && (
          <Text size="xs" c="dimmed">
            With only one side's owner the objective is marked “not shared” wherever it appears.
          </Text>
        )}
        <Select
          label={labels.parentId}
          placeholder="None: this is a company objective"
          data={parentOptions}
          searchable
          clearable
          {...form.getInputProps("parentId")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {objective ? "Save" : "Add objective"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
