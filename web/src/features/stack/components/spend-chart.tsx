import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, Stack, Text, Title } from "@mantine/core";
import type { StackCategory, Tool } from "../../../../../contracts/stack";
import { categoryMeta, formatMoney } from "../labels";

interface CategorySpend {
  category: string;
  key: StackCategory;
  amount: number;
  tools: number;
}

/** Annual spend per category, one chart per currency (amounts in different currencies are never added). */
export function spendByCurrency(tools: Tool[]): Map<string, CategorySpend[]> {
  const result = new Map<string, Map<StackCategory, CategorySpend>>();
  for (const tool of tools) {
    if (!tool.annualCost) continue;
    const { currency, amount } = tool.annualCost;
    const byCategory = result.get(currency) ?? new Map<StackCategory, CategorySpend>();
    const row = byCategory.get(tool.category) ?? {
      category: categoryMeta[tool.category].label,
      key: tool.category,
      amount: 0,
      tools: 0,
    };
    row.amount += Number(amount);
    row.tools += 1;
    byCategory.set(tool.category, row);
    result.set(currency, byCategory);
  }
  return new Map(
    [...result.entries()]
      .sort((a, b) => b[1].size - a[1].size)
      .map(([currency, rows]) => [currency, [...rows.values()].sort((a, b) => b.amount - a.amount)]),
  );
}

/** Spend by category as horizontal bars, with the same numbers as a table for screen readers. */
export function SpendChart({ tools }: { tools: Tool[] }) {
  const byCurrency = spendByCurrency(tools);
  if (byCurrency.size === 0) {
    return (
      <Text size="sm" c="dimmed">
        No tool has an annual cost yet.
      </Text>
    );
  }
  return (
    <Stack gap="lg">
      {[...byCurrency.entries()].map(([currency, rows]) => {
        const total = rows.reduce((sum, row) => sum + row.amount, 0);
        const money = (amount: number) => formatMoney({ amount: amount.toFixed(2), currency }, true);
        return (
          <Box key={currency} component="figure" m={0}>
            <Title order={3} size="h5" mb={4}>
              {currency}: {formatMoney({ amount: total.toFixed(2), currency })} a year
            </Title>
            <Box aria-hidden="true">
              <BarChart
                h={Math.max(140, rows.length * 40 + 30)}
                data={rows.map((row) => ({ ...row, color: `${categoryMeta[row.key].color}.6` }))}
                dataKey="category"
                orientation="vertical"
                series={[{ name: "amount", label: "Annual cost", color: "indigo.6" }]}
                withBarValueLabel
                valueFormatter={money}
                withTooltip={false}
                gridAxis="none"
                tickLine="none"
                maxBarWidth={24}
                yAxisProps={{ width: 170 }}
                xAxisProps={{ hide: true }}
                accessibilityLayer={false}
                barChartProps={{ margin: { right: 56 } }}
              />
            </Box>
            <figcaption className="visually-hidden">Annual spend by category in {currency}</figcaption>
            <table className="visually-hidden">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Annual cost</th>
                  <th scope="col">Tools</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <td>{row.category}</td>
                    <td>{money(row.amount)}</td>
                    <td>{row.tools}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        );
      })}
    </Stack>
  );
}
