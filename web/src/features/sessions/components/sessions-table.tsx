import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import type { Session } from "../../../../../contracts/people";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { describeUserAgent } from "../user-agent";

interface SessionsTableProps {
  sessions: Session[];
  showOwner: boolean;
  onRevoke: (session: Session) => void;
}

/** Sessions with device, address, activity and expiry; the current one marked. */
export function SessionsTable({ sessions, showOwner, onRevoke }: SessionsTableProps) {
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={showOwner ? 820 : 680}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Device
            </Table.Th>
            {showOwner && <Table.Th scope="col">Person</Table.Th>}
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Last active</Table.Th>
            <Table.Th scope="col">Signed in</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td pl="lg">
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
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">{session.user.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {session.ip ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatRelative(session.lastSeenAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" className="nowrap">
                  {formatDateTime(session.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c="dimmed"
                  className="nowrap"
                  title={`Ends when idle until ${formatDateTime(session.idleExpiresAt)}`}
                >
                  {formatDateTime(session.expiresAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" pr="lg">
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
