import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { CreateRunBody, CURRENCIES, type RunModel } from "#contracts/value";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useCreateRun } from "../hooks/use-value";
import { MODEL_ORDER, modelMeta } from "../labels";

const labels: Record<string, string> = {
  name: "Name",
  source: "Data",
  models: "Models",
  order: "Markov order",
  lookbackDays: "Lookback (days)",
  halfLifeDays: "Half-life (days)",
  periodStart: "Period start",
  periodEnd: "Period end",
  currency: "Currency",
};

const resolve = contractResolver(CreateRunBody, labels);

interface Values {
  name: string;
  source: "touchpoints" | "paths";
  models: RunModel[];
  order: number;
  lookbackDays: number;
  halfLifeDays: number;
  periodStart: string;
  periodEnd: string;
  currency: string;
}

/** Starts an attribution run: the period, the data, the models to compare. */
export function RunFormDialog({
  opened,
  onClose,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  defaults?: Partial<Values>;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Run attribution" size="lg">
      {opened && <RunForm onDone={onClose} defaults={defaults} />}
    </Modal>
  );
}

function RunForm({ onDone, defaults }: { onDone: () => void; defaults?: Partial<Values> }) {
  const create = useCreateRun();
  const navigate = useNavigate();
  const year = new Date().getUTCFullYear();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: "",
      source: "touchpoints",
      models: ["last", "linear", "position", "time-decay", "markov", "shapley"],
      order: 1,
      lookbackDays: 30,
      halfLifeDays: 7,
      periodStart: `${year}-01-01`,
      periodEnd: new Date().toISOString().slice(0, 10),
      currency: "EUR",
      ...defaults,
    },
    validate: (values) => resolve(values as unknown as Record<string, unknown>),
  });
  const handleSubmit = form.onSubmit((values) => {
    // A background job: the run page follows its progress.
    create.mutate(
      { ...(values as CreateRunBody), background: true },
      {
        onSuccess: (run) => {
          onDone();
          void navigate({ to: "/value/runs/$id", params: { id: run.id } });
        },
        onError: (error) => applyServerErrors(form, error, labels),
      },
    );
  });
  const source = form.values.source;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && <FormError error={create.error} />}
        <TextInput label={labels.name} placeholder="Q1 review" data-autofocus {...form.getInputProps("name")} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="run-source-label">
            {labels.source}
          </Text>
          <SegmentedControl
            aria-labelledby="run-source-label"
            data={[
              { value: "touchpoints", label: "Touchpoints & conversions" },
              { value: "paths", label: "Imported paths" },
            ]}
            value={source}
            onChange={(value) => {
              form.setFieldValue("source", value as Values["source"]);
              if (value === "paths")
                form.setFieldValue(
                  "models",
                  form.values.models.filter((m) => m !== "time-decay"),
                );
            }}
          />
        </Stack>
        <Group grow align="flex-start">
          <TextInput label={labels.periodStart} required {...form.getInputProps("periodStart")} />
          <TextInput label={labels.periodEnd} required {...form.getInputProps("periodEnd")} />
        </Group>
        <Checkbox.Group label={labels.models} required {...form.getInputProps("models")}>
          <Stack gap={6} mt={6}>
            {MODEL_ORDER.map((model) => (
              <Checkbox
                key={model}
                value={model}
                disabled={model === "time-decay" && source === "paths"}
                label={modelMeta[model].label}
                description={modelMeta[model].description}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <NumberInput label={labels.order} min={1} max={4} allowDecimal={false} {...form.getInputProps("order")} />
          <NumberInput
            label={labels.lookbackDays}
            min={0}
            max={365}
            allowDecimal={false}
            disabled={source === "paths"}
            {...form.getInputProps("lookbackDays")}
          />
          <NumberInput
            label={labels.halfLifeDays}
            min={0.1}
            max={365}
            disabled={source === "paths"}
            {...form.getInputProps("halfLifeDays")}
          />
        </Group>
        <Select
          label={labels.currency}
          description="The currency of conversion values, and of the spend compared with them"
          data={[...CURRENCIES]}
          searchable
          {...form.getInputProps("currency")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
