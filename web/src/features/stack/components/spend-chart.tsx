import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, Stack, Table, Text, Title } from "@mantine/core";
import type { Tool } from "#contracts/stack";
import { formatMoney } from "../../../lib/money";
import { categoryMeta } from "../labels";
import { ownerCosts, spendByCurrency } from "../spend";

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
        const money = (amount: number) => formatMoney(amount, currency, { compact: true });
        return (
          <Box key={currency} component="figure" m={0}>
            <Title order={3} size="h5" mb={4}>
              {currency}: {formatMoney(total, currency)} a year
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

/** Who answers for how much: the annual cost of the tools each person owns, on the business or the technical side. */
export function OwnerCostTable({ tools }: { tools: Tool[] }) {
  const byCurrency = ownerCosts(tools);
  if (byCurrency.size === 0) {
    return (
      <Text size="sm" c="dimmed">
        No owned tool has an annual cost yet.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {[...byCurrency.entries()].map(([currency, rows]) => (
        <Table key={currency} verticalSpacing={6} fz="sm">
          <Table.Caption>Annual cost of owned tools in {currency}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Side</Table.Th>
              <Table.Th scope="col" ta="right">
                Tools
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Annual cost
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.side}-${row.id}`}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.side}</Table.Td>
                <Table.Td ta="right">{row.tools}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.amount, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </Stack>
  );
}
