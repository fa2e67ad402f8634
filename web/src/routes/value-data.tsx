import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useState } from "react";
import type { spendApi } from "#contracts/api/value";
import type { RouteAnswer } from "#contracts/route";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { ListSection } from "../components/ui/list-page";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import type { ImportTarget } from "../features/value/api";
import { Figure } from "../features/value/components/figure";
import { ImportDialog } from "../features/value/components/import-dialog";
import { ValueNav } from "../features/value/components/value-nav";
import { useImports, useJourneyData } from "../features/value/hooks/use-value";
import { useCanKeepLedger, useCanRunAttribution } from "../features/value/permissions";
import { formatDate, formatDateTime } from "../lib/format";
import { formatUnits } from "../lib/money";

const importKinds: { kind: ImportTarget["kind"]; label: string }[] = [
  { kind: "conversions", label: "Import conversions" },
  { kind: "touchpoints", label: "Import touchpoints" },
  { kind: "paths", label: "Import paths" },
];

type ValueImport = RouteAnswer<typeof spendApi.imports>["items"][number];

const importColumns: DataColumn<ValueImport>[] = [
  { key: "when", header: "When", isNowrap: true, cell: (item) => formatDateTime(item.createdAt) },
  { key: "kind", header: "What", cell: (item) => item.kind },
  { key: "file", header: "File", priority: 2, cell: (item) => item.fileName || "—" },
  { key: "imported", header: "Imported", align: "right", cell: (item) => item.imported.toLocaleString() },
  { key: "skipped", header: "Skipped", align: "right", priority: 3, cell: (item) => item.skipped.toLocaleString() },
  { key: "by", header: "By", priority: 4, cell: (item) => item.createdBy?.name ?? "—" },
];

/** Outcomes and journeys: what is stored to attribute, and the imports that brought it. */
export function ValueDataPage() {
  const canLoad = useCanRunAttribution();
  const canKeepLedger = useCanKeepLedger();
  const [dialog, setDialog] = useState<ImportTarget["kind"] | null>(null);
  const data = useJourneyData();
  const imports = useImports();
  return (
    <>
      <PageHeader
        title="Outcomes & journeys"
        description="Conversions with their value, and the customer journeys that led to them: the input of attribution. Scripts can push both through the API in batches."
        actions={
          canLoad &&
          importKinds.map((item) => (
            <Button
              key={item.kind}
              variant={item.kind === "conversions" ? "filled" : "default"}
              leftSection={<IconFileImport size={16} aria-hidden="true" />}
              onClick={() => setDialog(item.kind)}
            >
              {item.label}
            </Button>
          ))
        }
      />
      <ValueNav />
      {data.isPending ? (
        <PageLoader label="Loading journey data…" />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => data.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure
              label="Conversions"
              value={data.data.conversions.toLocaleString()}
              hint={`worth ${formatUnits(data.data.conversionValue)}`}
            />
            <Figure
              label="Journeys"
              value={data.data.journeys.toLocaleString()}
              hint={`${data.data.touchpoints.toLocaleString()} touchpoints`}
            />
            <Figure
              label="Touches from"
              value={data.data.firstTouch ? formatDate(data.data.firstTouch) : "—"}
              hint={data.data.lastTouch ? `to ${formatDate(data.data.lastTouch)}` : undefined}
            />
            <Figure
              label="Imported paths"
              value={data.data.paths.toLocaleString()}
              hint={
                data.data.pathPeriod.start ? `${data.data.pathPeriod.start} to ${data.data.pathPeriod.end}` : undefined
              }
            />
          </SimpleGrid>
          <Card>
            <Title order={2} size="h4" mb="xs">
              Channels seen in journeys
            </Title>
            {data.data.channels.length === 0 ? (
              <Text size="sm" c="dimmed">
                No touchpoints yet. Channel names should match the channels of the spend ledger, so spend and return
                meet.
              </Text>
            ) : (
              <Group gap={6}>
                {data.data.channels.map((channel) => (
                  <Badge key={channel} variant="light" tt="none">
                    {channel}
                  </Badge>
                ))}
              </Group>
            )}
          </Card>
        </Stack>
      )}
      <Title order={2} size="h4" mt="lg" mb="sm">
        Recent imports
      </Title>
      <ListSection
        query={imports}
        loadingLabel="Loading imports…"
        isEmpty={(imports.data?.items.length ?? 0) === 0}
        empty={{
          icon: IconFileImport,
          title: "Nothing imported yet",
          description: canKeepLedger
            ? "Import conversions and touchpoints (or paths) to attribute them."
            : "Spend is imported by marketing, finance and admins on the spend ledger.",
          action: canLoad && (
            <Button size="xs" onClick={() => setDialog("conversions")}>
              Import conversions
            </Button>
          ),
        }}
      >
        <DataTable
          label="Recent imports"
          rows={imports.data?.items ?? []}
          columns={importColumns}
          rowKey={(item) => item.id}
          rowName={(item) => `the ${item.kind} import of ${formatDateTime(item.createdAt)}`}
          verticalSpacing="xs"
        />
        {!canKeepLedger && (
          <Text size="xs" c="dimmed" px="lg" pb="md">
            Spend is imported by marketing, finance and admins on the spend ledger.
          </Text>
        )}
      </ListSection>
      {canLoad && dialog && <ImportDialog kind={dialog} opened onClose={() => setDialog(null)} />}
    </>
  );
}
