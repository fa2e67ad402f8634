import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Alert, Badge, Box, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { RunModel } from "#contracts/value";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { Fact } from "../components/ui/fact";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { Figure } from "../features/value/components/figure";
import { ValueNav } from "../features/value/components/value-nav";
import { useRun, useWhichHalf } from "../features/value/hooks/use-value";
import { chartAmount, formatRoas, formatShare, isPositiveAmount, modelMeta } from "../features/value/labels";
import { formatMoney } from "../lib/money";

const route = getRouteApi("/app/value/runs/$id/which-half");

const agreementMeta = {
  all: { label: "Least half in every model", color: "red" },
  some: { label: "Models disagree", color: "yellow" },
  none: { label: "Best half in every model", color: "teal" },
} as const;

/** Which half of the spend works: channels ranked by attributed return per unit of spend. */
export function ValueWhichHalfPage() {
  const { id } = route.useParams();
  const run = useRun(id);
  const [model, setModel] = useState<RunModel | undefined>(undefined);
  const view = useWhichHalf(id, model);
  if (view.isPending || run.isPending) return <PageLoader label="Weighing the spend…" />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  if (run.isError) return <ErrorState error={run.error} onRetry={() => run.refetch()} />;
  const data = view.data;
  const paid = data.channels.filter((c) => isPositiveAmount(c.spend));
  const chosen = (c: (typeof data.channels)[number]) => c.models.find((m) => m.model === data.model);
  const money = (amount: string | number) => formatMoney(amount, data.currency);
  // An amount in another currency than the run's says its code.
  const moneyOf = (amount: string, currency: string) =>
    formatMoney(amount, currency, { withCode: currency !== data.currency });
  const initiativeColumns: DataColumn<(typeof data.initiatives)[number]>[] = [
    {
      key: "initiative",
      header: "Initiative",
      cell: (i) => (
        <>
          {i.initiative}
          {i.request && (
            <Text size="xs" c="dimmed">
              Pipeline request #{i.request.number}
            </Text>
          )}
        </>
      ),
    },
    {
      key: "spent",
      header: "Spent / planned",
      align: "right",
      isNowrap: true,
      cell: (i) => (
        <>
          {money(i.actual)}
          <Text size="xs" c="dimmed">
            of {money(i.planned)}
          </Text>
        </>
      ),
    },
    {
      key: "attributed",
      header: "Attributed",
      align: "right",
      isNowrap: true,
      priority: 2,
      cell: (i) => (
        <>
          {i.attributedValue === null ? "not tracked" : money(i.attributedValue)}
          <Text size="xs" c="dimmed">
            {formatRoas(i.roas)}
          </Text>
        </>
      ),
    },
    {
      key: "expected",
      header: "Expected / reviewed",
      align: "right",
      isNowrap: true,
      priority: 3,
      cell: (i) => (
        <>
          {i.request?.expectedBenefit == null ? "—" : moneyOf(i.request.expectedBenefit, i.request.currency)}
          <Text size="xs" c="dimmed">
            {i.request?.realisedBenefit == null
              ? "no review yet"
              : `${moneyOf(i.request.realisedBenefit, i.request.currency)} reviewed`}
          </Text>
        </>
      ),
    },
  ];
  const channelColumns: DataColumn<(typeof data.channels)[number]>[] = [
    {
      key: "channel",
      header: "Channel",
      isRowHeader: true,
      cell: (c) => (
        <>
          <Text size="sm" fw={600} component="span">
            {c.channel}
          </Text>
          {c.inLeastHalf && (
            <Text size="xs" c="dimmed">
              In the least-returning half
            </Text>
          )}
        </>
      ),
    },
    { key: "rank", header: "Rank", priority: 2, cell: (c) => c.rank ?? "—" },
    {
      key: "spend",
      header: "Spend",
      align: "right",
      isNowrap: true,
      cell: (c) => (
        <>
          {money(c.spend)}
          <Text size="xs" c="dimmed">
            {formatShare(c.spendShare)} of spend
          </Text>
        </>
      ),
    },
    {
      key: "verdict",
      header: "Verdict",
      priority: 2,
      minWidth: 210,
      cell: (c) => (
        <Badge color={agreementMeta[c.agreement].color} variant="light" tt="none" maw="none">
          {agreementMeta[c.agreement].label}
        </Badge>
      ),
    },
    {
      key: "cost",
      header: "Cost per conversion",
      priority: 3,
      align: "right",
      isNowrap: true,
      cell: (c) => {
        const main = chosen(c);
        return main?.costPerConversion == null ? "no conversions" : money(main.costPerConversion);
      },
    },
    ...(data.channels[0]?.models ?? []).map(
      (m, index): DataColumn<(typeof data.channels)[number]> => ({
        key: m.model,
        header: modelMeta[m.model].label,
        priority: m.model === data.model ? 1 : 4,
        align: "right",
        cell: (c) => (
          <Text size="sm" component="span" fw={m.model === data.model ? 700 : undefined}>
            {formatRoas(c.models[index]?.roas ?? null)}
          </Text>
        ),
      }),
    ),
  ];
  return (
    <>
      <PageHeader
        title="Which half works"
        description={
          <>
            Spend of {data.run.periodStart} to {data.run.periodEnd} against the return{" "}
            <AnchorLink to="/value/runs/$id" params={{ id }} underline="always">
              {data.run.name}
            </AnchorLink>{" "}
            attributed to each channel.
          </>
        }
      />
      <ValueNav />
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            aria-label="Rank by model"
            value={data.model}
            onChange={(value) => setModel(value as RunModel)}
            data={run.data.models.map((m) => ({ value: m, label: modelMeta[m].label }))}
          />
          {data.otherCurrencySpend.length > 0 && (
            <Text size="xs" c="dimmed">
              Not included: {data.otherCurrencySpend.map((o) => moneyOf(o.amount, o.currency)).join(", ")}
            </Text>
          )}
        </Group>
        <Alert
          color="orange"
          variant="light"
          icon={<IconScale aria-hidden="true" />}
          title="The half that returns the least"
        >
          {data.headline}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label="Spend in the period" value={money(data.totalSpend)} />
          <Figure
            label="Least-returning half"
            value={formatRoas(data.leastHalf.roas)}
            hint={`${money(data.leastHalf.spend)} on ${data.leastHalf.channels.join(", ") || "—"}`}
          />
          <Figure label="The other half" value={formatRoas(data.bestHalf.roas)} hint={money(data.bestHalf.spend)} />
        </SimpleGrid>
        <Card>
          <Title order={2} size="h4" mb={4}>
            Return on spend by channel
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Attributed value per {data.currency} spent under {modelMeta[data.model].label}; orange bars make up the
            least-returning half of spend.
          </Text>
          <Box aria-hidden="true">
            <BarChart
              accessibilityLayer={false}
              h={Math.max(180, paid.length * 40 + 30)}
              data={paid.map((c) => ({
                channel: c.channel,
                roas: chosen(c)?.roas ?? 0,
                color: c.inLeastHalf ? "orange.6" : "teal.6",
              }))}
              dataKey="channel"
              orientation="vertical"
              series={[{ name: "roas", label: "Return on spend", color: "teal.6" }]}
              valueFormatter={(value) => formatRoas(value)}
              withBarValueLabel
              withTooltip={false}
              gridAxis="none"
              tickLine="none"
              yAxisProps={{ width: 140 }}
              xAxisProps={{ hide: true }}
              barChartProps={{ margin: { right: 56 } }}
            />
          </Box>
        </Card>
        <Card>
          <Title order={2} size="h4" mb="md">
            Spend against attributed value
          </Title>
          <Box aria-hidden="true">
            <BarChart
              accessibilityLayer={false}
              h={280}
              data={paid.map((c) => ({
                channel: c.channel,
                spend: chartAmount(c.spend),
                value: chartAmount(chosen(c)?.value ?? "0"),
              }))}
              dataKey="channel"
              series={[
                { name: "spend", label: "Spend", color: "gray.5" },
                { name: "value", label: "Attributed value", color: "indigo.6" },
              ]}
              valueFormatter={money}
              yAxisProps={{ tickFormatter: (value: number) => formatMoney(value, data.currency, { compact: true }) }}
              withLegend
              tickLine="none"
            />
          </Box>
        </Card>
        <Card p={0}>
          <Title order={2} size="h4" p="md">
            Channels ranked, with every model
          </Title>
          <Text size="sm" c="dimmed" px="md" mt={-8} mb="sm">
            Return on spend under each model; cost per conversion under {modelMeta[data.model].label}.
          </Text>
          <DataTable
            label="Channels ranked by return on spend"
            rows={paid}
            rowKey={(c) => c.channel}
            rowName={(c) => c.channel}
            columns={channelColumns}
          />
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card>
            <Title order={2} size="h4" mb="sm">
              Spend no journey can account for
            </Title>
            {data.untrackedSpend.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every channel with spend appears in the run's journeys.
              </Text>
            ) : (
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  These channels never appear in the journeys, so no model can credit them; track them, or judge them
                  another way.
                </Text>
                {data.untrackedSpend.map((c) => (
                  <Fact key={c.channel} label={c.channel}>
                    {money(c.spend)}
                  </Fact>
                ))}
              </Stack>
            )}
            <Title order={3} size="h5" mt="md" mb="xs">
              Channels that earn without spend
            </Title>
            {data.unpaidChannels.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every channel with credit has spend.
              </Text>
            ) : (
              <Stack gap={4}>
                {data.unpaidChannels.map((c) => (
                  <Fact key={c.channel} label={c.channel}>
                    {money(c.value)}
                  </Fact>
                ))}
              </Stack>
            )}
          </Card>
          <Card>
            <Title order={2} size="h4" mb={4}>
              Initiatives
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Spend tagged to an initiative earns its share of each channel's attributed value; a tag that names a
              Pipeline request (its title, or #number) shows the request's expected benefit and value review.
            </Text>
            {data.initiatives.length === 0 ? (
              <Text size="sm" c="dimmed">
                No spend in the period is tagged to an initiative.
              </Text>
            ) : (
              <DataTable
                label="Initiative value"
                rows={data.initiatives}
                rowKey={(i) => i.initiative}
                rowName={(i) => i.initiative}
                columns={initiativeColumns}
                verticalSpacing={4}
                isFlush
              />
            )}
          </Card>
        </SimpleGrid>
      </Stack>
    </>
  );
}
