import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconReportMoney } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { pipelineApi } from "#contracts/api/pipeline";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { ListPage } from "../components/ui/list-page";
import { PipelineNav } from "../features/pipeline/components/pipeline-nav";
import { formatShare, typeLabels } from "../features/pipeline/labels";
import { apiQuery } from "../lib/api-query";
import { formatMoney } from "../lib/money";

const CURRENCY = "EUR";

/** Did delivered requests bring what they promised? Expected against realised benefit, by type and by sponsor. */
export function PipelineValuePage() {
  const report = useQuery(apiQuery(pipelineApi.valueReport, { query: { currency: CURRENCY } }));
  return (
    <ListPage
      title="Value delivered"
      description="Each delivered request is reviewed about 90 days later: what it was expected to bring (money, and hours saved at their loaded rate) against what it brought. Over the last twelve months of reviews, in euros."
      nav={<PipelineNav />}
      query={report}
      loadingLabel="Loading the value report…"
      isEmpty={report.data?.overall.reviewed === 0}
      withCard={false}
      empty={{
        icon: IconReportMoney,
        title: "No value review yet",
        description: `Delivered requests get a value review; ${report.data?.pendingReviews ?? 0} are waiting for theirs.`,
      }}
    >
      {report.data && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {[
              ["Reviewed requests", String(report.data.overall.reviewed)],
              ["Expected", formatMoney(report.data.overall.expected, CURRENCY)],
              ["Realised", formatMoney(report.data.overall.realised, CURRENCY)],
              ["Realised of expected", formatShare(report.data.overall.ratio)],
            ].map(([label, value]) => (
              <Card key={label}>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Text fz={26} fw={700}>
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card>
            <Title order={2} size="h4" mb="md">
              By type of request
            </Title>
            <Box component="figure" m={0}>
              <Box aria-hidden="true">
                <BarChart
                  h={260}
                  data={report.data.byType.map((row) => ({
                    type: typeLabels[row.type],
                    Expected: Math.round(row.expected),
                    Realised: Math.round(row.realised),
                  }))}
                  dataKey="type"
                  series={[
                    { name: "Expected", color: "gray.5" },
                    { name: "Realised", color: "indigo.6" },
                  ]}
                  valueFormatter={(value) => formatMoney(value, CURRENCY)}
                  withLegend
                  withTooltip={false}
                  accessibilityLayer={false}
                  tickLine="none"
                />
              </Box>
              <figcaption className="visually-hidden">Expected and realised benefit by type of request</figcaption>
              <ValueTable
                caption="Expected and realised benefit by type"
                rows={report.data.byType.map((row) => ({ key: row.type, name: typeLabels[row.type], ...row }))}
              />
            </Box>
          </Card>
          <Card>
            <Title order={2} size="h4" mb="md">
              By sponsor
            </Title>
            <ValueTable
              caption="Expected and realised benefit by sponsor"
              rows={report.data.bySponsor.map((row) => ({
                key: row.sponsor?.id ?? "none",
                name: row.sponsor?.name ?? "No sponsor",
                ...row,
              }))}
            />
          </Card>
          <Text size="sm" c="dimmed">
            {report.data.pendingReviews} delivered requests are waiting for their review.
          </Text>
        </Stack>
      )}
    </ListPage>
  );
}

interface ValueRow {
  key: string;
  name: string;
  reviewed: number;
  expected: number;
  realised: number;
  ratio: number | null;
}

const valueColumns: DataColumn<ValueRow>[] = [
  { key: "name", header: "Name", cell: (row) => row.name },
  { key: "reviewed", header: "Reviewed", align: "right", priority: 3, cell: (row) => row.reviewed },
  {
    key: "expected",
    header: "Expected",
    align: "right",
    isNowrap: true,
    cell: (row) => formatMoney(row.expected, CURRENCY),
  },
  {
    key: "realised",
    header: "Realised",
    align: "right",
    isNowrap: true,
    cell: (row) => formatMoney(row.realised, CURRENCY),
  },
  {
    key: "ratio",
    header: "Realised of expected",
    align: "right",
    priority: 2,
    cell: (row) => (
      <Text
        size="sm"
        fw={600}
        component="span"
        c={row.ratio !== null && row.ratio < 0.8 ? "var(--mantine-color-orange-text)" : undefined}
      >
        {formatShare(row.ratio)}
      </Text>
    ),
  },
];

/** Expected against realised benefit, one row per type or sponsor. */
function ValueTable({ caption, rows }: { caption: string; rows: ValueRow[] }) {
  return (
    <Box mt="md">
      <DataTable
        label={caption}
        rows={rows}
        columns={valueColumns}
        rowKey={(row) => row.key}
        rowName={(row) => row.name}
        verticalSpacing="xs"
        isFlush
      />
    </Box>
  );
}
