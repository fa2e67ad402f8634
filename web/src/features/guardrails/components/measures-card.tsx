import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { GuardrailMeasures } from "#contracts/guardrails";
import { formatMoney } from "../../../lib/money";

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

/** One amount as a bar against the larger of the two, with the amount in words beside it. */
function SpendBar(props: { label: string; amount: number; max: number; currency: string; color: string }) {
  const { label, amount, max, currency, color } = props;
  return (
    <div>
      <Group justify="space-between" gap="xs" mb={2}>
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {formatMoney(amount, currency)}
        </Text>
      </Group>
      <Progress
        value={(amount / max) * 100}
        color={color}
        size="lg"
        aria-label={`${label}: ${formatMoney(amount, currency)}`}
      />
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
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {data.map((row) => {
            const max = Math.max(row.tandem, row.expenses, 1);
            return (
              <Stack key={row.currency} gap={6} component="li">
                {data.length > 1 && (
                  <Text size="sm" fw={600}>
                    {row.currency}
                  </Text>
                )}
                <SpendBar label="Through Tandem" amount={row.tandem} max={max} currency={row.currency} color="indigo" />
                <SpendBar
                  label="Found in expenses"
                  amount={row.expenses}
                  max={max}
                  currency={row.currency}
                  color="orange"
                />
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
