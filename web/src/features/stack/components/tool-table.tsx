import { Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { Tool } from "#contracts/stack";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { AnchorLink } from "../../../components/ui/links";
import { formatMoneyOf } from "../../../lib/money";
import { categoryMeta, lifecycleLabels } from "../labels";
import { CancelByCountdown, ComplianceBadge, ToolStatusBadge, UtilisationBar } from "./tool-badges";

function Owner({ person, side }: { person: Tool["businessOwner"]; side: string }) {
  if (!person)
    return (
      <Text size="xs" c="var(--mantine-color-red-text)">
        No {side} owner
      </Text>
    );
  return (
    <Text size="xs" c={person.status === "deactivated" ? "var(--mantine-color-red-text)" : undefined}>
      {person.name}
      {person.status === "deactivated" ? " (deactivated)" : ""}
    </Text>
  );
}

/** The catalog: each tool with its category, status, owners, money, utilisation, cancel-by and compliance. */
export function ToolTable({ tools }: { tools: Tool[] }) {
  return (
    <DataTable rows={tools} columns={columns} rowKey={(tool) => tool.id} rowName={(tool) => tool.name} label="Tools" />
  );
}

const columns: DataColumn<Tool>[] = [
  {
    key: "tool",
    header: "Tool",
    cell: (tool) => (
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }} fw={600}>
            {tool.name}
          </AnchorLink>
          {tool.ownershipGaps.length > 0 && (
            <Tooltip label={tool.ownershipGaps.join("; ")}>
              <IconAlertTriangle
                size={15}
                color="var(--mantine-color-orange-7)"
                aria-label={`Needs an owner: ${tool.ownershipGaps.join("; ")}`}
                role="img"
              />
            </Tooltip>
          )}
        </Group>
        {tool.vendor && tool.vendor !== tool.name && (
          <Text size="xs" c="dimmed">
            {tool.vendor}
          </Text>
        )}
        <Group gap={6} wrap="nowrap">
          <span
            aria-hidden="true"
            style={{
              width: 8,
              height: 8,
              borderRadius: 4,
              background: categoryMeta[tool.category].hex,
              flexShrink: 0,
            }}
          />
          <Text size="xs" c="dimmed" lineClamp={1}>
            {categoryMeta[tool.category].label} · {tool.subcategory}
          </Text>
        </Group>
      </Stack>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (tool) => (
      <Stack gap={4} align="flex-start">
        <ToolStatusBadge status={tool.status} />
        <Text size="xs" c="dimmed">
          {lifecycleLabels[tool.lifecycle]}
        </Text>
      </Stack>
    ),
  },
  {
    key: "owners",
    header: "Owners",
    priority: 3,
    cell: (tool) => (
      <Stack gap={2}>
        <Owner person={tool.businessOwner} side="business" />
        <Owner person={tool.technicalOwner} side="technical" />
      </Stack>
    ),
  },
  {
    key: "cost",
    header: "Annual cost",
    priority: 2,
    align: "right",
    isNowrap: true,
    cell: (tool) => <Text size="sm">{formatMoneyOf(tool.annualCost)}</Text>,
  },
  { key: "seats", header: "Seats used", priority: 4, cell: (tool) => <UtilisationBar tool={tool} /> },
  {
    key: "cancelBy",
    header: "Cancel by",
    priority: 3,
    cell: (tool) => <CancelByCountdown cancelBy={tool.cancelBy} compact />,
  },
  {
    key: "compliance",
    header: "Compliance",
    priority: 2,
    cell: (tool) => <ComplianceBadge compliance={tool.compliance} compact />,
  },
];
