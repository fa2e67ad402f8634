import { Badge, Group, Progress, Table, Text } from "@mantine/core";
import type { KpiSummary } from "../../../../../contracts/scorecard";
import { AnchorLink } from "../../../components/ui/links";
import { formatKpiValue, kpiStatusMeta } from "../labels";
import { KpiStatusBadge } from "./scorecard-badges";
import { TrendLine } from "./trend-line";

/** How far along the way from baseline to target, as a bar (0–100). */
export function progressPercent(progress: number | null): number {
  if (progress === null) return 0;
  return Math.max(0, Math.min(100, Math.round(progress * 100)));
}

/** KPIs with status, latest value against target, progress and trend; each name links to its page. */
export function KpiTable({ kpis, showOwner = true }: { kpis: KpiSummary[]; showOwner?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">KPI</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Latest
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Target
            </Table.Th>
            <Table.Th scope="col">Progress</Table.Th>
            <Table.Th scope="col" className="trend-column">
              Trend
            </Table.Th>
            {showOwner && <Table.Th scope="col">Owner</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => (
            <Table.Tr key={kpi.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <AnchorLink to="/scorecard/kpis/$id" params={{ id: kpi.id }} fw={500}>
                    {kpi.name}
                  </AnchorLink>
                  {kpi.source === "computed" && (
                    <Badge size="xs" variant="outline" color="gray">
                      Computed
                    </Badge>
                  )}
                </Group>
                {kpi.segment && (
                  <Text size="xs" c="dimmed">
                    {kpi.segment.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <KpiStatusBadge status={kpi.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatKpiValue(kpi.latest?.value, kpi.unit, kpi.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatKpiValue(kpi.target, kpi.unit, kpi.currency)}
              </Table.Td>
              <Table.Td miw={120}>
                <Progress
                  value={progressPercent(kpi.progress)}
                  color={kpiStatusMeta[kpi.status].barColor}
                  aria-label={`${kpi.name}: ${progressPercent(kpi.progress)}% of the way to target`}
                />
                <Text size="xs" c="dimmed" mt={2}>
                  {kpi.reason}
                </Text>
              </Table.Td>
              <Table.Td className="trend-column">
                {kpi.trend.length > 1 ? (
                  <TrendLine width={96} height={28} values={kpi.trend} color={kpiStatusMeta[kpi.status].color} />
                ) : (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">{kpi.owner.name}</Text>
                  <Text size="xs" c="dimmed">
                    {kpi.owner.team.name}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
