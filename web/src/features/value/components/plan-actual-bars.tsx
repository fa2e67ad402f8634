import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box } from "@mantine/core";
import { formatMoney } from "../../../lib/money";
import { chartAmount } from "../labels";

/** Planned against actual spend per row (channel, initiative) as horizontal bars, with the numbers as a table. */
export function PlanActualBars({
  rows,
  currency,
}: {
  rows: { name: string; planned: string; actual: string }[];
  currency: string;
}) {
  const money = (value: string | number) => formatMoney(value, currency);
  return (
    <Box component="figure" m={0}>
      <Box aria-hidden="true">
        <BarChart
          accessibilityLayer={false}
          h={Math.max(140, rows.length * 48 + 40)}
          data={rows.map((row) => ({
            name: row.name,
            planned: chartAmount(row.planned),
            actual: chartAmount(row.actual),
          }))}
          dataKey="name"
          orientation="vertical"
          series={[
            { name: "planned", label: "Planned", color: "gray.5" },
            { name: "actual", label: "Actual", color: "indigo.6" },
          ]}
          valueFormatter={money}
          withLegend
          gridAxis="none"
          tickLine="none"
          yAxisProps={{ width: 150 }}
          xAxisProps={{ hide: true }}
        />
      </Box>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Planned</th>
            <th scope="col">Actual</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>{money(row.planned)}</td>
              <td>{money(row.actual)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
