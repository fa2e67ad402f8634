import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Box } from "@mantine/core";
import type { KpiSeries } from "#contracts/scorecard";
import { formatKpiValue } from "../labels";

interface Row {
  date: string;
  value: number | null;
  plan: number | null;
}

/** Points and the plan line on one date axis (the plan has its own dates: start, end and each measurement). */
function rowsOf(series: KpiSeries): Row[] {
  const byDate = new Map<string, Row>();
  const rowAt = (date: string) => {
    let row = byDate.get(date);
    if (!row) {
      row = { date, value: null, plan: null };
      byDate.set(date, row);
    }
    return row;
  };
  for (const point of series.points) rowAt(point.date).value = point.value;
  for (const point of series.plan) rowAt(point.date).plan = point.value;
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const shortDate = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

/** A KPI's values against its plan, target and thresholds, with the same figures as a table for screen readers. */
export function KpiChart({ series, name }: { series: KpiSeries; name: string }) {
  const rows = rowsOf(series);
  const format = (value: number) => formatKpiValue(value, series.unit, series.currency);
  const referenceLines = [
    { y: series.target, label: `Target ${format(series.target)}`, color: "blue.7" },
    ...(series.thresholds
      ? [
          { y: series.thresholds.green, label: `Green ${format(series.thresholds.green)}`, color: "teal.7" },
          { y: series.thresholds.amber, label: `Amber ${format(series.thresholds.amber)}`, color: "orange.7" },
        ]
      : []),
  ];
  return (
    <figure style={{ margin: 0 }}>
      <Box role="img" aria-label={`${name} against its plan and target`}>
        <LineChart
          h={280}
          data={rows.map((row) => ({ ...row, label: shortDate.format(new Date(`${row.date}T00:00:00Z`)) }))}
          dataKey="label"
          series={[
            { name: "value", label: "Measured", color: "indigo.6" },
            { name: "plan", label: "On plan", color: "gray.6", strokeDasharray: "5 5" },
          ]}
          referenceLines={referenceLines}
          withLegend
          connectNulls
          curveType="linear"
          valueFormatter={format}
          withDots={series.points.length <= 60}
          accessibilityLayer={false}
        />
      </Box>
      <figcaption className="visually-hidden">{name}: measured values and the plan from baseline to target</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Measured</th>
            <th scope="col">On plan</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date}>
              <td>{row.date}</td>
              <td>{row.value === null ? "—" : format(row.value)}</td>
              <td>{row.plan === null ? "—" : format(row.plan)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
