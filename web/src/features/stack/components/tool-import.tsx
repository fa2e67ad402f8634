import { Alert, Badge, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { ImportToolsResult } from "#contracts/stack";
import { describeError } from "../../../components/ui/page-error";
import { keyOf } from "../../../lib/api";
import { importTools } from "../api";
import { stackKey } from "../hooks/use-stack";

const SAMPLE_HEADER =
  "name,vendor,category,subcategory,capabilities,status,lifecycle,business_owner_email,technical_owner_email,annual_cost,currency,renewal_date,notice_days,data_classes,dpa_signed,sso";

/**
 * Imports a catalog CSV in two steps: "Check file" runs a dry run that lists every bad line and column;
 * "Import" writes the whole file in one transaction, and only when the check found nothing wrong.
 */
export function ToolImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<ImportToolsResult | null>(null);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: importTools,
    onSuccess: (answer) => {
      setResult(answer);
      if (answer.imported) {
        void queryClient.invalidateQueries({ queryKey: stackKey });
        void queryClient.invalidateQueries({ queryKey: keyOf(stackToolsApi.listTools) });
        notifications.show({
          color: "indigo",
          message: `Imported: ${answer.created} added, ${answer.updated} updated`,
        });
        close();
      }
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not read the file", message: describeError(error) }),
  });
  const close = () => {
    setFile(null);
    setText(null);
    setResult(null);
    onClose();
  };
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
    setText(chosen ? await chosen.text() : null);
  };
  const checked = result && !result.imported;
  const clean = checked && result.errors.length === 0 && result.lines.length > 0;
  return (
    <Modal opened={opened} onClose={close} title="Import tools from CSV" size="lg">
      <Stack gap="md">
        <Text size="sm">
          One tool per line. Known names are updated, new ones added; list fields separate items with “|”. The file is
          checked first, and imported whole or not at all.
        </Text>
        <Text
          size="xs"
          c="dimmed"
          style={{ wordBreak: "break-all", fontFamily: "var(--mantine-font-family-monospace)" }}
        >
          {SAMPLE_HEADER}
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          clearButtonProps={{ "aria-label": "Clear the file" }}
        />
        {checked && result.errors.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={16} />}
            title={`${result.errorCount.toLocaleString()} problems: nothing was imported${result.errorCount > result.errors.length ? ` (the first ${result.errors.length.toLocaleString()} listed)` : ""}`}
          >
            <ScrollArea.Autosize mah={240}>
              <Table withRowBorders={false} verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Line</Table.Th>
                    <Table.Th scope="col">Column</Table.Th>
                    <Table.Th scope="col">Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.errors.map((error) => (
                    <Table.Tr key={`${error.line}-${error.field}-${error.message}`}>
                      <Table.Td>{error.line}</Table.Td>
                      <Table.Td>{error.field || "—"}</Table.Td>
                      <Table.Td>{error.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Alert>
        )}
        {clean && (
          <Alert color="teal" icon={<IconCheck size={16} />} title="The file is ready to import">
            <Group gap="xs">
              <Badge color="teal" variant="light">
                {result.created} to add
              </Badge>
              <Badge color="indigo" variant="light">
                {result.updated} to update
              </Badge>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {checked && !clean && result.lines.length > 0 && (
            <Button
              variant="light"
              color="orange"
              loading={run.isPending}
              onClick={() => text && run.mutate({ csv: text, dryRun: false, onlyValid: true })}
            >
              Import only the {result.lines.length} valid lines
            </Button>
          )}
          {clean ? (
            <Button loading={run.isPending} onClick={() => text && run.mutate({ csv: text, dryRun: false })}>
              Import {result.created + result.updated} tools
            </Button>
          ) : (
            <Button
              disabled={!text}
              loading={run.isPending}
              onClick={() => text && run.mutate({ csv: text, dryRun: true })}
            >
              Check file
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
