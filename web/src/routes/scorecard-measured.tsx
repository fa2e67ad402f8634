import { Alert, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { KpiSummary } from "#contracts/scorecard";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { KpiStatusBadge } from "../features/scorecard/components/scorecard-badges";
import { ScorecardNav } from "../features/scorecard/components/scorecard-nav";
import { useMeasured } from "../features/scorecard/hooks/use-scorecard";
import { categoryLabels, formatKpiValue } from "../features/scorecard/labels";

function KpiItem({ kpi }: { kpi: KpiSummary }) {
  return (
    <Card withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <AnchorLink to="/scorecard/kpis/$id" params={{ id: kpi.id }} fw={500}>
            {kpi.name}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {kpi.objectiveTitle} · {kpi.owner.name}
          </Text>
          <Group gap={4}>
            <Badge
              size="xs"
              variant={kpi.customerFacing ? "light" : "outline"}
              color={kpi.customerFacing ? "indigo" : "gray"}
            >
              {categoryLabels[kpi.category]}
            </Badge>
            <Badge size="xs" variant="outline" color={kpi.objectiveShared ? "teal" : "orange"}>
              {kpi.objectiveShared ? "Shared objective" : "One side only"}
            </Badge>
          </Group>
        </Stack>
        <Stack gap={2} align="flex-end">
          <KpiStatusBadge status={kpi.status} reason={kpi.reason} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatKpiValue(kpi.latest?.value, kpi.unit, kpi.currency)} of{" "}
            {formatKpiValue(kpi.target, kpi.unit, kpi.currency)}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function Side({ title, kpis, empty }: { title: string; kpis: KpiSummary[]; empty: string }) {
  return (
    <Card p="lg" h="100%">
      <Title order={2} size="h4" mb="sm">
        {title}{" "}
        <Text span c="dimmed" fw={400}>
          ({kpis.length})
        </Text>
      </Title>
      {kpis.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs">
          {kpis.map((kpi) => (
            <KpiItem key={kpi.id} kpi={kpi} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.1}>
        {value}
      </Text>
    </div>
  );
}

/** "How each of us is measured": marketing's KPIs beside IT's, what is shared, and the gaps in words. */
export function ScorecardMeasuredPage() {
  const measured = useMeasured();
  return (
    <>
      <PageHeader
        title="How each of us is measured"
        description="Marketing's KPIs beside IT's, by the owner's team: which serve a shared objective, which belong to one side only, and what is missing."
      />
      <ScorecardNav />
      {measured.isPending ? (
        <PageLoader label="Loading…" />
      ) : measured.isError ? (
        <ErrorState error={measured.error} onRetry={() => measured.refetch()} />
      ) : (
        <Stack gap="lg">
          <Card p="lg">
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Count label="Marketing's KPIs" value={measured.data.counts.marketing} />
              <Count label="IT's KPIs" value={measured.data.counts.it} />
              <Count label="On shared objectives" value={measured.data.counts.shared} />
              <Count label="Marketing only" value={measured.data.counts.marketingOnly} />
              <Count label="IT only" value={measured.data.counts.itOnly} />
            </SimpleGrid>
          </Card>
          {measured.data.gaps.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title="Gaps">
              <Stack gap={4}>
                {measured.data.gaps.map((gap) => (
                  <Text size="sm" key={gap.code}>
                    {gap.message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Side
                title="Marketing is measured on"
                kpis={measured.data.marketing}
                empty="Marketing owns no KPI yet."
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Side title="IT is measured on" kpis={measured.data.it} empty="IT owns no KPI yet." />
            </Grid.Col>
          </Grid>
          {measured.data.other.length > 0 && <Side title="Other teams" kpis={measured.data.other} empty="" />}
        </Stack>
      )}
    </>
  );
}
