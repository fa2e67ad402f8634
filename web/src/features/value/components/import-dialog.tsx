import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCircleCheck, IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import type { ImportMode, ImportReport } from "#contracts/value";
import { FormError } from "../../../components/ui/form-error";
import { formatUnits } from "../../../lib/money";
import { type ImportTarget, importCsv } from "../api";
import { useInvalidateValue } from "../hooks/use-value";
import { ScrollRegion } from "./scroll-region";

/** What each kind of file holds, for the dialog's help text. */
const FORMATS: Record<ImportTarget["kind"], { title: string; header: string; help: string }> = {
  spend: {
    title: "Import spend",
    header: "date,channel,amount,currency[,campaign][,initiative][,kind]",
    help: "One line per spend line. kind is actual (default) or planned; only planned spend may lie in the future.",
  },
  conversions: {
    title: "Import conversions",
    header: "journey_id,timestamp[,value]",
    help: "One line per conversion; value in the currency of your runs.",
  },
  touchpoints: {
    title: "Import touchpoints",
    header: "journey_id,timestamp,channel",
    help: "One line per touch of a customer journey, in any order.",
  },
  paths: {
    title: "Import journey paths",
    header: "path,total_conversions[,total_conversion_value][,total_null]",
    help: "Aggregated paths as analytics tools export them, channels separated by >.",
  },
};

type Step =
  | { name: "choose" }
  | { name: "checking"; done: number; total: number }
  | { name: "checked"; report: ImportReport }
  | { name: "writing"; done: number; total: number; report: ImportReport }
  | { name: "done"; report: ImportReport };

/** Imports a CSV: a dry run lists every bad line first; the import then writes all lines, or none. */
export function ImportDialog({
  kind,
  opened,
  onClose,
}: {
  kind: ImportTarget["kind"];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={FORMATS[kind].title} size="xl">
      {opened && <ImportFlow kind={kind} onDone={onClose} />}
    </Modal>
  );
}

function ImportFlow({ kind, onDone }: { kind: ImportTarget["kind"]; onDone: () => void }) {
  const invalidate = useInvalidateValue();
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState({ start: "", end: "" });
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [error, setError] = useState<unknown>(null);
  const format = FORMATS[kind];
  const target: ImportTarget = kind === "paths" ? { kind, periodStart: period.start, periodEnd: period.end } : { kind };

  async function send(mode: ImportMode, report?: ImportReport) {
    if (!file) return;
    setError(null);
    setStep(
      mode === "dry_run"
        ? { name: "checking", done: 0, total: 0 }
        : { name: "writing", done: 0, total: 0, report: report as ImportReport },
    );
    try {
      const result = await importCsv(target, { file, mode }, (progress) =>
        setStep((current) =>
          current.name === "writing"
            ? { ...current, done: progress.done, total: progress.total }
            : { name: "checking", done: progress.done, total: progress.total },
        ),
      );
      if (mode === "dry_run") {
        setStep({ name: "checked", report: result });
      } else {
        setStep({ name: "done", report: result });
        await invalidate();
        notifications.show({
          color: "indigo",
          message: `${result.imported.toLocaleString()} lines imported from ${file.name}`,
        });
      }
    } catch (caught) {
      setError(caught);
      setStep(report ? { name: "checked", report } : { name: "choose" });
    }
  }

  const busy = step.name === "checking" || step.name === "writing";
  return (
    <Stack gap="md">
      <Text size="sm">
        {format.help} Header: <Code>{format.header}</Code> (comma or semicolon separated).
      </Text>
      <FileInput
        label="CSV file"
        placeholder="Choose a .csv file"
        accept=".csv,text/csv"
        leftSection={<IconFileTypeCsv size={16} aria-hidden="true" />}
        value={file}
        onChange={(next) => {
          setFile(next);
          setStep({ name: "choose" });
          setError(null);
        }}
        disabled={busy}
        clearable
        clearButtonProps={{ "aria-label": "Clear the chosen file" }}
      />
      {kind === "paths" && (
        <Group grow>
          <TextInput
            label="Period start"
            placeholder="2026-01-01"
            value={period.start}
            onChange={(event) => setPeriod({ ...period, start: event.currentTarget.value })}
          />
          <TextInput
            label="Period end"
            placeholder="2026-01-31"
            value={period.end}
            onChange={(event) => setPeriod({ ...period, end: event.currentTarget.value })}
          />
        </Group>
      )}
      <FormError error={error} />
      {(step.name === "checking" || step.name === "writing") && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm">
            {step.name === "checking" ? "Checking lines" : "Writing lines"}
            {step.total > 0 ? `: ${step.done.toLocaleString()} of ${step.total.toLocaleString()}` : "…"}
          </Text>
          <Progress
            value={step.total > 0 ? (100 * step.done) / step.total : 100}
            animated
            aria-label={step.name === "checking" ? "Checking progress" : "Import progress"}
          />
        </Stack>
      )}
      {(step.name === "checked" || step.name === "writing" || step.name === "done") && (
        <DryRunReport report={step.report} done={step.name === "done"} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={step.name === "writing"}>
          {step.name === "done" ? "Done" : "Cancel"}
        </Button>
        {step.name !== "checked" && step.name !== "done" && (
          <Button onClick={() => void send("dry_run")} disabled={!file} loading={step.name === "checking"}>
            Check file
          </Button>
        )}
        {step.name === "checked" && step.report.errorCount > 0 && step.report.validLines > 0 && (
          <Button variant="light" color="orange" onClick={() => void send("import_valid", step.report)}>
            Import {plural(step.report.validLines, "valid line")}, skip {badLinesOf(step.report).toLocaleString()}
          </Button>
        )}
        {step.name === "checked" && (
          <Button
            onClick={() => void send("import", step.report)}
            disabled={step.report.errorCount > 0 || step.report.validLines === 0}
          >
            Import {plural(step.report.validLines, "line")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? "" : "s"}`;
}

function badLinesOf(report: ImportReport): number {
  return report.lines - report.validLines;
}

const summaryLabels: Record<string, string> = {
  channels: "Channels",
  firstDate: "First date",
  lastDate: "Last date",
  total: "Total",
  conversions: "Conversions",
  value: "Value",
  first: "First",
  last: "Last",
  touchpoints: "Touchpoints",
  journeys: "Journeys",
  paths: "Paths",
  periodStart: "Period start",
  periodEnd: "Period end",
};

function formatSummaryValue(key: string, value: string | number | null): string {
  if (value === null) return "—";
  if (typeof value === "number") return value.toLocaleString();
  // A conversions file's value: a decimal string, formatted as one.
  if (key === "value") return formatUnits(value, { cents: true });
  return (key === "first" || key === "last") && value.includes("T") ? value.slice(0, 16).replace("T", " ") : value;
}

/** What the dry run found: counts, a summary, and every bad line by line number and field. */
export function DryRunReport({ report, done }: { report: ImportReport; done: boolean }) {
  const ok = report.errorCount === 0;
  return (
    <Stack gap="sm">
      <Alert
        color={done ? "teal" : ok ? "indigo" : "orange"}
        variant="light"
        icon={ok || done ? <IconCircleCheck aria-hidden="true" /> : <IconAlertTriangle aria-hidden="true" />}
        title={
          done
            ? `Imported ${plural(report.imported, "line")}`
            : ok
              ? `All ${plural(report.lines, "line")} are valid`
              : report.lines === 0
                ? "The file cannot be read"
                : `${badLinesOf(report).toLocaleString()} of ${plural(report.lines, "line")} need fixing`
        }
      >
        {done
          ? "Everything was written in one transaction."
          : ok
            ? "Nothing has been written yet: this was a dry run."
            : "Nothing has been written. Fix the lines below and check again, or import only the valid lines."}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {Object.entries(report.summary).map(([key, value]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {summaryLabels[key] ?? key}
            </Text>
            <Text size="sm" fw={600}>
              {formatSummaryValue(key, value)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {report.errors.length > 0 && (
        <ScrollRegion label="Lines with errors (scrolls)" style={{ maxHeight: 260, overflowY: "auto" }}>
          <Table verticalSpacing={4} aria-label="Lines with errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((error) => (
                <Table.Tr key={`${error.line}-${error.field}-${error.message}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{error.field ? <Code>{error.field}</Code> : "—"}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.errorCount > report.errors.length && (
            <Text size="xs" c="dimmed" mt={4}>
              The first {report.errors.length} of {report.errorCount.toLocaleString()} errors are listed.
            </Text>
          )}
        </ScrollRegion>
      )}
    </Stack>
  );
}
