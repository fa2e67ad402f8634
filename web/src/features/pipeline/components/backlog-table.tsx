import { ActionIcon, Group, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import type { RequestSummary } from "#contracts/pipeline";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
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
  const columns: DataColumn<RequestSummary>[] = [
    {
      key: "request",
      header: "Request",
      cell: (request, index) => (
        <Stack gap={2} style={{ minWidth: 0 }} miw={{ base: 0, sm: 220 }}>
          <Text size="xs" c="dimmed">
            #{index + 1} ·{" "}
            <Text span size="xs" ff="monospace">
              {request.reference}
            </Text>
          </Text>
          <AnchorLink to="/pipeline/requests/$id" params={{ id: request.id }} fw={600} lineClamp={2}>
            {request.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {typeLabels[request.type]}
            {request.team ? ` · ${request.team.name}` : ""}
          </Text>
        </Stack>
      ),
    },
    { key: "class", header: "Class", priority: 2, cell: (request) => <PriorityBadge priority={request.priority} /> },
    {
      key: "score",
      header: "Score",
      priority: 3,
      align: "right",
      cell: (request) => (
        <Text size="sm" fw={600}>
          {request.score ?? "—"}
        </Text>
      ),
    },
    { key: "stage", header: "Stage", priority: 2, cell: (request) => <StageBadge stage={request.stage} /> },
    { key: "people", header: "People", priority: 4, cell: (request) => <People request={request} /> },
    { key: "due", header: "Next due", priority: 3, minWidth: 190, cell: (request) => <DueMarker request={request} /> },
  ];
  if (canRank)
    columns.push({
      key: "order",
      header: "Order",
      kind: "actions",
      cell: (request, index) => (
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
      ),
    });
  return (
    <DataTable
      rows={requests}
      columns={columns}
      rowKey={(request) => request.id}
      rowName={(request) => request.reference}
      label="Requests"
    />
  );
}
