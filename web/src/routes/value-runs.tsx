import { Badge, Button, Group, Text } from "@mantine/core";
import { IconChartArrows, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import type { AttributionRunSummary as Run } from "#contracts/value";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { AnchorLink } from "../components/ui/links";
import { ListPage, pagesOf } from "../components/ui/list-page";
import { RunFormDialog } from "../features/value/components/run-form";
import { CancelRunButton, RunStatusBadge } from "../features/value/components/run-status";
import { ValueNav } from "../features/value/components/value-nav";
import { useRuns } from "../features/value/hooks/use-value";
import { modelMeta } from "../features/value/labels";
import { useCanRunAttribution } from "../features/value/permissions";
import { formatDateTime } from "../lib/format";

const columns: DataColumn<Run>[] = [
  {
    key: "name",
    header: "Run",
    cell: (run) => (
      <AnchorLink to="/value/runs/$id" params={{ id: run.id }} fw={600}>
        {run.name}
      </AnchorLink>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (run) => (
      <Group gap={6} wrap="nowrap">
        <RunStatusBadge status={run.status} />
        <CancelRunButton run={run} />
      </Group>
    ),
  },
  {
    key: "period",
    header: "Period",
    priority: 2,
    isNowrap: true,
    cell: (run) => `${run.periodStart} to ${run.periodEnd}`,
  },
  {
    key: "models",
    header: "Models",
    priority: 3,
    cell: (run) => (
      <Group gap={4}>
        {run.models.map((model) => (
          <Badge key={model} variant="light" tt="none" size="sm">
            {modelMeta[model].label}
          </Badge>
        ))}
      </Group>
    ),
  },
  {
    key: "conversions",
    header: "Conversions",
    priority: 2,
    align: "right",
    cell: (run) => run.inputs?.conversions.toLocaleString() ?? "—",
  },
  {
    key: "created",
    header: "Run by",
    priority: 4,
    cell: (run) => (
      <>
        <Text size="sm">{formatDateTime(run.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          {run.createdBy?.name ?? ""}
        </Text>
      </>
    ),
  },
];

/** Attribution runs: each a period, a data source and the models compared. */
export function ValueRunsPage() {
  const canRun = useCanRunAttribution();
  const [open, setOpen] = useState(false);
  const runs = useRuns();
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <ListPage
      title="Attribution runs"
      description="Which channels earned the conversions, by several models side by side: exact Markov removal effects and Shapley values next to the simple rules."
      actions={
        canRun && (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
            Run attribution
          </Button>
        )
      }
      nav={<ValueNav />}
      query={runs}
      loadingLabel="Loading runs…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconChartArrows,
        title: "No attribution run yet",
        description: "Import conversions and touchpoints (or paths), then run attribution over a period.",
        action: canRun && (
          <Button size="xs" onClick={() => setOpen(true)}>
            Run attribution
          </Button>
        ),
      }}
      pagination={pagesOf(runs, "runs", { one: "run", count: items.length })}
      after={canRun && <RunFormDialog opened={open} onClose={() => setOpen(false)} />}
    >
      <DataTable
        label="Attribution runs"
        rows={items}
        columns={columns}
        rowKey={(run) => run.id}
        rowName={(run) => run.name}
      />
    </ListPage>
  );
}
