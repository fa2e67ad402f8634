import { Stack, Text } from "@mantine/core";
import type { Experiment } from "#contracts/experiments";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { AnchorLink } from "../../../components/ui/links";
import { formatDate } from "../../../lib/format";
import { HeadlineText, OutcomeBadge, StatusBadge } from "./experiment-badges";

const columns: DataColumn<Experiment>[] = [
  {
    key: "experiment",
    header: "Experiment",
    cell: (experiment) => (
      <Stack gap={0} style={{ minWidth: 0 }}>
        <AnchorLink to="/experiments/$id" params={{ id: experiment.id }} fw={600}>
          {experiment.name}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          KPI: {experiment.kpi}
          {experiment.channel ? ` · ${experiment.channel}` : ""}
        </Text>
      </Stack>
    ),
  },
  {
    key: "status",
    header: "Status",
    // A decided experiment shows what was decided; the others where they stand.
    cell: (experiment) =>
      experiment.decision ? (
        <OutcomeBadge outcome={experiment.decision.outcome} />
      ) : (
        <StatusBadge status={experiment.status} />
      ),
  },
  {
    key: "owner",
    header: "Owner",
    priority: 3,
    cell: (experiment) => <Text size="sm">{experiment.owner?.name ?? "—"}</Text>,
  },
  { key: "result", header: "Latest result", cell: (experiment) => <HeadlineText experiment={experiment} /> },
  {
    key: "updated",
    header: "Updated",
    priority: 2,
    isNowrap: true,
    cell: (experiment) => (
      <Text size="sm" c="dimmed">
        {formatDate(experiment.updatedAt)}
      </Text>
    ),
  },
];

/** The experiments: name and KPI, status, owner, the latest lift at a glance, and when it last changed. */
export function ExperimentTable({ experiments }: { experiments: Experiment[] }) {
  return (
    <DataTable
      rows={experiments}
      columns={columns}
      rowKey={(experiment) => experiment.id}
      rowName={(experiment) => experiment.name}
      label="Experiments"
    />
  );
}
