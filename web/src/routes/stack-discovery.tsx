import { Alert, Badge, Button, FileInput, Group, Modal, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconFileSpreadsheet, IconSpy, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { discoveryApi } from "#contracts/api/stack-discovery";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { RouteBody } from "#contracts/route";
import type { ImportExpensesResult, ShadowCandidate, StackCategory } from "#contracts/stack";
import { STACK_TAXONOMY } from "#contracts/stack";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { ListSection } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { importExpenses } from "../features/stack/api";
import { StackNav } from "../features/stack/components/stack-nav";
import { stackKey } from "../features/stack/hooks/use-stack";
import { categoryOptions } from "../features/stack/labels";
import { call, keyOf } from "../lib/api";
import { apiQuery } from "../lib/api-query";
import { formatMoney } from "../lib/money";

const candidatesKey = keyOf(discoveryApi.candidates);

/** Shadow IT: what the card statements say is paid for outside the catalog, and bringing it in. */
export function StackDiscoveryPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const candidates = useQuery(apiQuery(discoveryApi.candidates));
  const imports = useQuery(apiQuery(discoveryApi.imports));
  const [importing, setImporting] = useState(false);
  const [adopting, setAdopting] = useState<ShadowCandidate | null>(null);
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (body: { merchantKey: string; reason: string }) => call(discoveryApi.dismissCandidate, { body }),
    onSuccess: (_, input) => {
      void queryClient.invalidateQueries({ queryKey: candidatesKey });
      notifications.show({ color: "indigo", message: `${input.merchantKey} is no longer proposed` });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not dismiss it", message: describeError(error) }),
  });
  const items = candidates.data?.items ?? [];
  const latest = imports.data?.items[0];
  const columns: DataColumn<ShadowCandidate>[] = [
    {
      key: "merchant",
      header: "Merchant",
      cell: (candidate) => (
        <>
          <Text fw={600} size="sm">
            {candidate.label}
          </Text>
          <Text size="xs" c="dimmed">
            {candidate.example}
          </Text>
        </>
      ),
    },
    {
      key: "spend",
      header: "Yearly spend",
      align: "right",
      isNowrap: true,
      cell: (candidate) =>
        candidate.spend.map((spend) => (
          <Text key={spend.currency} size="sm" fw={600}>
            {formatMoney(spend.yearly, spend.currency)}
          </Text>
        )),
    },
    {
      key: "payments",
      header: "Payments",
      priority: 3,
      cell: (candidate) => (
        <Group gap={6}>
          <Text size="sm">
            {candidate.lines} in {candidate.months} {candidate.months === 1 ? "month" : "months"}
          </Text>
          {candidate.isRecurring && (
            <Badge size="sm" variant="light" color="orange">
              Recurring
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "who",
      header: "Who",
      priority: 3,
      cell: (candidate) => (
        <Text size="sm">
          {candidate.employees} {candidate.employees === 1 ? "person" : "people"}
          {candidate.departments.length > 0 ? ` · ${candidate.departments.join(", ")}` : ""}
        </Text>
      ),
    },
  ];
  if (canWrite)
    columns.push({
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (candidate) => (
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="xs" onClick={() => setAdopting(candidate)}>
            Adopt
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={dismiss.isPending && dismiss.variables?.merchantKey === candidate.merchantKey}
            onClick={() => dismiss.mutate({ merchantKey: candidate.merchantKey, reason: "" })}
            aria-label={`Dismiss ${candidate.label}`}
          >
            Dismiss
          </Button>
        </Group>
      ),
    });
  return (
    <>
      <PageHeader
        title="Shadow IT"
        description="Software paid for on cards and expenses that is in no catalog entry. Import a statement; bring what you find into the catalog, where marketing and IT review it together."
        actions={
          canWrite && (
            <Button leftSection={<IconUpload size={16} aria-hidden="true" />} onClick={() => setImporting(true)}>
              Import a statement
            </Button>
          )
        }
      />
      <StackNav />
      <ListSection
        filters={
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              Candidates
            </Title>
            <Text size="sm" c="dimmed" aria-live="polite">
              {latest
                ? `${imports.data?.items.length} statements imported; latest ${latest.fileName} (${latest.lines} lines, ${latest.matchedLines} matched to the catalog)`
                : "No statement imported yet"}
            </Text>
          </Group>
        }
        query={candidates}
        loadingLabel="Loading candidates…"
        isEmpty={items.length === 0}
        empty={{
          icon: IconSpy,
          title: "No shadow IT found",
          description:
            "Import an expense or card statement (CSV with date, description, amount, currency): software-like spend on merchants in no catalog tool shows up here.",
          action: canWrite && (
            <Button size="xs" onClick={() => setImporting(true)}>
              Import the first statement
            </Button>
          ),
        }}
      >
        <DataTable
          rows={items}
          columns={columns}
          rowKey={(candidate) => candidate.merchantKey}
          rowName={(candidate) => candidate.label}
          label="Shadow IT candidates"
        />
      </ListSection>
      {canWrite && <ExpenseImportDialog opened={importing} onClose={() => setImporting(false)} />}
      {adopting && <AdoptDialog candidate={adopting} onClose={() => setAdopting(null)} />}
    </>
  );
}

/** Imports a statement: a check first (bad lines named), then all lines, or only the valid ones if asked. */
function ExpenseImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [checked, setChecked] = useState<ImportExpensesResult | null>(null);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: importExpenses,
    onSuccess: (result) => {
      if (!result.imported) {
        setChecked(result);
        return;
      }
      void queryClient.invalidateQueries({ queryKey: candidatesKey });
      void queryClient.invalidateQueries({ queryKey: keyOf(discoveryApi.imports) });
      void queryClient.invalidateQueries({ queryKey: keyOf(stackToolsApi.listTools) });
      notifications.show({
        color: "indigo",
        message: `Imported ${result.lines} lines: ${result.matchedLines} matched the catalog, ${result.candidates} shadow candidates`,
      });
      close();
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not read the file", message: describeError(error) }),
  });
  const close = () => {
    setFile(null);
    setText(null);
    setChecked(null);
    onClose();
  };
  const send = (mode: "dry_run" | "import" | "import_valid") =>
    text && run.mutate({ fileName: file?.name ?? "statement.csv", csv: text, mode });
  return (
    <Modal opened={opened} onClose={close} title="Import a statement" size="lg">
      <Stack gap="md">
        <Text size="sm">
          A CSV export of cards or expenses with the columns date, description (or merchant), amount and currency;
          cardholder and department are used when present.
        </Text>
        <FileInput
          label="Statement file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
          clearButtonProps={{ "aria-label": "Clear the file" }}
          value={file}
          onChange={async (chosen) => {
            setFile(chosen);
            setChecked(null);
            setText(chosen ? await chosen.text() : null);
          }}
        />
        {checked && (
          <Alert
            color={checked.errors.length > 0 ? "orange" : "teal"}
            icon={checked.errors.length > 0 ? <IconAlertTriangle size={16} /> : undefined}
            title={`${checked.lines} lines read: ${checked.matchedLines} match the catalog, ${checked.candidates} shadow candidates`}
          >
            {checked.errors.length > 0 && (
              <Stack gap={2}>
                <Text size="sm">{checked.errorCount.toLocaleString()} problems:</Text>
                {checked.errors.slice(0, 20).map((error) => (
                  <Text size="sm" key={`${error.line}-${error.field}-${error.message}`}>
                    Line {error.line}, {error.field}: {error.message}
                  </Text>
                ))}
              </Stack>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {!checked ? (
            <Button disabled={!text} loading={run.isPending} onClick={() => send("dry_run")}>
              Check file
            </Button>
          ) : checked.errors.length > 0 ? (
            <Button color="orange" loading={run.isPending} onClick={() => send("import_valid")}>
              Import the {checked.lines} valid lines
            </Button>
          ) : (
            <Button loading={run.isPending} onClick={() => send("import")}>
              Import {checked.lines} lines
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** Brings a candidate into the catalog as a shadow tool and opens its purchase review in the Pipeline. */
function AdoptDialog({ candidate, onClose }: { candidate: ShadowCandidate; onClose: () => void }) {
  const [name, setName] = useState(candidate.label);
  const [vendor, setVendor] = useState("");
  const [category, setCategory] = useState<StackCategory | null>(null);
  const [subcategory, setSubcategory] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const adopt = useMutation({
    mutationFn: (body: RouteBody<typeof discoveryApi.adoptCandidate>) => call(discoveryApi.adoptCandidate, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: stackKey });
      void queryClient.invalidateQueries({ queryKey: keyOf(stackToolsApi.listTools) });
      notifications.show({
        color: "indigo",
        message: `${name} is in the catalog as shadow; review request REQ-${result.requestNumber} is open`,
      });
      onClose();
      void navigate({ to: "/stack/tools/$id", params: { id: result.toolId } });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not adopt it", message: describeError(error) }),
  });
  const subcategories = category ? [...STACK_TAXONOMY[category].subcategories] : [];
  return (
    <Modal opened onClose={onClose} title={`Adopt ${candidate.label}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!name.trim()) missing.name = "Name is required";
          if (!category) missing.category = "Category is required";
          if (!subcategory) missing.subcategory = "Subcategory is required";
          setErrors(missing);
          if (Object.keys(missing).length > 0 || !category || !subcategory) return;
          adopt.mutate({ merchantKey: candidate.merchantKey, name, vendor, category, subcategory });
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            It joins the catalog as <b>shadow</b> with its yearly spend as cost, and a purchase request opens in the
            Pipeline so both sides decide: sanction it, replace it, or stop it.
          </Text>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput label="Vendor" value={vendor} onChange={(e) => setVendor(e.currentTarget.value)} />
          <Select
            label="Category"
            required
            data={categoryOptions}
            value={category}
            onChange={(value) => {
              setCategory(value as StackCategory | null);
              setSubcategory(null);
            }}
            error={errors.category}
          />
          <Select
            label="Subcategory"
            required
            data={subcategories}
            value={subcategory}
            onChange={setSubcategory}
            disabled={!category}
            error={errors.subcategory}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={adopt.isPending}>
              Adopt as shadow
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
