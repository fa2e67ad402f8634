import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { AttributionRun } from "#contracts/value";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatMoney } from "../../../lib/money";
import { chartAmount, formatConversions, formatShare, modelMeta } from "../labels";

type Measure = "value" | "conversions";

/** Every channel's credit under each model, as a grouped bar chart and the same numbers as a table. */
export function ModelComparison({ run }: { run: AttributionRun }) {
  const [measure, setMeasure] = useState<Measure>("value");
  const channels = [...new Set(run.results.flatMap((result) => result.channels.map((c) => c.channel)))].sort();
  const creditOf = (model: string, channel: string) =>
    run.results.find((r) => r.model === model)?.channels.find((c) => c.channel === channel);
  // Shares are drawn and printed as percentages: the chart's numbers, converted here.
  const credit = (model: string, channel: string) => {
    const c = creditOf(model, channel);
    return c ? (measure === "value" ? chartAmount(c.value) : c.conversions) : 0;
  };
  const totalOf = (model: string) => {
    const totals = run.results.find((r) => r.model === model)?.totals;
    return totals ? (measure === "value" ? chartAmount(totals.value) : totals.conversions) : 0;
  };
  const data = channels.map((channel) => ({
    channel,
    ...Object.fromEntries(
      run.results.map((result) => [
        result.model,
        totalOf(result.model) > 0 ? credit(result.model, channel) / totalOf(result.model) : 0,
      ]),
    ),
  }));
  return (
    <Stack gap="md">
      <SegmentedControl
        w="fit-content"
        aria-label="Measure"
        value={measure}
        onChange={(value) => setMeasure(value as Measure)}
        data={[
          { value: "value", label: "Share of value" },
          { value: "conversions", label: "Share of conversions" },
        ]}
      />
      <Box aria-hidden="true">
        <BarChart
          accessibilityLayer={false}
          h={Math.max(260, channels.length * 28)}
          data={data}
          dataKey="channel"
          series={run.results.map((result) => ({
            name: result.model,
            label: modelMeta[result.model].label,
            color: modelMeta[result.model].color,
          }))}
          valueFormatter={(value) => formatShare(value)}
          withLegend
          tickLine="none"
        />
      </Box>
      {/* Every model stays in view (priority 1): the table compares them; narrow screens scroll, the channel stays. */}
      <DataTable
        label={`Credit per channel and model (${measure})`}
        rows={channels}
        rowKey={(channel) => channel}
        rowName={(channel) => channel}
        verticalSpacing="xs"
        isFlush
        columns={[
          {
            key: "channel",
            header: "Channel",
            isRowHeader: true,
            cell: (channel) => (
              <Text size="sm" fw={500} component="span">
                {channel}
              </Text>
            ),
          },
          ...run.results.map(
            (result): DataColumn<string> => ({
              key: result.model,
              header: modelMeta[result.model].label,
              align: "right",
              isNowrap: true,
              cell: (channel) => {
                const amount = credit(result.model, channel);
                return (
                  <>
                    {measure === "value"
                      ? formatMoney(creditOf(result.model, channel)?.value ?? "0", run.currency)
                      : formatConversions(amount)}
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {totalOf(result.model) > 0 ? formatShare(amount / totalOf(result.model)) : ""}
                    </Text>
                  </>
                );
              },
            }),
          ),
        ]}
      />
    </Stack>
  );
}

/** Markov removal effects: the share of conversions lost if a channel disappeared. */
export function RemovalEffects({ run }: { run: AttributionRun }) {
  const markov = run.results.find((result) => result.model === "markov");
  if (!markov) return null;
  const rows = [...markov.channels].sort((a, b) => (b.removalEffect ?? 0) - (a.removalEffect ?? 0));
  return (
    <DataTable
      label="Markov removal effects"
      rows={rows}
      rowKey={(row) => row.channel}
      rowName={(row) => row.channel}
      verticalSpacing={4}
      isFlush
      columns={[
        { key: "channel", header: "Channel", cell: (row) => row.channel },
        {
          key: "lost",
          header: "Conversions lost without it",
          align: "right",
          cell: (row) => formatShare(row.removalEffect ?? 0),
        },
      ]}
    />
  );
}
