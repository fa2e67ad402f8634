import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconFileImport, IconPlus, IconReportMoney, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { SpendLine } from "#contracts/value";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { ClearFiltersButton, ListSection, pagesOf } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import type { SpendFilters } from "../features/value/api";
import { Figure } from "../features/value/components/figure";
import { ImportDialog } from "../features/value/components/import-dialog";
import { PlanActualBars } from "../features/value/components/plan-actual-bars";
import { SpendFormDialog } from "../features/value/components/spend-form";
import { ValueNav } from "../features/value/components/value-nav";
import { useSpend, useSpendSummary } from "../features/value/hooks/use-value";
import { chartAmount } from "../features/value/labels";
import { useCanKeepLedger } from "../features/value/permissions";
import { formatMonth } from "../lib/format";
import { formatMoney } from "../lib/money";

const spendColumns: DataColumn<SpendLine>[] = [
  { key: "date", header: "Date", isNowrap: true, cell: (line) => line.date },
  { key: "channel", header: "Channel", cell: (line) => line.channel },
  { key: "campaign", header: "Campaign", priority: 2, cell: (line) => line.campaign || "—" },
  { key: "initiative", header: "Initiative", priority: 4, cell: (line) => line.initiative || "—" },
  {
    key: "kind",
    header: "Kind",
    priority: 3,
    cell: (line) => (
      <Badge variant={line.kind === "actual" ? "light" : "outline"} color={line.kind === "actual" ? "indigo" : "gray"}>
        {line.kind}
      </Badge>
    ),
  },
  {
    key: "amount",
    header: "Amount",
    align: "right",
    isNowrap: true,
    cell: (line) => formatMoney(line.amount.amount, line.amount.currency, { cents: true }),
  },
];

/** The spend ledger: plan against actual by month, and every spend line. */
export function ValueLedgerPage() {
  const canWrite = useCanKeepLedger();
  const [dialog, setDialog] = useState<"import" | "create" | null>(null);
  const [filters, setFilters] = useState<SpendFilters>({});
  const summary = useSpendSummary();
  const spend = useSpend(filters);
  const items = spend.data?.pages.flatMap((page) => page.items) ?? [];
  const currency = summary.data?.currency ?? "EUR";
  return (
    <>
      <PageHeader
        title="Value"
        description="What marketing and IT spend, what it bought, and which half of it works."
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setDialog("create")}
              >
                Add spend line
              </Button>
              <Button leftSection={<IconFileImport size={16} aria-hidden="true" />} onClick={() => setDialog("import")}>
                Import spend
              </Button>
            </>
          )
        }
      />
      <ValueNav />
      <ListSection
        query={summary}
        loadingLabel="Loading the ledger…"
        isEmpty={summary.data?.totals.lines === 0}
        withCard={false}
        empty={{
          icon: IconReportMoney,
          title: "No spend recorded yet",
          description:
            "Import spend by date, channel and campaign from your finance or ad platforms, or add lines by hand.",
          action: canWrite && (
            <Button size="xs" onClick={() => setDialog("import")}>
              Import spend
            </Button>
          ),
        }}
      >
        {summary.data && (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure label="Actual spend" value={formatMoney(summary.data.totals.actual, currency)} />
              <Figure
                label="Planned to date"
                value={formatMoney(summary.data.totals.plannedToDate, currency)}
                hint={`${formatMoney(summary.data.totals.planned, currency)} including the months ahead`}
              />
              <Figure
                label="Actual against plan to date"
                value={
                  summary.data.totals.actualShareOfPlan === null
                    ? "—"
                    : `${Math.round(100 * summary.data.totals.actualShareOfPlan)}%`
                }
              />
            </SimpleGrid>
            <Card>
              <Title order={2} size="h4" mb={4}>
                Plan against actual by month
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                In {currency}
                {summary.data.otherCurrencies.length > 0
                  ? `; lines in ${summary.data.otherCurrencies.join(", ")} are not included`
                  : ""}
                .
              </Text>
              <Box aria-hidden="true">
                <BarChart
                  accessibilityLayer={false}
                  h={260}
                  data={summary.data.months.map((month) => ({
                    month: month.month,
                    planned: chartAmount(month.planned),
                    actual: chartAmount(month.actual),
                  }))}
                  dataKey="month"
                  series={[
                    { name: "planned", label: "Planned", color: "gray.5" },
                    { name: "actual", label: "Actual", color: "indigo.6" },
                  ]}
                  valueFormatter={(value) => formatMoney(value, currency)}
                  yAxisProps={{ tickFormatter: (value: number) => formatMoney(value, currency, { compact: true }) }}
                  xAxisProps={{ tickFormatter: formatMonth }}
                  withLegend
                  tickLine="none"
                />
              </Box>
              <table className="visually-hidden">
                <caption>Plan against actual by month in {currency}</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Planned</th>
                    <th scope="col">Actual</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.data.months.map((month) => (
                    <tr key={month.month}>
                      <td>{month.month}</td>
                      <td>{formatMoney(month.planned, currency)}</td>
                      <td>{formatMoney(month.actual, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Card>
                <Title order={2} size="h4" mb="md">
                  Plan against actual by channel
                </Title>
                <PlanActualBars
                  rows={summary.data.channels.map((c) => ({ name: c.channel, planned: c.planned, actual: c.actual }))}
                  currency={currency}
                />
              </Card>
              <Card>
                <Title order={2} size="h4" mb={4}>
                  Initiatives
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  Spend tagged to a project or programme; its realised value is on each run's which-half view.
                </Text>
                {summary.data.initiatives.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No spend is tagged to an initiative yet.
                  </Text>
                ) : (
                  <PlanActualBars
                    rows={summary.data.initiatives.map((i) => ({
                      name: i.initiative,
                      planned: i.planned,
                      actual: i.actual,
                    }))}
                    currency={currency}
                  />
                )}
              </Card>
            </SimpleGrid>
            <ListSection
              filters={
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4">
                    Spend lines
                  </Title>
                  <Group gap="sm">
                    <TextInput
                      aria-label="Search campaigns, channels and initiatives"
                      placeholder="Search"
                      size="xs"
                      value={filters.q ?? ""}
                      onChange={(event) => setFilters({ ...filters, q: event.currentTarget.value || undefined })}
                    />
                    <SegmentedControl
                      size="xs"
                      aria-label="Kind"
                      value={filters.kind ?? "all"}
                      onChange={(value) =>
                        setFilters({ ...filters, kind: value === "all" ? undefined : (value as "actual") })
                      }
                      data={[
                        { value: "all", label: "All" },
                        { value: "actual", label: "Actual" },
                        { value: "planned", label: "Planned" },
                      ]}
                    />
                  </Group>
                </Group>
              }
              query={spend}
              loadingLabel="Loading spend lines…"
              isEmpty={items.length === 0}
              empty={{
                icon: IconSearch,
                title: "No spend line matches",
                description: "Try another search, or show every kind.",
                action: <ClearFiltersButton onClick={() => setFilters({})} />,
              }}
              pagination={pagesOf(spend, "lines", { one: "line", count: items.length })}
            >
              <DataTable
                label="Spend lines"
                rows={items}
                columns={spendColumns}
                rowKey={(line) => line.id}
                rowName={(line) => `${line.channel} on ${line.date}`}
                verticalSpacing="xs"
              />
            </ListSection>
          </Stack>
        )}
      </ListSection>
      {canWrite && (
        <>
          <ImportDialog kind="spend" opened={dialog === "import"} onClose={() => setDialog(null)} />
          <SpendFormDialog opened={dialog === "create"} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
