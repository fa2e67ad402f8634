import { Badge, Group, Stack, Text } from "@mantine/core";
import type { AuditEvent } from "#contracts/audit";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { AuditDiff } from "./audit-diff";

function actionColor(action: string): string {
  if (action.endsWith("denied") || action.endsWith("failed")) return "red";
  if (action.endsWith("revoked") || action.endsWith("deactivated")) return "orange";
  if (action.endsWith("created") || action.endsWith("accepted")) return "teal";
  return "gray";
}

const columns: DataColumn<AuditEvent>[] = [
  {
    key: "when",
    header: "When",
    cell: (event) => (
      <>
        <Text size="sm" className="nowrap">
          {formatDateTime(event.at)}
        </Text>
        <Text size="xs" c="dimmed">
          #{event.seq} · {formatRelative(event.at)}
        </Text>
      </>
    ),
  },
  {
    key: "who",
    header: "Who",
    priority: 2,
    cell: (event) => <Text size="sm">{event.actor?.name ?? event.actorLabel ?? "System"}</Text>,
  },
  {
    key: "action",
    header: "Action",
    cell: (event) => (
      <Badge color={actionColor(event.action)} tt="none" ff="monospace" fw={500}>
        {event.action}
      </Badge>
    ),
  },
  {
    key: "record",
    header: "Record",
    priority: 3,
    cell: (event) => (
      <>
        <Text size="sm">{event.entityType}</Text>
        {event.entityId && (
          <Text size="xs" c="dimmed" ff="monospace" title={event.entityId}>
            {event.entityId.length > 13 ? `${event.entityId.slice(0, 8)}…` : event.entityId}
          </Text>
        )}
      </>
    ),
  },
  {
    key: "ip",
    header: "IP address",
    priority: 4,
    cell: (event) => (
      <Text size="sm" ff="monospace">
        {event.ip ?? "—"}
      </Text>
    ),
  },
];

function EventDetails({ event }: { event: AuditEvent }) {
  return (
    <Stack gap="sm" p="xs" mt="xs" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 4 }}>
      <AuditDiff before={event.before} after={event.after} />
      <Group gap="lg" wrap="wrap">
        {event.entityId && (
          <Text size="xs" c="dimmed">
            Record id: <span style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>{event.entityId}</span>
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
          Hash: <span style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>{event.hash}</span>
        </Text>
      </Group>
    </Stack>
  );
}

/** Audit events, one per row; a row opens to show what changed. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <DataTable
      rows={events}
      columns={columns}
      rowKey={(event) => event.id}
      rowName={(event) => `event ${event.seq}`}
      label="Audit events"
      details={{
        render: (event) => <EventDetails event={event} />,
        toggleLabel: (event, isOpen) => `${isOpen ? "Hide" : "Show"} changes of event ${event.seq}`,
      }}
    />
  );
}
