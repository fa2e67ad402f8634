import { Badge, Button, Table, Text } from "@mantine/core";
import type { ApiToken } from "../../../../../contracts/people";
import { formatDate, formatRelative } from "../../../lib/format";

interface TokensTableProps {
  tokens: ApiToken[];
  showOwner: boolean;
  onRevoke: (token: ApiToken) => void;
}

/** Tokens with their prefix (to recognise them), access, use and expiry. */
export function TokensTable({ tokens, showOwner, onRevoke }: TokensTableProps) {
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={showOwner ? 820 : 700}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Name
            </Table.Th>
            {showOwner && <Table.Th scope="col">Owner</Table.Th>}
            <Table.Th scope="col">Token</Table.Th>
            <Table.Th scope="col">Access</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td pl="lg">
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">{token.user.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {token.prefix}…
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={token.scope === "read" ? "gray" : "orange"} tt="none">
                  {token.scope === "read" ? "Read only" : "Read and write"}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatRelative(token.lastUsedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDate(token.expiresAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" pr="lg">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke token ${token.name}`}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
