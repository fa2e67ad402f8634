import { Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconChartArrows, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { LoadMore } from "../components/ui/load-more";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { RunFormDialog } from "../features/value/components/run-form";
import { CancelRunButton, RunStatusBadge } from "../features/value/components/run-status";
import { ScrollRegion } from "../features/value/components/scroll-region";
import { ValueNav } from "../features/value/components/value-nav";
import { useRuns } from "../features/value/hooks/use-value";
import { modelMeta } from "../features/value/labels";
import { useCanRunAttribution } from "../features/value/permissions";
import { formatDateTime } from "../lib/format";

/** Attribution runs: each a period, a data source and the models compared. */
export function ValueRunsPage() {
  const canRun = useCanRunAttribution();
  const [open, setOpen] = useState(false);
  const runs = useRuns();
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title="Attribution runs"
        description="Which channels earned the conversions, by several models side by side: exact Markov removal effects and Shapley values next to the simple rules."
        actions={
          canRun && (
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
              Run attribution
            </Button>
          )
        }
      />
      <ValueNav />
      <Card p={0}>
        {runs.isPending ? (
          <PageLoader label="Loading runs…" />
        ) : runs.isError ? (
          <Stack p="md">
            <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconChartArrows}
            title="No attribution run yet"
            description="Import conversions and touchpoints (or paths), then run attribution over a period."
            action={
              canRun && (
                <Button size="xs" onClick={() => setOpen(true)}>
                  Run attribution
                </Button>
              )
            }
          />
        ) : (
          <>
            <ScrollRegion label="Attribution runs (scrolls sideways)">
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" pl="md">
                      Run
                    </Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Period</Table.Th>
                    <Table.Th scope="col">Models</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Conversions
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Run
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((run) => (
                    <Table.Tr key={run.id}>
                      <Table.Td pl="md">
                        <AnchorLink to="/value/runs/$id" params={{ id: run.id }} fw={600}>
                          {run.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <RunStatusBadge status={run.status} />
                          <CancelRunButton run={run} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {run.periodStart} to {run.periodEnd}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {run.models.map((model) => (
                            <Badge key={model} variant="light" tt="none" size="sm">
                              {modelMeta[model].label}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{run.inputs?.conversions.toLocaleString() ?? "—"}</Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="sm">{formatDateTime(run.createdAt)}</Text>
                        <Text size="xs" c="dimmed">
                          {run.createdBy?.name ?? ""}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            <Stack pb="md" gap={0}>
              <LoadMore
                hasMore={runs.hasNextPage}
                isLoading={runs.isFetchingNextPage}
                onLoadMore={() => runs.fetchNextPage()}
                noun="runs"
              />
            </Stack>
          </>
        )}
      </Card>
      {canRun && <RunFormDialog opened={open} onClose={() => setOpen(false)} />}
    </>
  );
}
