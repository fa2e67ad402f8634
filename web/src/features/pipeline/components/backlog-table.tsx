import { ActionIcon, Box, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import type { RequestSummary } from "../../../../../contracts/pipeline";
import { AnchorLink } from "../../../components/ui/links";
import { describeError } from "../../../components/ui/page-error";
import { isApiError } from "../../../lib/api";
import { useRank } from "../hooks/use-pipeline";
import { typeLabels } from "../labels";
import { DueMarker, PriorityBadge, StageBadge } from "./request-badges";

function People({ request }: { request: RequestSummary }) {
  return (
    <Stack gap={0}>
      <Text size="xs">
        <Text span size="xs" c="dimmed">
          Requester{" "}
        </Text>
        {request.requester.name}
      </Text>
      <Text size="xs">
        <Text span size="xs" c="dimmed">
          Sponsor{" "}
        </Text>
        {request.sponsor?.name ?? "—"}
      </Text>
      <Text size="xs">
        <Text span size="xs" c="dimmed">
          IT partner{" "}
        </Text>
        {request.itPartner?.name ?? "—"}
      </Text>
    </Stack>
  );
}

interface BacklogTableProps {
  requests: RequestSummary[];
  /** Show the move up/down buttons (the ranked backlog, not a filtered or sorted view). */
  canRank: boolean;
}

/** The ranked backlog: both sides see the same order; moving a request up or down is audited. */
export function BacklogTable({ requests, canRank }: BacklogTableProps) {
  const rank = useRank();
  const handleMove = (index: number, direction: -1 | 1) => {
    const request = requests[index];
    // Up: directly above the one above. Down: directly above the one two below (or to the bottom).
    const beforeId = direction === -1 ? requests[index - 1].id : (requests[index + 2]?.id ?? null);
    rank.mutate(
      { id: request.id, beforeId, version: request.version },
      {
        onSuccess: () =>
          notifications.show({
            color: "indigo",
            message: `${request.reference} moved ${direction === -1 ? "up" : "down"}`,
          }),
        onError: (error) =>
          notifications.show(
            isApiError(error, "conflict")
              ? {
                  color: "orange",
                  message: "Someone changed this request meanwhile. The backlog now shows their change; try again.",
                }
              : { color: "red", message: `Could not move it: ${describeError(error)}` },
          ),
      },
    );
  };
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg" w={48}>
              #
            </Table.Th>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              Class
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md" ta="right">
              Score
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Stage
            </Table.Th>
            <Table.Th scope="col" visibleFrom="xl">
              People
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Next due
            </Table.Th>
            {canRank && (
              <Table.Th scope="col" pr="lg">
                Order
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request, index) => (
            <Table.Tr key={request.id}>
              <Table.Td pl="lg">
                <Text size="sm" c="dimmed">
                  {index + 1}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" ff="monospace">
                      {request.reference}
                    </Text>
                  </Group>
                  <AnchorLink to="/pipeline/requests/$id" params={{ id: request.id }} fw={600} lineClamp={2}>
                    {request.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {typeLabels[request.type]}
                    {request.team ? ` · ${request.team.name}` : ""}
                  </Text>
                  <Group gap={4} hiddenFrom="md">
                    <Box hiddenFrom="sm">
                      <PriorityBadge priority={request.priority} />
                    </Box>
                    <StageBadge stage={request.stage} />
                    <DueMarker request={request} />
                  </Group>
                  {/* Below the widest screens the people join the request, so the table fits without a sideways scroll. */}
                  <Text size="xs" c="dimmed" hiddenFrom="xl">
                    Sponsor {request.sponsor?.name ?? "—"} · IT partner {request.itPartner?.name ?? "—"}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <PriorityBadge priority={request.priority} />
              </Table.Td>
              <Table.Td visibleFrom="md" ta="right">
                <Text size="sm" fw={600}>
                  {request.score ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <StageBadge stage={request.stage} />
              </Table.Td>
              <Table.Td visibleFrom="xl">
                <People request={request} />
              </Table.Td>
              <Table.Td visibleFrom="md">
                <DueMarker request={request} />
              </Table.Td>
              {canRank && (
                <Table.Td pr="lg">
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Move up">
                      <ActionIcon
                        variant="default"
                        size="md"
                        aria-label={`Move ${request.reference} up`}
                        disabled={index === 0 || rank.isPending}
                        onClick={() => handleMove(index, -1)}
                      >
                        <IconArrowUp size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Move down">
                      <ActionIcon
                        variant="default"
                        size="md"
                        aria-label={`Move ${request.reference} down`}
                        disabled={index === requests.length - 1 || rank.isPending}
                        onClick={() => handleMove(index, 1)}
                      >
                        <IconArrowDown size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
