import { Badge, Button, Card, Grid, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalculator, IconPencil, IconPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { KpiDetail, Measurement } from "#contracts/scorecard";
import { Fact } from "../components/ui/fact";
import { AnchorLink } from "../components/ui/links";
import { LoadMore } from "../components/ui/load-more";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GlossaryText } from "../features/glossary/components/glossary-text";
import { CheckInDialog } from "../features/scorecard/components/check-in-form";
import { KpiChart } from "../features/scorecard/components/kpi-chart";
import { KpiFormDialog } from "../features/scorecard/components/kpi-form";
import { KpiLinksPanel } from "../features/scorecard/components/kpi-links";
import { progressPercent } from "../features/scorecard/components/kpi-table";
import { KpiStatusBadge } from "../features/scorecard/components/scorecard-badges";
import { ScorecardNav } from "../features/scorecard/components/scorecard-nav";
import { useKpi, useKpiSeries, useMeasurements, useRecomputeKpi } from "../features/scorecard/hooks/use-scorecard";
import {
  cadenceLabels,
  categoryLabels,
  directionLabels,
  formatKpiValue,
  formatPeriod,
  kpiStatusMeta,
  sourceLabels,
} from "../features/scorecard/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/scorecard/kpis/$id");

/** What a computed value was computed from, as "name: value" pairs. */
function ComputedFromText({ from }: { from: Measurement["computedFrom"] }) {
  if (!from) return null;
  return (
    <Text size="xs" c="dimmed">
      From{" "}
      {Object.entries(from)
        .map(([key, value]) => `${key.replace(/([A-Z])/g, " $1").toLowerCase()}: ${value ?? "—"}`)
        .join("; ")}
    </Text>
  );
}

function Timeline({ kpi, items }: { kpi: KpiDetail; items: Measurement[] }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No value yet. {kpi.source === "computed" ? "Tandem computes it daily." : "Check in the first value."}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col" ta="right">
              Value
            </Table.Th>
            <Table.Th scope="col">Comment</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((measurement) => (
            <Table.Tr key={measurement.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(`${measurement.date}T12:00:00Z`)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatKpiValue(measurement.value, kpi.unit, kpi.currency)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{measurement.comment || "—"}</Text>
                {measurement.confidence !== null && (
                  <Text size="xs" c="dimmed">
                    Confidence {measurement.confidence} of 5
                  </Text>
                )}
                <ComputedFromText from={measurement.computedFrom} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{sourceLabels[measurement.source]}</Text>
                {measurement.recordedBy && (
                  <Text size="xs" c="dimmed">
                    {measurement.recordedBy.name}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One KPI: its status and why, its values against plan and target, the check-ins, and what is linked to it. */
export function ScorecardKpiPage() {
  const { id } = route.useParams();
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const kpi = useKpi(id);
  const series = useKpiSeries(id);
  const measurements = useMeasurements(id);
  const recompute = useRecomputeKpi();
  const [dialog, setDialog] = useState<"check-in" | "edit" | null>(null);

  if (kpi.isPending) return <PageLoader label="Loading the KPI…" />;
  if (kpi.isError) return <ErrorState error={kpi.error} onRetry={() => kpi.refetch()} />;
  const data = kpi.data;
  const percent = progressPercent(data.progress);

  return (
    <>
      <PageHeader
        title={data.name}
        badge={<KpiStatusBadge status={data.status} />}
        description={
          <>
            Serves{" "}
            <AnchorLink to="/scorecard" search={{ scope: "all" }}>
              {data.objectiveTitle}
            </AnchorLink>{" "}
            · {formatPeriod(data.periodStart, data.periodEnd)}
          </>
        }
        actions={
          canWrite && (
            <>
              {data.source === "computed" ? (
                <Button
                  variant="default"
                  leftSection={<IconCalculator size={16} aria-hidden="true" />}
                  loading={recompute.isPending}
                  onClick={() =>
                    recompute.mutate(id, {
                      onSuccess: () => notifications.show({ color: "indigo", message: `${data.name} recomputed` }),
                    })
                  }
                >
                  Recompute now
                </Button>
              ) : (
                <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog("check-in")}>
                  Check in
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setDialog("edit")}
              >
                Edit
              </Button>
            </>
          )
        }
      />
      <ScorecardNav />
      <Stack gap="lg">
        <Card p="lg">
          <Stack gap="md">
            <Text size="lg" fw={600}>
              {data.reason}
            </Text>
            <Progress
              value={percent}
              color={kpiStatusMeta[data.status].barColor}
              size="lg"
              aria-label={`${percent}% of the way from baseline to target`}
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Fact layout="stacked" label="Latest">
                {formatKpiValue(data.latest?.value, data.unit, data.currency)}
                {data.latest && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    on {formatDate(`${data.latest.date}T12:00:00Z`)}
                  </Text>
                )}
              </Fact>
              <Fact layout="stacked" label="Target">
                {formatKpiValue(data.target, data.unit, data.currency)}
              </Fact>
              <Fact layout="stacked" label="Baseline">
                {formatKpiValue(data.baseline, data.unit, data.currency)}
              </Fact>
              <Fact layout="stacked" label="Thresholds">
                {data.thresholds
                  ? `green ${formatKpiValue(data.thresholds.green, data.unit, data.currency)}, amber ${formatKpiValue(data.thresholds.amber, data.unit, data.currency)}`
                  : "Pace against the period"}
              </Fact>
              <Fact layout="stacked" label="Owner">
                {data.owner.name}
                <Text span size="xs" c="dimmed">
                  {" "}
                  · {data.owner.team.name}
                </Text>
              </Fact>
              <Fact layout="stacked" label="Direction">
                {directionLabels[data.direction]}
              </Fact>
              <Fact layout="stacked" label="Cadence">
                {cadenceLabels[data.cadence]}
              </Fact>
              <Fact layout="stacked" label="Kind">
                <Group gap={6}>
                  {categoryLabels[data.category]}
                  {data.customerFacing && (
                    <Badge size="xs" variant="light">
                      Customer-facing
                    </Badge>
                  )}
                </Group>
              </Fact>
            </SimpleGrid>
            {data.definition && (
              <Text size="sm" c="dimmed">
                <Text span fw={600} c="var(--mantine-color-text)">
                  Definition:{" "}
                </Text>
                <GlossaryText span inherit text={data.definition} />
              </Text>
            )}
          </Stack>
        </Card>
        <Card p="lg">
          <Title order={2} size="h4" mb="sm">
            Values against plan and target
          </Title>
          {series.isPending ? (
            <PageLoader label="Loading the chart…" />
          ) : series.isError ? (
            <ErrorState error={series.error} onRetry={() => series.refetch()} />
          ) : series.data.points.length === 0 ? (
            <Text size="sm" c="dimmed">
              The chart appears with the first value.
            </Text>
          ) : (
            <KpiChart series={series.data} name={data.name} />
          )}
        </Card>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card p="lg" h="100%">
              <Title order={2} size="h4" mb="sm">
                Check-ins
              </Title>
              {measurements.isPending ? (
                <PageLoader label="Loading check-ins…" />
              ) : measurements.isError ? (
                <ErrorState error={measurements.error} onRetry={() => measurements.refetch()} />
              ) : (
                <>
                  <Timeline kpi={data} items={measurements.data.pages.flatMap((page) => page.items)} />
                  <LoadMore
                    hasMore={measurements.hasNextPage}
                    isLoading={measurements.isFetchingNextPage}
                    onLoadMore={() => measurements.fetchNextPage()}
                    noun="check-ins"
                  />
                </>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card p="lg" h="100%">
              <Title order={2} size="h4" mb="sm">
                Linked work
              </Title>
              <KpiLinksPanel kpi={data} canWrite={canWrite} />
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
      {canWrite && (
        <>
          <CheckInDialog kpi={data} opened={dialog === "check-in"} onClose={() => setDialog(null)} />
          <KpiFormDialog opened={dialog === "edit"} kpi={data} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
