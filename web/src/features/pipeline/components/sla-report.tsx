import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Box, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { SlaReport } from "#contracts/pipeline";
import { formatMonth } from "../../../lib/format";
import { formatShare, priorityMeta } from "../labels";

/** The workspace's goal for the share within target, drawn across a chart. */
export const goalLine = (goal: number) => ({
  y: goal,
  label: `Goal ${goal}%`,
  color: "gray.6",
  strokeDasharray: "4 4",
});

const STAGES = [
  { key: "firstResponse", label: "First response", color: "indigo.6" },
  { key: "decision", label: "Decision", color: "teal.6" },
  { key: "delivery", label: "Delivery", color: "orange.6" },
] as const;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

/** The headline: share within target per stage, time to decision, and what is open now. */
export function SlaFigures({ report }: { report: SlaReport }) {
  const hours = (value: number | null) => (value === null ? "—" : `${Math.round(value * 10) / 10} h`);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
        {STAGES.map((stage) => {
          const share = report.overall[stage.key];
          return (
            <Figure
              key={stage.key}
              label={`${stage.label} within target`}
              value={formatShare(share.share)}
              detail={`${share.met} of ${share.total} requests`}
            />
          );
        })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="lg">
        <Figure
          label="Median time to decision"
          value={hours(report.timeToDecision.median)}
          detail={`business hours · ${report.timeToDecision.count} decided`}
        />
        <Figure label="p90 time to decision" value={hours(report.timeToDecision.p90)} detail="business hours" />
        <Figure label="Open requests" value={report.open.total} />
        <Figure label="Breached now" value={report.open.breached} />
        <Figure label="Waiting on requester" value={report.open.waitingOnRequester} />
      </SimpleGrid>
    </Stack>
  );
}

/** Share within target per priority class and stage, as grouped bars and as a table. */
export function SlaByClassChart({ report }: { report: SlaReport }) {
  const data = report.byClass.map((row) => ({
    priority: priorityMeta[row.priority].label,
    firstResponse: percent(row.firstResponse.share),
    decision: percent(row.decision.share),
    delivery: percent(row.delivery.share),
    counts: row,
  }));
  return (
    <Card>
      <Box component="figure" m={0}>
        <Title order={2} size="h4" mb="sm">
          Within target by class and stage
        </Title>
        <Box aria-hidden="true">
          <BarChart
            h={260}
            data={data}
            dataKey="priority"
            series={STAGES.map((stage) => ({ name: stage.key, label: stage.label, color: stage.color }))}
            withLegend
            yAxisProps={{ domain: [0, 100] }}
            referenceLines={[goalLine(report.goal)]}
            valueFormatter={(value) => `${value}%`}
            withTooltip={false}
            withBarValueLabel
            accessibilityLayer={false}
          />
        </Box>
        <figcaption className="visually-hidden">
          Share of requests within target, per class and stage (goal {report.goal}%)
        </figcaption>
        <table className="visually-hidden">
          <thead>
            <tr>
              <th scope="col">Class</th>
              {STAGES.map((stage) => (
                <th scope="col" key={stage.key}>
                  {stage.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.byClass.map((row) => (
              <tr key={row.priority}>
                <th scope="row">{priorityMeta[row.priority].label}</th>
                {STAGES.map((stage) => (
                  <td key={stage.key}>
                    {formatShare(row[stage.key].share)} ({row[stage.key].met} of {row[stage.key].total})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Card>
  );
}

/** The monthly trend of the within-target shares. */
export function SlaTrendChart({ report }: { report: SlaReport }) {
  const data = report.trend.map((row) => ({
    month: row.month,
    firstResponse: percent(row.firstResponseShare),
    decision: percent(row.decisionShare),
    delivery: percent(row.deliveryShare),
  }));
  return (
    <Card>
      <Box component="figure" m={0}>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Trend by month
          </Title>
        </Group>
        {data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No requests were submitted in this period.
          </Text>
        ) : (
          <Box aria-hidden="true">
            <LineChart
              h={260}
              data={data}
              dataKey="month"
              series={STAGES.map((stage) => ({ name: stage.key, label: stage.label, color: stage.color }))}
              withLegend
              unit="%"
              yAxisProps={{ domain: [0, 100] }}
              xAxisProps={{ tickFormatter: formatMonth }}
              referenceLines={[goalLine(report.goal)]}
              connectNulls
              withTooltip={false}
              curveType="monotone"
              accessibilityLayer={false}
            />
          </Box>
        )}
        <figcaption className="visually-hidden">Share within target by month (goal {report.goal}%)</figcaption>
        <table className="visually-hidden">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Submitted</th>
              {STAGES.map((stage) => (
                <th scope="col" key={stage.key}>
                  {stage.label}
                </th>
              ))}
              <th scope="col">Median hours to decision</th>
            </tr>
          </thead>
          <tbody>
            {report.trend.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td>{row.submitted}</td>
                <td>{formatShare(row.firstResponseShare)}</td>
                <td>{formatShare(row.decisionShare)}</td>
                <td>{formatShare(row.deliveryShare)}</td>
                <td>{row.medianDecisionHours ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Card>
  );
}
