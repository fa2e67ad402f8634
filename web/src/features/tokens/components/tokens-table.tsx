import { Badge, Button, Text } from "@mantine/core";
import type { ApiToken } from "#contracts/people";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { formatDate, formatRelative } from "../../../lib/format";

interface TokensTableProps {
  tokens: ApiToken[];
  showOwner: boolean;
  onRevoke: (token: ApiToken) => void;
}

/** Tokens with their prefix (to recognise them), access, use and expiry. */
export function TokensTable({ tokens, showOwner, onRevoke }: TokensTableProps) {
  const columns: DataColumn<ApiToken>[] = [
    {
      key: "name",
      header: "Name",
      cell: (token) => (
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      ),
    },
    ...(showOwner
      ? [{ key: "owner", header: "Owner", cell: (token: ApiToken) => <Text size="sm">{token.user.name}</Text> }]
      : []),
    {
      key: "prefix",
      header: "Token",
      priority: 3,
      cell: (token) => (
        <Text size="sm" ff="monospace">
          {token.prefix}…
        </Text>
      ),
    },
    {
      key: "access",
      header: "Access",
      priority: 2,
      cell: (token) => (
        <Badge color={token.scope === "read" ? "gray" : "orange"} tt="none">
          {token.scope === "read" ? "Read only" : "Read and write"}
        </Badge>
      ),
    },
    {
      key: "lastUsed",
      header: "Last used",
      priority: 3,
      cell: (token) => (
        <Text size="sm" c="dimmed">
          {formatRelative(token.lastUsedAt)}
        </Text>
      ),
    },
    {
      key: "expires",
      header: "Expires",
      priority: 2,
      isNowrap: true,
      cell: (token) => (
        <Text size="sm" c="dimmed">
          {formatDate(token.expiresAt)}
        </Text>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (token) => (
        <Button size="xs" variant="default" onClick={() => onRevoke(token)} aria-label={`Revoke token ${token.name}`}>
          Revoke
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      rows={tokens}
      columns={columns}
      rowKey={(token) => token.id}
      rowName={(token) => token.name}
      label="API tokens"
    />
  );
}
