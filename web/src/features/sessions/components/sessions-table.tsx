import { Badge, Button, Stack, Text } from "@mantine/core";
import type { Session } from "#contracts/people";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { describeUserAgent } from "../user-agent";

interface SessionsTableProps {
  sessions: Session[];
  showOwner: boolean;
  onRevoke: (session: Session) => void;
}

/** Sessions with device, address, activity and expiry; the current one marked. */
export function SessionsTable({ sessions, showOwner, onRevoke }: SessionsTableProps) {
  const columns: DataColumn<Session>[] = [
    {
      key: "device",
      header: "Device",
      cell: (session) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" fw={500}>
            {describeUserAgent(session.userAgent)}
          </Text>
          {session.current && (
            <Badge color="teal" size="sm" tt="none">
              This browser
            </Badge>
          )}
        </Stack>
      ),
    },
    ...(showOwner
      ? [{ key: "person", header: "Person", cell: (session: Session) => <Text size="sm">{session.user.name}</Text> }]
      : []),
    {
      key: "ip",
      header: "IP address",
      priority: 3,
      cell: (session) => (
        <Text size="sm" ff="monospace">
          {session.ip ?? "—"}
        </Text>
      ),
    },
    {
      key: "lastSeen",
      header: "Last active",
      priority: 2,
      cell: (session) => <Text size="sm">{formatRelative(session.lastSeenAt)}</Text>,
    },
    {
      key: "signedIn",
      header: "Signed in",
      priority: 4,
      isNowrap: true,
      cell: (session) => (
        <Text size="sm" c="dimmed">
          {formatDateTime(session.createdAt)}
        </Text>
      ),
    },
    {
      key: "expires",
      header: "Expires",
      priority: 3,
      isNowrap: true,
      cell: (session) => (
        <Text size="sm" c="dimmed" title={`Ends when idle until ${formatDateTime(session.idleExpiresAt)}`}>
          {formatDateTime(session.expiresAt)}
        </Text>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (session) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => onRevoke(session)}
          aria-label={
            session.current
              ? "Sign out of this browser"
              : `Revoke session: ${describeUserAgent(session.userAgent)}, ${session.user.name}`
          }
        >
          {session.current ? "Sign out" : "Revoke"}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      rows={sessions}
      columns={columns}
      rowKey={(session) => session.id}
      rowName={(session) => `${describeUserAgent(session.userAgent)}, ${session.user.name}`}
      label="Sessions"
    />
  );
}
