import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useState } from "react";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import type { ImportTarget } from "../features/value/api";
import { Figure } from "../features/value/components/figure";
import { ImportDialog } from "../features/value/components/import-dialog";
import { ScrollRegion } from "../features/value/components/scroll-region";
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
      <Card p={0} mt="lg">
        <Title order={2} size="h4" p="md">
          Recent imports
        </Title>
        {imports.isPending ? (
          <PageLoader label="Loading imports…" />
        ) : imports.isError ? (
          <Stack p="md">
            <ErrorState error={imports.error} onRetry={() => imports.refetch()} />
          </Stack>
        ) : imports.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" px="md" pb="md">
            Nothing imported yet.
          </Text>
        ) : (
          <ScrollRegion label="Recent imports (scrolls sideways)">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" pl="md">
                    When
                  </Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">File</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Imported
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Skipped
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="md">
                    By
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td pl="md">{formatDateTime(item.createdAt)}</Table.Td>
                    <Table.Td>{item.kind}</Table.Td>
                    <Table.Td>{item.fileName || "—"}</Table.Td>
                    <Table.Td ta="right">{item.imported.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{item.skipped.toLocaleString()}</Table.Td>
                    <Table.Td visibleFrom="md">{item.createdBy?.name ?? "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
        {!canKeepLedger && (
          <Text size="xs" c="dimmed" px="md" pb="md">
            Spend is imported by marketing, finance and admins on the spend ledger.
          </Text>
        )}
      </Card>
      {canLoad && dialog && <ImportDialog kind={dialog} opened onClose={() => setDialog(null)} />}
    </>
  );
}
