import { BarChart } from "@mantine/charts";
import { Box, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { GuardrailMeasures } from "../../../../../contracts/guardrails";
import { formatMoney } from "../labels";

function Figure({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {help}
      </Text>
    </div>
  );
}

/** Hours as people say them: minutes under an hour, hours under two days, then days. */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** The Guardrails' measures: decided at once, time to a decision, and software spend seen vs found in expenses. */
export function MeasuresCard({ measures }: { measures: GuardrailMeasures }) {
  const currencies = [
    ...new Set([...measures.spendThroughTandem, ...measures.spendFoundInExpenses].map((entry) => entry.currency)),
  ].sort();
  const amountOf = (list: GuardrailMeasures["spendThroughTandem"], currency: string) =>
    Number(list.find((entry) => entry.currency === currency)?.yearly ?? 0);
  const data = currencies.map((currency) => ({
    currency,
    tandem: amountOf(measures.spendThroughTandem, currency),
    expenses: amountOf(measures.spendFoundInExpenses, currency),
  }));
  const percent = measures.decidedAtOncePercent;
  return (
    <Card component="section" aria-labelledby="measures-heading">
      <Title order={2} size="h4" id="measures-heading">
        How the guardrails work
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Purchase requests submitted from {measures.from} to {measures.to}.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} mb="md">
        <Figure
          label="Decided at once"
          value={percent === null ? "—" : `${Math.round(percent)}%`}
          help={`of ${measures.judged} judged by the policy`}
        />
        <Figure
          label="Median time to a decision"
          value={formatHours(measures.medianHoursToDecision)}
          help="from request to approval or no"
        />
        <Figure label="Purchase requests" value={String(measures.purchases)} help="in the period" />
      </SimpleGrid>
      <Title order={3} size="h5" mb={4}>
        Software spend a year: through Tandem vs found in expenses
      </Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No approved purchase and no shadow IT found in expenses yet.
        </Text>
      ) : (
        <Box component="figure" m={0}>
          <Box aria-hidden="true">
            <BarChart
              h={Math.max(120, data.length * 70 + 40)}
              data={data}
              dataKey="currency"
              orientation="vertical"
              series={[
                { name: "tandem", label: "Through Tandem", color: "indigo.6" },
                { name: "expenses", label: "Found in expenses", color: "orange.6" },
              ]}
              withLegend
              withBarValueLabel
              valueFormatter={(value) => new Intl.NumberFormat(undefined, { notation: "compact" }).format(value)}
              withTooltip={false}
              gridAxis="none"
              tickLine="none"
              maxBarWidth={22}
              yAxisProps={{ width: 48 }}
              xAxisProps={{ hide: true }}
              accessibilityLayer={false}
            />
          </Box>
          <Stack gap={2} mt="xs" component="figcaption">
            {data.map((row) => (
              <Text key={row.currency} size="sm">
                {formatMoney(row.tandem, row.currency)} through Tandem · {formatMoney(row.expenses, row.currency)} found
                in expenses
              </Text>
            ))}
          </Stack>
        </Box>
      )}
    </Card>
  );
}
