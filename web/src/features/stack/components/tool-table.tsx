import { Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { Tool } from "../../../../../contracts/stack";
import { AnchorLink } from "../../../components/ui/links";
import { categoryMeta, formatMoney, lifecycleLabels } from "../labels";
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
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={{ base: 0, md: 940 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Tool
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Owners
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md" ta="right">
              Annual cost
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Seats used
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Cancel by
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md" pr="lg">
              Compliance
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tools.map((tool) => (
            <Table.Tr key={tool.id}>
              <Table.Td pl="lg">
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
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ToolStatusBadge status={tool.status} />
                  <Text size="xs" c="dimmed">
                    {lifecycleLabels[tool.lifecycle]}
                  </Text>
                  <Group hiddenFrom="md" gap={4}>
                    <ComplianceBadge compliance={tool.compliance} />
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Stack gap={2}>
                  <Owner person={tool.businessOwner} side="business" />
                  <Owner person={tool.technicalOwner} side="technical" />
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="md" ta="right" style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{formatMoney(tool.annualCost)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <UtilisationBar tool={tool} />
              </Table.Td>
              <Table.Td visibleFrom="md">
                <CancelByCountdown cancelBy={tool.cancelBy} compact />
              </Table.Td>
              <Table.Td visibleFrom="md" pr="lg">
                <ComplianceBadge compliance={tool.compliance} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
