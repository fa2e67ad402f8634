import { Alert, Button, FileButton, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import type { ImportMeasurementsResult } from "../../../../../contracts/scorecard";
import { FormError } from "../../../components/ui/form-error";
import { useImportMeasurements } from "../hooks/use-scorecard";

const example = "kpi,date,value,comment,confidence\nOnline conversion rate,2026-11-30,2.4,After the checkout release,4";

/** What a dry run found, in words. */
function Summary({ result }: { result: ImportMeasurementsResult }) {
  return (
    <Text size="sm" aria-live="polite">
      {result.lines} {result.lines === 1 ? "line" : "lines"}: {result.created} new, {result.updated} changed,{" "}
      {result.unchanged} unchanged{result.errors.length > 0 ? `, ${result.errors.length} with errors` : ""}.
    </Text>
  );
}

/** Imports KPI values from CSV (kpi, date, value[, comment, confidence]): a dry run first, then all lines or none. */
export function ImportCheckInsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<ImportMeasurementsResult | null>(null);
  const importing = useImportMeasurements();
  const close = () => {
    setCsv("");
    setPreview(null);
    importing.reset();
    onClose();
  };
  const readFile = async (file: File | null) => {
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };
  const runDry = () => importing.mutate({ csv, dryRun: true }, { onSuccess: (result) => setPreview(result) });
  const runImport = () =>
    importing.mutate(
      { csv, dryRun: false },
      {
        onSuccess: (result) => {
          notifications.show({
            color: "indigo",
            message: `Imported: ${result.created} new and ${result.updated} changed values`,
          });
          close();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={close} title="Import check-ins" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          One value per line: the KPI (its name or id), the date and the value; a comment and a confidence from 1 to 5
          may follow. Importing the same file again changes nothing.
        </Text>
        <FormError error={importing.error} />
        <Group>
          <FileButton onChange={(file) => void readFile(file)} accept=".csv,text/csv">
            {(props) => (
              <Button variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} {...props}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
        </Group>
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
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
        />
        {preview && (
          <Stack gap="xs">
            <Summary result={preview} />
            {preview.errors.length > 0 && (
              <Alert
                color="red"
                variant="light"
                title="Fix these lines first: nothing is imported while a line is wrong"
              >
                <List size="sm">
                  {preview.errors.map((error) => (
                    <List.Item key={`${error.line}-${error.field}`}>
                      Line {error.line}, {error.field}: {error.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="light"
            onClick={runDry}
            disabled={csv.trim() === ""}
            loading={importing.isPending && !preview}
          >
            Check
          </Button>
          <Button
            onClick={runImport}
            disabled={!preview || preview.errors.length > 0 || preview.created + preview.updated === 0}
            loading={importing.isPending && preview !== null}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
