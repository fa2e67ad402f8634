import { ActionIcon, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import type { AuditEvent } from "../../../../../contracts/audit";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { AuditDiff } from "./audit-diff";

function actionColor(action: string): string {
  if (action.endsWith("denied") || action.endsWith("failed")) return "red";
  if (action.endsWith("revoked") || action.endsWith("deactivated")) return "orange";
  if (action.endsWith("created") || action.endsWith("accepted")) return "teal";
  return "gray";
}

/** Audit events, one per row; a row opens to show what changed. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" miw={820}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <span className="visually-hidden">Details</span>
            </Table.Th>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const isOpen = openIds.has(event.id);
            const detailsId = `audit-details-${event.id}`;
            return (
              <Fragment key={event.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(event.id)}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailsId : undefined}
                      aria-label={`${isOpen ? "Hide" : "Show"} changes of event ${event.seq}`}
                    >
                      {isOpen ? (
                        <IconChevronDown size={16} aria-hidden="true" />
                      ) : (
                        <IconChevronRight size={16} aria-hidden="true" />
                      )}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {event.seq}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="nowrap">
                      {formatDateTime(event.at)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatRelative(event.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.actor?.name ?? event.actorLabel ?? "System"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={actionColor(event.action)} tt="none" ff="monospace" fw={500}>
                      {event.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.entityType}</Text>
                    {event.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace" title={event.entityId}>
                        {event.entityId.length > 13 ? `${event.entityId.slice(0, 8)}…` : event.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {event.ip ?? "—"}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={7} bg="var(--mantine-color-default-hover)">
                      <Stack gap="sm" p="xs">
                        <AuditDiff before={event.before} after={event.after} />
                        <Group gap="lg" wrap="wrap">
                          {event.entityId && (
                            <Text size="xs" c="dimmed">
                              Record id:{" "}
                              <span style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>
                                {event.entityId}
                              </span>
                            </Text>
                          )}
                          <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                            Hash:{" "}
                            <span style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>{event.hash}</span>
                          </Text>
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
