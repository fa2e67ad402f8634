import { Alert, Button, FileButton, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { FormError } from "./form-error";

/** What every import answers: whether it wrote, and the bad lines. */
export interface CsvImportResult {
  imported: boolean;
  errors: { line: number; field: string; message: string }[];
}

interface CsvImportDialogProps<R extends CsvImportResult> {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro: ReactNode;
  example: string;
  /** Sends the CSV: a dry run, or the real import. */
  run: (csv: string, dryRun: boolean) => Promise<R>;
  /** The dry run's findings in one sentence. */
  summarize: (result: R) => string;
  /** Whether the dry run found anything to write. */
  hasChanges: (result: R) => boolean;
  /** The toast after a real import. */
  importedMessage: (result: R) => string;
  onImported?: () => void;
}

/** A CSV import with a dry run first: each bad line named, and nothing written while a line is wrong. */
export function CsvImportDialog<R extends CsvImportResult>(props: CsvImportDialogProps<R>) {
  const { opened, onClose, title, intro, example, run, summarize, hasChanges, importedMessage, onImported } = props;
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<R | null>(null);
  const importing = useMutation({
    mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean }) => run(text, dryRun),
  });
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
  const runImport = () =>
    importing.mutate(
      { text: csv, dryRun: false },
      {
        onSuccess: (result) => {
          notifications.show({ color: "indigo", message: importedMessage(result) });
          onImported?.();
          close();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <FormError error={importing.error} />
        <Group>
          <FileButton onChange={(file) => void readFile(file)} accept=".csv,text/csv">
            {(buttonProps) => (
              <Button variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} {...buttonProps}>
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
            <Text size="sm" aria-live="polite">
              {summarize(preview)}
            </Text>
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
            onClick={() => importing.mutate({ text: csv, dryRun: true }, { onSuccess: setPreview })}
            disabled={csv.trim() === ""}
            loading={importing.isPending && !preview}
          >
            Check
          </Button>
          <Button
            onClick={runImport}
            disabled={!preview || preview.errors.length > 0 || !hasChanges(preview)}
            loading={importing.isPending && preview !== null}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
