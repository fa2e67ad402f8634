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
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconFileImport, IconPlus, IconReportMoney } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { LoadMore } from "../components/ui/load-more";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import type { SpendFilters } from "../features/value/api";
import { Figure } from "../features/value/components/figure";
import { ImportDialog } from "../features/value/components/import-dialog";
import { PlanActualBars } from "../features/value/components/plan-actual-bars";
import { ScrollRegion } from "../features/value/components/scroll-region";
import { SpendFormDialog } from "../features/value/components/spend-form";
import { ValueNav } from "../features/value/components/value-nav";
import { useSpend, useSpendSummary } from "../features/value/hooks/use-value";
import { chartAmount } from "../features/value/labels";
import { useCanKeepLedger } from "../features/value/permissions";
import { formatMoney } from "../lib/money";

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
      {summary.isPending ? (
        <PageLoader label="Loading the ledger…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : summary.data.totals.lines === 0 ? (
        <Card>
          <EmptyState
            icon={IconReportMoney}
            title="No spend recorded yet"
            description="Import spend by date, channel and campaign from your finance or ad platforms, or add lines by hand."
            action={
              canWrite && (
                <Button size="xs" onClick={() => setDialog("import")}>
                  Import spend
                </Button>
              )
            }
          />
        </Card>
      ) : (
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
          <Card p={0}>
            <Group p="md" justify="space-between" wrap="wrap">
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
            {spend.isError ? (
              <Stack p="md">
                <ErrorState error={spend.error} onRetry={() => spend.refetch()} />
              </Stack>
            ) : (
              <ScrollRegion label="Spend lines (scrolls sideways)">
                <Table verticalSpacing="xs" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" pl="md">
                        Date
                      </Table.Th>
                      <Table.Th scope="col">Channel</Table.Th>
                      <Table.Th scope="col">Campaign</Table.Th>
                      <Table.Th scope="col" visibleFrom="md">
                        Initiative
                      </Table.Th>
                      <Table.Th scope="col">Kind</Table.Th>
                      <Table.Th scope="col" ta="right" pr="md">
                        Amount
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((line) => (
                      <Table.Tr key={line.id}>
                        <Table.Td pl="md">{line.date}</Table.Td>
                        <Table.Td>{line.channel}</Table.Td>
                        <Table.Td>{line.campaign || "—"}</Table.Td>
                        <Table.Td visibleFrom="md">{line.initiative || "—"}</Table.Td>
                        <Table.Td>
                          <Badge
                            variant={line.kind === "actual" ? "light" : "outline"}
                            color={line.kind === "actual" ? "indigo" : "gray"}
                          >
                            {line.kind}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right" pr="md">
                          {formatMoney(line.amount.amount, line.amount.currency, { cents: true })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
            <Stack pb="md" gap={0}>
              <LoadMore
                hasMore={spend.hasNextPage}
                isLoading={spend.isFetchingNextPage}
                onLoadMore={() => spend.fetchNextPage()}
                noun="spend lines"
              />
              <Text size="xs" c="dimmed" ta="center" aria-live="polite">
                {items.length} {items.length === 1 ? "line" : "lines"} shown{spend.hasNextPage ? "; more to load" : ""}
              </Text>
            </Stack>
          </Card>
        </Stack>
      )}
      {canWrite && (
        <>
          <ImportDialog kind="spend" opened={dialog === "import"} onClose={() => setDialog(null)} />
          <SpendFormDialog opened={dialog === "create"} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
