import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import type { Experiment, ImportResult, MetricAggregates, MetricType, VariantAggregates } from "#contracts/experiments";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { useAddSnapshot, useImportSnapshot } from "../hooks/use-experiments";
import { ResultsView } from "./results-view";

type FieldPath =
  | "n"
  | "sum"
  | "sumSquares"
  | "post.sum"
  | "post.sumSquares"
  | "pre.sum"
  | "pre.sumSquares"
  | "postPreSumOfProducts"
  | "m.sum"
  | "m.sumSquares"
  | "d.sum"
  | "d.sumSquares"
  | "mdSumOfProducts";

/** The numbers each metric type needs per variant, and what people call them. */
const fieldsByType: Record<MetricType, { path: FieldPath; label: string; optional?: boolean }[]> = {
  proportion: [
    { path: "n", label: "Units" },
    { path: "sum", label: "Conversions" },
  ],
  mean: [
    { path: "n", label: "Units" },
    { path: "sum", label: "Sum" },
    { path: "sumSquares", label: "Sum of squares" },
  ],
  cuped: [
    { path: "n", label: "Units" },
    { path: "post.sum", label: "Sum (during)" },
    { path: "post.sumSquares", label: "Sum of squares (during)" },
    { path: "pre.sum", label: "Sum (before)" },
    { path: "pre.sumSquares", label: "Sum of squares (before)" },
    { path: "postPreSumOfProducts", label: "Sum of products" },
  ],
  ratio: [
    { path: "n", label: "Units" },
    { path: "m.sum", label: "Numerator sum" },
    { path: "m.sumSquares", label: "Numerator sum of squares" },
    { path: "d.sum", label: "Denominator sum" },
    { path: "d.sumSquares", label: "Denominator sum of squares" },
    { path: "mdSumOfProducts", label: "Sum of products" },
  ],
};

type Cells = Record<string, string | number>;
interface FormValues {
  note: string;
  metrics: { variants: Cells[] }[];
}

function metricsOf(experiment: Experiment) {
  return [
    { ...experiment.primaryMetric, role: "primary" as const },
    ...experiment.otherMetrics.map((metric) => ({ ...metric, role: metric.role })),
  ];
}

function isBlank(value: string | number | undefined) {
  return value === undefined || String(value).trim() === "";
}

function aggregatesOf(type: MetricType, name: string, cells: Cells): VariantAggregates {
  const entry: Record<string, unknown> = { variant: name };
  for (const { path } of fieldsByType[type]) {
    const value = cells[path];
    if (isBlank(value)) continue;
    const [outer, inner] = path.split(".");
    if (inner) entry[outer] = { ...((entry[outer] as object) ?? {}), [inner]: Number(value) };
    else entry[outer] = Number(value);
  }
  return entry as VariantAggregates;
}

interface ResultsEntryDialogProps {
  opened: boolean;
  experiment: Experiment;
  onClose: () => void;
}

/** Enters a result snapshot: numbers per variant in a form, or a CSV import with a preview. */
export function ResultsEntryDialog({ opened, experiment, onClose }: ResultsEntryDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Enter results for ${experiment.name}`}
      size="xl"
      fullScreen={isPhone}
    >
      {opened && (
        <Tabs defaultValue="form" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="form">Enter numbers</Tabs.Tab>
            <Tabs.Tab value="csv">Import CSV</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="form">
            <NumbersForm experiment={experiment} onDone={onClose} />
          </Tabs.Panel>
          <Tabs.Panel value="csv">
            <CsvImport experiment={experiment} onDone={onClose} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}

function NumbersForm({ experiment, onDone }: { experiment: Experiment; onDone: () => void }) {
  const add = useAddSnapshot();
  // Server errors no field of the form shows (e.g. about the snapshot as a whole).
  const [unplaced, setUnplaced] = useState<string | null>(null);
  const metrics = metricsOf(experiment);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      note: "",
      metrics: metrics.map(() => ({ variants: experiment.variants.map(() => ({})) })),
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    // The primary metric always; the others only when some of their numbers are filled in.
    const included = metrics
      .map((metric, index) => ({ metric, index }))
      .filter(
        ({ index }) =>
          index === 0 || values.metrics[index].variants.some((cells) => Object.values(cells).some((v) => !isBlank(v))),
      );
    const body: MetricAggregates[] = included.map(({ metric, index }) => ({
      metric: metric.name,
      variants: experiment.variants.map((variant, variantIndex) =>
        aggregatesOf(metric.type, variant.name, values.metrics[index].variants[variantIndex]),
      ),
    }));
    add.mutate(
      { id: experiment.id, body: { source: "form", note: values.note, metrics: body } },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: "Results saved and analysed" });
          onDone();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const unplaced: string[] = [];
          for (const { path, message } of error.fieldErrors) {
            // The body's metric index → the form's (metrics without numbers were left out).
            const match = /^metrics\.(\d+)(\..*)?$/.exec(path);
            if (!match) {
              unplaced.push(`${path} ${message}`);
              continue;
            }
            const formIndex = included[Number(match[1])]?.index ?? 0;
            const field = `metrics.${formIndex}${match[2] ?? ""}`;
            const cellPath = /\.variants\.\d+\.(?!variant$)/.test(field) ? field : null;
            if (cellPath) form.setFieldError(cellPath, message);
            else form.setFieldError(`metrics.${formIndex}.variants.0.n`, message);
          }
          setUnplaced(unplaced.length > 0 ? unplaced.join("; ") : null);
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="lg">
        {add.error && isApiError(add.error) && add.error.fieldErrors.length === 0 && <FormError error={add.error} />}
        {unplaced && (
          <Alert color="red" variant="light" role="alert">
            {unplaced}
          </Alert>
        )}
        {metrics.map((metric, metricIndex) => (
          <Stack key={metric.name} gap="xs" component="section">
            <Title order={3} size="h5">
              {metric.name}{" "}
              <Text span size="xs" c="dimmed">
                ({metric.role}
                {metric.role === "primary" ? ", required" : ", optional"})
              </Text>
            </Title>
            {experiment.variants.map((variant, variantIndex) => (
              <Stack key={variant.name} gap={4}>
                <Text size="sm" fw={600}>
                  {variant.name}
                </Text>
                <SimpleGrid cols={{ base: 2, sm: Math.min(fieldsByType[metric.type].length, 3) }}>
                  {fieldsByType[metric.type].map((field) => (
                    <NumberInput
                      key={field.path}
                      label={field.label}
                      aria-label={`${metric.name}: ${field.label}, ${variant.name}`}
                      hideControls
                      required={metricIndex === 0}
                      {...form.getInputProps(`metrics.${metricIndex}.variants.${variantIndex}.${field.path}`)}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
          </Stack>
        ))}
        <TextInput
          label="Note"
          placeholder="Week 2, from the analytics export"
          maxLength={500}
          {...form.getInputProps("note")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Save results
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CsvImport({ experiment, onDone }: { experiment: Experiment; onDone: () => void }) {
  const importer = useImportSnapshot();
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const variants = experiment.variants.map((variant) => variant.name);
  const example = [
    "metric,variant,n,sum,sum_squares",
    ...variants.map((variant) => `${experiment.primaryMetric.name},${variant},5000,520,`),
  ].join("\n");

  const run = (dryRun: boolean) =>
    importer.mutate(
      { id: experiment.id, body: { csv, dryRun } },
      {
        onSuccess: (result) => {
          if (result.dryRun) {
            setPreview(result);
            return;
          }
          notifications.show({ color: "indigo", message: `Imported ${result.rows} lines and analysed them` });
          onDone();
        },
        onError: () => setPreview(null),
      },
    );

  const problems = isApiError(importer.error) ? importer.error.fieldErrors : [];
  return (
    <Stack gap="md">
      <Text size="sm">
        Paste or upload a CSV of per-variant aggregates (one line per metric and variant), or raw rows (one line per
        user, with a <code>variant</code> column and one column per metric), which are aggregated on import.
      </Text>
      <Textarea
        label="CSV"
        autosize
        minRows={5}
        maxRows={14}
        placeholder={example}
        value={csv}
        onChange={(event) => {
          setCsv(event.currentTarget.value);
          setPreview(null);
        }}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <Group>
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) => {
            if (!file) return;
            void file.text().then((text) => {
              setCsv(text);
              setPreview(null);
            });
          }}
        >
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} {...props}>
              Choose a file
            </Button>
          )}
        </FileButton>
        <Button
          variant="light"
          disabled={csv.trim() === ""}
          loading={importer.isPending && !preview}
          onClick={() => run(true)}
        >
          Preview
        </Button>
        <Button disabled={!preview} loading={importer.isPending && preview !== null} onClick={() => run(false)}>
          Import
        </Button>
      </Group>
      {importer.error && (
        <Alert color="red" variant="light" title="The file cannot be imported" role="alert">
          {problems.length > 0 ? (
            <List size="sm">
              {problems.slice(0, 12).map((problem) => (
                <List.Item key={`${problem.path}-${problem.message}`}>
                  {problem.path.replace(/^csv\[(\d+)\]\.?/, "line $1 ").replace(/^csv\./, "")}: {problem.message}
                </List.Item>
              ))}
            </List>
          ) : (
            <FormError error={importer.error} />
          )}
        </Alert>
      )}
      {preview && (
        <Stack gap="sm">
          <Alert color="indigo" variant="light" title="Preview (nothing stored yet)">
            {preview.rows} lines read as {preview.format === "rows" ? "raw per-user rows" : "per-variant aggregates"};{" "}
            {preview.metrics.length} {preview.metrics.length === 1 ? "metric" : "metrics"}. Press Import to store them.
          </Alert>
          <ResultsView results={preview.results} />
        </Stack>
      )}
    </Stack>
  );
}
