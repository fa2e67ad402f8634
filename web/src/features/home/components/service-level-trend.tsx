import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Box, Text } from "@mantine/core";
import type { HomeSummary } from "#contracts/home";
import { formatMonth } from "../../../lib/format";
import { goalLine } from "../../pipeline/components/sla-report";

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Share of decisions and deliveries within target by month: a small chart, and its numbers for screen readers. */
export function ServiceLevelTrend({
  trend,
  goal,
}: {
  trend: NonNullable<HomeSummary["serviceLevels"]>["trend"];
  goal: number;
}) {
  const data = trend.map((row) => ({
    month: row.month,
    decision: percent(row.decisionShare),
    delivery: percent(row.deliveryShare),
  }));
  if (data.every((row) => row.decision === null && row.delivery === null)) {
    return (
      <Text size="sm" c="dimmed">
        No decisions or deliveries in the last twelve months yet.
      </Text>
    );
  }
  return (
    <Box component="figure" m={0}>
      <Box aria-hidden="true">
        <LineChart
          h={150}
          data={data}
          dataKey="month"
          series={[
            { name: "decision", label: "Decision", color: "teal.6" },
            { name: "delivery", label: "Delivery", color: "orange.6" },
          ]}
          withLegend
          unit="%"
          yAxisProps={{ domain: [0, 100], width: 44 }}
          xAxisProps={{ tickFormatter: formatMonth }}
          referenceLines={[goalLine(goal)]}
          connectNulls
          withTooltip={false}
          withDots={false}
          curveType="monotone"
          accessibilityLayer={false}
        />
      </Box>
      <figcaption className="visually-hidden">
        Share within target by month, last twelve months (goal {goal}%)
      </figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Decisions within target</th>
            <th scope="col">Deliveries within target</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.month}>
              <td>{row.month}</td>
              <td>{row.decision === null ? "none" : `${row.decision}%`}</td>
              <td>{row.delivery === null ? "none" : `${row.delivery}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
