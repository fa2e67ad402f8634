import { Badge, Group } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import type { KpiSummary } from "#contracts/scorecard";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatKpiValue, kpiStatusMeta } from "../labels";
import classes from "./kpi-table.module.css";
import { KpiStatusBadge } from "./scorecard-badges";
import { TrendLine } from "./trend-line";

/** How far along the way from baseline to target, as a bar (0–100). */
export function progressPercent(progress: number | null): number {
  if (progress === null) return 0;
  return Math.max(0, Math.min(100, Math.round(progress * 100)));
}

/** A Mantine colour key ("teal.6") as its CSS variable. */
const colorVar = (key: string) => `var(--mantine-color-${key.replace(".", "-")})`;

/**
 * KPIs with status, latest value against target, progress and trend; each name links to its page. A scorecard
 * shows hundreds of rows, so the cells are plain elements (a router link per row re-renders on every navigation):
 * the name is an ordinary link whose plain click navigates inside the app.
 */
export function KpiTable({ kpis, showOwner = true }: { kpis: KpiSummary[]; showOwner?: boolean }) {
  const navigate = useNavigate();
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    void navigate({ to: "/scorecard/kpis/$id", params: { id } });
  };
  const columns: DataColumn<KpiSummary>[] = [
    {
      key: "kpi",
      header: "KPI",
      cell: (kpi) => (
        <>
          <Group gap={6} wrap="nowrap">
            <a className={classes.name} href={`/scorecard/kpis/${kpi.id}`} onClick={(event) => open(event, kpi.id)}>
              {kpi.name}
            </a>
            {kpi.source === "computed" && (
              <Badge size="xs" variant="outline" color="gray">
                Computed
              </Badge>
            )}
          </Group>
          {kpi.segment && <div className={classes.dimmed}>{kpi.segment.name}</div>}
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
      cell: (kpi) => {
        const percent = progressPercent(kpi.progress);
        return (
          <div style={{ minWidth: 120 }}>
            <div
              className={classes.track}
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-label={`${kpi.name}: ${percent}% of the way to target`}
            >
              <div
                className={classes.bar}
                style={{ width: `${percent}%`, backgroundColor: colorVar(kpiStatusMeta[kpi.status].barColor) }}
              />
            </div>
            <div className={classes.dimmed}>{kpi.reason}</div>
          </div>
        );
      },
    },
    {
      key: "trend",
      header: "Trend",
      priority: 3,
      cell: (kpi) =>
        kpi.trend.length > 1 ? (
          <TrendLine width={96} height={28} values={kpi.trend} color={kpiStatusMeta[kpi.status].color} />
        ) : (
          <span className={classes.dimmed}>—</span>
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
          <div className={classes.text}>{kpi.owner.name}</div>
          <div className={classes.dimmed}>{kpi.owner.team.name}</div>
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
