import {
  Badge,
  Box,
  Card,
  Group,
  List,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconCalendarEvent, IconCopy, IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { CalendarFeedButton } from "../features/stack/components/calendar-feed";
import { RenewalsTimeline } from "../features/stack/components/renewals-timeline";
import { OwnerCostTable, SpendChart } from "../features/stack/components/spend-chart";
import { StackNav } from "../features/stack/components/stack-nav";
import { TimeMatrix } from "../features/stack/components/time-matrix";
import { CancelByCountdown, ToolStatusBadge, UtilisationBar } from "../features/stack/components/tool-badges";
import { useAllTools, useCompliance, useOverlaps, useRenewals } from "../features/stack/hooks/use-stack";
import { categoryMeta, complianceMeta, findingSuffix, formatCalendarDate } from "../features/stack/labels";
import { formatMoneyList, formatMoneyOf } from "../lib/money";

const windows = [
  { value: "90", label: "90 days" },
  { value: "180", label: "6 months" },
  { value: "365", label: "1 year" },
  { value: "730", label: "2 years" },
];

/** Contracts by cancel-by date: what to decide, by when, and who is reminded. */
export function StackRenewalsPage() {
  const [within, setWithin] = useState("365");
  const renewals = useRenewals(Number(within));
  const items = renewals.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Renewals"
        description="Contracts by the last day they can be cancelled. Both owners are reminded 120, 90, 60 and 30 days before."
        actions={<CalendarFeedButton />}
      />
      <StackNav />
      <Card p={0}>
        <Group p="md" justify="space-between" wrap="wrap">
          <SegmentedControl value={within} onChange={setWithin} data={windows} aria-label="Cancel-by within" />
          <Text size="sm" c="dimmed" aria-live="polite">
            {items.length} {items.length === 1 ? "contract" : "contracts"}
          </Text>
        </Group>
        {renewals.isPending ? (
          <PageLoader label="Loading renewals…" />
        ) : renewals.isError ? (
          <Stack p="md">
            <ErrorState error={renewals.error} onRetry={() => renewals.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={IconCalendarEvent}
            title="No renewal in this window"
            description="Tools with a renewal date and notice period show up here as their cancel-by date nears."
          />
        ) : (
          <>
            <Box px="md" pb="md">
              <RenewalsTimeline renewals={items} />
            </Box>
            <div className="table-scroll">
              <Table verticalSpacing="sm" highlightOnHover miw={{ base: 0, md: 960 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" pl="md">
                      Tool
                    </Table.Th>
                    <Table.Th scope="col">Cancel by</Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Renews
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md" ta="right">
                      Annual cost
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Owners
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Reminders
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((renewal) => (
                    <Table.Tr key={renewal.tool.id}>
                      <Table.Td pl="md">
                        <AnchorLink to="/stack/tools/$id" params={{ id: renewal.tool.id }} fw={600}>
                          {renewal.tool.name}
                        </AnchorLink>
                        {renewal.tool.vendor && renewal.tool.vendor !== renewal.tool.name && (
                          <Text size="xs" c="dimmed">
                            {renewal.tool.vendor}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <CancelByCountdown cancelBy={renewal.cancelBy} />
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="sm">{formatCalendarDate(renewal.renewalDate)}</Text>
                        <Text
                          size="xs"
                          c={renewal.autoRenew ? undefined : "dimmed"}
                          fw={renewal.autoRenew ? 600 : undefined}
                        >
                          {renewal.autoRenew ? "Renews automatically" : "Manual renewal"}
                          {renewal.noticeDays !== null ? ` · ${renewal.noticeDays} days' notice` : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="md" ta="right">
                        <Text size="sm">{formatMoneyOf(renewal.annualCost)}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="xs">{renewal.businessOwner?.name ?? "No business owner"}</Text>
                        <Text size="xs">{renewal.technicalOwner?.name ?? "No technical owner"}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="xs" c="dimmed">
                          {renewal.reminderDates.map((date) => formatCalendarDate(date)).join(" · ")}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Card>
    </>
  );
}

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

/** Tools of one subcategory that share capabilities: what the two sides could consolidate. */
export function StackOverlapsPage() {
  const overlaps = useOverlaps();
  const groups = overlaps.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Overlaps"
        description="Tools in the same subcategory that share capabilities, with what they cost together and how much they are used."
      />
      <StackNav />
      {overlaps.isPending ? (
        <PageLoader label="Loading overlaps…" />
      ) : overlaps.isError ? (
        <ErrorState error={overlaps.error} onRetry={() => overlaps.refetch()} />
      ) : groups.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconCopy}
            title="No overlaps"
            description="No two tools in one subcategory share a capability. Capabilities are the tags on each tool."
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {groups.map((group) => (
            <Card key={`${group.category}-${group.subcategory}-${group.tools.map((tool) => tool.id).join()}`}>
              <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
                <Stack gap={0}>
                  <Title order={2} size="h4">
                    {group.subcategory}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {categoryMeta[group.category].label}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text fw={700}>{formatMoneyList(group.annualCost)}</Text>
                  <Text size="xs" c="dimmed">
                    combined a year
                  </Text>
                </Stack>
              </Group>
              <Group gap={4} mb="sm">
                <Text size="sm" c="dimmed">
                  Shared:
                </Text>
                {group.sharedCapabilities.map((capability) => (
                  <Badge key={capability} variant="outline" color="gray" tt="none" size="sm">
                    {capability}
                  </Badge>
                ))}
              </Group>
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Tool</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Cost
                    </Table.Th>
                    <Table.Th scope="col">Seats used</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.tools.map((tool) => (
                    <Table.Tr key={tool.id}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }} size="sm">
                            {tool.name}
                          </AnchorLink>
                          <ToolStatusBadge status={tool.status} />
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{formatMoneyOf(tool.annualCost)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <UtilisationBar tool={{ utilisation: tool.utilisation, seatsUsed: null, seatsBought: null }} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">
                Together {group.seatsUsed} of {group.seatsBought} seats used
                {group.utilisation !== null ? ` (${Math.round(group.utilisation * 100)}%)` : ""}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

/** Numbers people compare: spend by category and the TIME portfolio matrix. */
export function StackChartsPage() {
  const tools = useAllTools();
  return (
    <>
      <PageHeader
        title="Spend and fit"
        description="Where the money goes, and which tools to invest in, tolerate, migrate or eliminate."
      />
      <StackNav />
      {tools.isPending ? (
        <PageLoader label="Loading the portfolio…" />
      ) : tools.isError ? (
        <ErrorState error={tools.error} onRetry={() => tools.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Card>
            <Title order={2} size="h4" mb="md">
              Spend by category
            </Title>
            <SpendChart tools={tools.data} />
          </Card>
          <Card>
            <Title order={2} size="h4" mb={4}>
              TIME portfolio matrix
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              One dot per tool scored by both sides. Click a dot to open the tool.
            </Text>
            <TimeMatrix tools={tools.data} />
          </Card>
          <Card>
            <Title order={2} size="h4" mb="md">
              Cost per owner
            </Title>
            <OwnerCostTable tools={tools.data} />
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
