import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Alert, Badge, Box, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { RunModel } from "../../../contracts/value";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { Figure } from "../features/value/components/figure";
import { ScrollRegion } from "../features/value/components/scroll-region";
import { ValueNav } from "../features/value/components/value-nav";
import { useRun, useWhichHalf } from "../features/value/hooks/use-value";
import {
  chartAmount,
  formatAmount,
  formatRoas,
  formatShare,
  isPositiveAmount,
  modelMeta,
} from "../features/value/labels";

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
  const money = (amount: string | number) => formatAmount(amount, data.currency);
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
              Not included: {data.otherCurrencySpend.map((o) => formatAmount(o.amount, o.currency)).join(", ")}
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
          <ScrollRegion label="Channels ranked by return on spend (scrolls sideways)">
            <Table verticalSpacing="sm" aria-label="Channels ranked by return on spend">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" pl="md">
                    Rank
                  </Table.Th>
                  <Table.Th scope="col">Channel</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Spend
                  </Table.Th>
                  <Table.Th scope="col">Verdict</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Cost per conversion
                  </Table.Th>
                  {data.channels[0]?.models.map((m) => (
                    <Table.Th key={m.model} scope="col" ta="right" fw={m.model === data.model ? 700 : 500}>
                      {modelMeta[m.model].label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paid.map((c) => {
                  const main = chosen(c);
                  return (
                    <Table.Tr key={c.channel} bg={c.inLeastHalf ? "var(--mantine-color-orange-light)" : undefined}>
                      <Table.Td pl="md">{c.rank ?? "—"}</Table.Td>
                      <Table.Th scope="row" fw={600}>
                        {c.channel}
                      </Table.Th>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {money(c.spend)}
                        <Text size="xs" c="dimmed">
                          {formatShare(c.spendShare)} of spend
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ minWidth: 210 }}>
                        <Badge color={agreementMeta[c.agreement].color} variant="light" tt="none" maw="none">
                          {agreementMeta[c.agreement].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {main?.costPerConversion == null ? "no conversions" : money(main.costPerConversion)}
                      </Table.Td>
                      {c.models.map((m) => (
                        <Table.Td key={m.model} ta="right" fw={m.model === data.model ? 700 : undefined}>
                          {formatRoas(m.roas)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
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
                  <Group key={c.channel} justify="space-between">
                    <Text size="sm">{c.channel}</Text>
                    <Text size="sm" fw={600}>
                      {money(c.spend)}
                    </Text>
                  </Group>
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
                  <Group key={c.channel} justify="space-between">
                    <Text size="sm">{c.channel}</Text>
                    <Text size="sm" fw={600}>
                      {money(c.value)}
                    </Text>
                  </Group>
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
              <ScrollRegion label="Initiative value (scrolls sideways)">
                <Table verticalSpacing={4} aria-label="Initiative value">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Initiative</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Spent / planned
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Attributed
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Expected / reviewed
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.initiatives.map((i) => (
                      <Table.Tr key={i.initiative}>
                        <Table.Td>
                          {i.initiative}
                          {i.request && (
                            <Text size="xs" c="dimmed">
                              Pipeline request #{i.request.number}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          {money(i.actual)}
                          <Text size="xs" c="dimmed">
                            of {money(i.planned)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          {i.attributedValue === null ? "not tracked" : money(i.attributedValue)}
                          <Text size="xs" c="dimmed">
                            {formatRoas(i.roas)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          {i.request?.expectedBenefit == null
                            ? "—"
                            : formatAmount(i.request.expectedBenefit, i.request.currency)}
                          <Text size="xs" c="dimmed">
                            {i.request?.realisedBenefit == null
                              ? "no review yet"
                              : `${formatAmount(i.request.realisedBenefit, i.request.currency)} reviewed`}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </Card>
        </SimpleGrid>
      </Stack>
    </>
  );
}
