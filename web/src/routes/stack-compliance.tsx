import { Badge, Card, List, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { StackNav } from "../features/stack/components/stack-nav";
import { useCompliance } from "../features/stack/hooks/use-stack";
import { complianceMeta, findingSuffix } from "../features/stack/labels";

/** The workspace's compliance: counts, then every gap, worst first. */
export function StackCompliancePage() {
  const compliance = useCompliance();
  const data = compliance.data;
  const needingWork = (data?.tools ?? [])
    .filter((entry) => entry.status !== "compliant" || entry.ownershipGaps.length > 0)
    .sort(
      (a, b) =>
        complianceMeta[a.status].rank - complianceMeta[b.status].rank ||
        b.gaps.length + b.ownershipGaps.length - (a.gaps.length + a.ownershipGaps.length) ||
        a.tool.name.localeCompare(b.tool.name),
    );
  const total = data ? data.counts.compliant + data.counts.unknown + data.counts.atRisk + data.counts.nonCompliant : 0;
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Data handled, DPAs, security reviews and owners across the stack. Fix the red ones first."
      />
      <StackNav />
      {compliance.isPending ? (
        <PageLoader label="Loading compliance…" />
      ) : compliance.isError ? (
        <ErrorState error={compliance.error} onRetry={() => compliance.refetch()} />
      ) : total === 0 ? (
        <Card>
          <EmptyState
            icon={IconShieldCheck}
            title="No tools yet"
            description="Add tools to the catalog to see their compliance."
          />
        </Card>
      ) : (
        <Stack gap="lg">
          <Card>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
              {(
                [
                  ["non_compliant", data?.counts.nonCompliant ?? 0],
                  ["unknown", data?.counts.unknown ?? 0],
                  ["at_risk", data?.counts.atRisk ?? 0],
                  ["compliant", data?.counts.compliant ?? 0],
                ] as const
              ).map(([status, count]) => (
                <Stack key={status} gap={0}>
                  <Text fz={28} fw={700} c={`var(--mantine-color-${complianceMeta[status].color}-text)`}>
                    {count}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {complianceMeta[status].label}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            <Progress.Root size="lg" aria-hidden="true">
              <Progress.Section value={((data?.counts.nonCompliant ?? 0) / total) * 100} color="red" />
              <Progress.Section value={((data?.counts.unknown ?? 0) / total) * 100} color="gray" />
              <Progress.Section value={((data?.counts.atRisk ?? 0) / total) * 100} color="yellow" />
              <Progress.Section value={((data?.counts.compliant ?? 0) / total) * 100} color="green" />
            </Progress.Root>
          </Card>
          <Card p={0}>
            <Title order={2} size="h4" p="md" pb={0}>
              Gaps, worst first
            </Title>
            {needingWork.length === 0 ? (
              <EmptyState icon={IconShieldCheck} title="No gaps" description="Every tool is compliant and owned." />
            ) : (
              <div className="table-scroll">
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" pl="md">
                        Tool
                      </Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Gaps</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {needingWork.map((entry) => (
                      <Table.Tr key={entry.tool.id}>
                        <Table.Td pl="md" style={{ verticalAlign: "top" }}>
                          <AnchorLink to="/stack/tools/$id" params={{ id: entry.tool.id }} fw={600}>
                            {entry.tool.name}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: "top" }}>
                          <Badge color={complianceMeta[entry.status].color} variant="light" tt="none">
                            {complianceMeta[entry.status].label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <List size="sm" spacing={2}>
                            {entry.gaps.map((gap) => (
                              <List.Item key={gap.code + gap.message}>
                                {gap.message}
                                {findingSuffix(gap.severity)}
                              </List.Item>
                            ))}
                            {entry.ownershipGaps.map((gap) => (
                              <List.Item key={gap}>{gap}</List.Item>
                            ))}
                          </List>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}
