import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { StackNav } from "../features/stack/components/stack-nav";
import { ToolStatusBadge, UtilisationBar } from "../features/stack/components/tool-badges";
import { useOverlaps } from "../features/stack/hooks/use-stack";
import { categoryMeta } from "../features/stack/labels";
import { formatMoneyList, formatMoneyOf } from "../lib/money";

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
