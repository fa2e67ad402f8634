import { Box, Card, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { CalendarFeedButton } from "../features/stack/components/calendar-feed";
import { RenewalsTimeline } from "../features/stack/components/renewals-timeline";
import { StackNav } from "../features/stack/components/stack-nav";
import { CancelByCountdown } from "../features/stack/components/tool-badges";
import { useRenewals } from "../features/stack/hooks/use-stack";
import { formatCalendarDate } from "../features/stack/labels";
import { formatMoneyOf } from "../lib/money";

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
