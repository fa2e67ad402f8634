import { Box, Group, Stack, Text, Title } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import type { Renewal } from "#contracts/stack";
import { formatMoney } from "../../../lib/money";
import { type RenewalMonth, renewalMonths } from "../renewal-months";
import classes from "./renewals-timeline.module.css";

const HEIGHT = 150;
const BAR_AREA = 110;

const monthLabel = (month: string, withYear: boolean) =>
  new Intl.DateTimeFormat(undefined, {
    month: "short",
    ...(withYear ? { year: "2-digit" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));

/** How urgent a month is against today's: this month (or past), the next two, or later. */
function urgency(month: string, today: string): "now" | "soon" | "later" {
  const index = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));
  const ahead = index(month) - index(today);
  return ahead <= 0 ? "now" : ahead <= 2 ? "soon" : "later";
}

function Timeline({ currency, months }: { currency: string; months: RenewalMonth[] }) {
  const today = new Date().toISOString().slice(0, 10);
  const { ref, width: available } = useElementSize();
  const largest = Math.max(...months.map((month) => month.amount), 1);
  const total = months.reduce((sum, month) => sum + month.amount, 0);
  // The months share the width there is, each at least 48 px; more months than fit scroll sideways.
  const step = Math.max(48, (available || 640) / months.length);
  const width = step * months.length;
  const isRoomy = step >= 70;
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  return (
    <Box component="figure" m={0}>
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={3} size="h5">
          {money(total)} at stake{currency ? ` (${currency})` : ""}
        </Title>
        <Group gap="md" className={classes.legend} aria-hidden="true">
          <span data-urgency="now">this month or past</span>
          <span data-urgency="soon">next two months</span>
          <span data-urgency="later">later</span>
        </Group>
      </Group>
      <div className={classes.scroll} ref={ref}>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          className={classes.chart}
          aria-hidden="true"
        >
          {months.map((month, index) => {
            const height = month.amount > 0 ? Math.max(3, (month.amount / largest) * (BAR_AREA - 20)) : 0;
            const x = index * step + step * 0.2;
            const y = BAR_AREA - height;
            const isYearStart = index === 0 || month.month.endsWith("-01");
            return (
              <g key={month.month}>
                <title>
                  {`${monthLabel(month.month, true)}: ${money(month.amount)} — ${month.contracts.map((contract) => contract.name).join(", ") || "nothing"}`}
                </title>
                {height > 0 && (
                  <rect
                    x={x}
                    y={y}
                    width={step * 0.6}
                    height={height}
                    rx={3}
                    className={classes.bar}
                    data-urgency={urgency(month.month, today)}
                  />
                )}
                {month.contracts.length > 0 && (
                  <text x={x + step * 0.3} y={y - 5} textAnchor="middle" className={classes.value}>
                    {month.amount > 0 ? money(month.amount) : `${month.contracts.length}×`}
                  </text>
                )}
                <text x={x + step * 0.3} y={BAR_AREA + 18} textAnchor="middle" className={classes.month}>
                  {monthLabel(month.month, isYearStart)}
                </text>
                {month.contracts.length > 0 && (
                  <text x={x + step * 0.3} y={BAR_AREA + 34} textAnchor="middle" className={classes.count}>
                    {isRoomy
                      ? `${month.contracts.length} ${month.contracts.length === 1 ? "contract" : "contracts"}`
                      : `${month.contracts.length}×`}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={0} x2={width} y1={BAR_AREA} y2={BAR_AREA} className={classes.axis} />
        </svg>
      </div>
      <figcaption className="visually-hidden">
        Money at stake by cancel-by month{currency ? ` in ${currency}` : ""}:{" "}
        {months
          .filter((month) => month.contracts.length > 0)
          .map(
            (month) =>
              `${monthLabel(month.month, true)} ${money(month.amount)} (${month.contracts.map((contract) => contract.name).join(", ")})`,
          )
          .join("; ")}
      </figcaption>
    </Box>
  );
}

/** The renewals as a timeline: money at stake by the month its cancel-by date falls in, the urgent months marked. */
export function RenewalsTimeline({ renewals }: { renewals: readonly Renewal[] }) {
  const byCurrency = renewalMonths(renewals);
  if (byCurrency.size === 0) return null;
  return (
    <Stack gap="md">
      {[...byCurrency.entries()].map(([currency, months]) => (
        <Timeline key={currency || "none"} currency={currency} months={months} />
      ))}
      {[...byCurrency.values()].some((months) => months.some((month) => month.unpriced > 0)) && (
        <Text size="xs" c="dimmed">
          Contracts without an annual cost are counted in their month but add nothing to the money at stake.
        </Text>
      )}
    </Stack>
  );
}
