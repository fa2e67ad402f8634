import { Badge, Group, Progress, Text } from "@mantine/core";
import type { KpiSummary } from "../../../../../contracts/scorecard";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { AnchorLink } from "../../../components/ui/links";
import { formatKpiValue, kpiStatusMeta } from "../labels";
import { KpiStatusBadge } from "./scorecard-badges";
import { TrendLine } from "./trend-line";

/** How far along the way from baseline to target, as a bar (0–100). */
export function progressPercent(progress: number | null): number {
  if (progress === null) return 0;
  return Math.max(0, Math.min(100, Math.round(progress * 100)));
}

/** KPIs with status, latest value against target, progress and trend; each name links to its page. */
export function KpiTable({ kpis, showOwner = true }: { kpis: KpiSummary[]; showOwner?: boolean }) {
  const columns: DataColumn<KpiSummary>[] = [
    {
      key: "kpi",
      header: "KPI",
      cell: (kpi) => (
        <>
          <Group gap={6} wrap="nowrap">
            <AnchorLink to="/scorecard/kpis/$id" params={{ id: kpi.id }} fw={500}>
              {kpi.name}
            </AnchorLink>
            {kpi.source === "computed" && (
              <Badge size="xs" variant="outline" color="gray">
                Computed
              </Badge>
            )}
          </Group>
          {kpi.segment && (
            <Text size="xs" c="dimmed">
              {kpi.segment.name}
            </Text>
          )}
        </>
      ),
    },
    { key: "status", header: "Status", isNowrap: true, cell: (kpi) => <KpiStatusBadge status={kpi.status} /> },
    {
      key: "latest",
      header: "Latest",
      align: "right",
      isNowrap: true,
      cell: (kpi) => formatKpiValue(kpi.latest?.value, kpi.unit, kpi.currency),
    },
    {
      key: "target",
      header: "Target",
      align: "right",
      isNowrap: true,
      priority: 2,
      cell: (kpi) => formatKpiValue(kpi.target, kpi.unit, kpi.currency),
    },
    {
      key: "progress",
      header: "Progress",
      priority: 2,
      cell: (kpi) => (
        <div style={{ minWidth: 120 }}>
          <Progress
            value={progressPercent(kpi.progress)}
            color={kpiStatusMeta[kpi.status].barColor}
            aria-label={`${kpi.name}: ${progressPercent(kpi.progress)}% of the way to target`}
          />
          <Text size="xs" c="dimmed" mt={2}>
            {kpi.reason}
          </Text>
        </div>
      ),
    },
    {
      key: "trend",
      header: "Trend",
      priority: 3,
      cell: (kpi) =>
        kpi.trend.length > 1 ? (
          <TrendLine width={96} height={28} values={kpi.trend} color={kpiStatusMeta[kpi.status].color} />
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ),
    },
  ];
  if (showOwner)
    columns.push({
      key: "owner",
      header: "Owner",
      priority: 3,
      cell: (kpi) => (
        <>
          <Text size="sm">{kpi.owner.name}</Text>
          <Text size="xs" c="dimmed">
            {kpi.owner.team.name}
          </Text>
        </>
      ),
    });
  return (
    <DataTable
      rows={kpis}
      columns={columns}
      rowKey={(kpi) => kpi.id}
      rowName={(kpi) => kpi.name}
      label="KPIs"
      verticalSpacing="xs"
      isFlush
    />
  );
}
