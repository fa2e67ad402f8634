import { Box, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import type { KpiStatus, KpiSummary } from "#contracts/scorecard";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { reviewCsvUrl } from "../features/scorecard/api";
import { ReviewFilters } from "../features/scorecard/components/review-filters";
import { KpiStatusBadge, NotSharedBadge } from "../features/scorecard/components/scorecard-badges";
import { ScorecardNav } from "../features/scorecard/components/scorecard-nav";
import { TrendLine } from "../features/scorecard/components/trend-line";
import { useReview } from "../features/scorecard/hooks/use-scorecard";
import { formatKpiValue, formatPeriod, kpiStatuses, kpiStatusMeta } from "../features/scorecard/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/scorecard/review");

function KpiRows({ kpis }: { kpis: KpiSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">KPI</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Latest / target
            </Table.Th>
            <Table.Th scope="col">Trend</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => (
            <Table.Tr key={kpi.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {kpi.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {kpi.owner.name}
                  {kpi.segment ? ` · ${kpi.segment.name}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <KpiStatusBadge status={kpi.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatKpiValue(kpi.latest?.value, kpi.unit, kpi.currency)} /{" "}
                {formatKpiValue(kpi.target, kpi.unit, kpi.currency)}
              </Table.Td>
              <Table.Td>
                {kpi.trend.length > 1 ? (
                  <TrendLine width={80} height={22} values={kpi.trend} color={kpiStatusMeta[kpi.status].color} />
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{kpi.reason}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The business review on one printable page: every objective, its owners from both sides, KPI status and trend, top risks. */
export function ScorecardReviewPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const scope = search.scope ?? "active";
  const review = useReview(search.asOf, scope);

  return (
    <>
      <Box className="no-print">
        <PageHeader
          title="Business review"
          description="The scorecard on one page for the joint review: print it (A4 or Letter) or take it as CSV."
          actions={
            <>
              <Button
                variant="default"
                component="a"
                href={reviewCsvUrl({ asOf: search.asOf, scope })}
                download
                leftSection={<IconDownload size={16} aria-hidden="true" />}
              >
                CSV
              </Button>
              <Button leftSection={<IconPrinter size={16} aria-hidden="true" />} onClick={() => window.print()}>
                Print
              </Button>
            </>
          }
        />
        <ScorecardNav />
        <Box mb="md">
          <ReviewFilters
            asOf={search.asOf}
            scope={scope}
            dateWidth={200}
            onChange={(next) => void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true })}
          />
        </Box>
      </Box>
      {review.isPending ? (
        <PageLoader label="Loading the review…" />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => review.refetch()} />
      ) : (
        <Stack gap="md" className="print-sheet">
          <Group justify="space-between" align="baseline" className="print-keep">
            <Title order={2} size="h3">
              Scorecard as of {formatDate(`${review.data.asOf}T12:00:00Z`)}
            </Title>
            <Group gap="md">
              {kpiStatuses.map((status: KpiStatus) => (
                <Text size="sm" key={status}>
                  <Text span fw={700}>
                    {review.data.statusCounts[status] ?? 0}
                  </Text>{" "}
                  {kpiStatusMeta[status].label.toLowerCase()}
                </Text>
              ))}
            </Group>
          </Group>
          {review.data.topRisks.length > 0 && (
            <Card p="md" className="print-keep">
              <Title order={3} size="h5" mb={4}>
                Top risks
              </Title>
              <KpiRows kpis={review.data.topRisks} />
            </Card>
          )}
          {review.data.objectives.length === 0 && <Text c="dimmed">No objective in this period.</Text>}
          {review.data.objectives.map((objective) => (
            <Card p="md" key={objective.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" className="print-keep">
                <div>
                  <Group gap="xs">
                    <Title order={3} size="h5">
                      {objective.title}
                    </Title>
                    {!objective.shared && <NotSharedBadge reason={objective.notSharedReason} />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatPeriod(objective.periodStart, objective.periodEnd)}
                  </Text>
                </div>
                <SimpleGrid cols={2} spacing="md">
                  <Text size="xs">
                    <Text span c="dimmed">
                      Marketing:{" "}
                    </Text>
                    {objective.marketingOwner?.name ?? "nobody"}
                  </Text>
                  <Text size="xs">
                    <Text span c="dimmed">
                      IT:{" "}
                    </Text>
                    {objective.itOwner?.name ?? "nobody"}
                  </Text>
                </SimpleGrid>
              </Group>
              {objective.kpis.length > 0 ? (
                <KpiRows kpis={objective.kpis} />
              ) : (
                <Text size="sm" c="dimmed">
                  No KPI.
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
