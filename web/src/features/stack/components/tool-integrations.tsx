import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconArrowRight, IconArrowsLeftRight, IconPlugConnected, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { Integration, Tool } from "#contracts/stack";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { AnchorLink } from "../../../components/ui/links";
import { describeError, ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { useDeleteIntegration, useToolIntegrations } from "../hooks/use-stack";
import { methodLabels } from "../labels";
import { IntegrationDialog } from "./integration-dialog";
import { ToolNeighbourhood } from "./tool-neighbourhood";

/** The integrations in and out of a tool: what moves, how, and who owns it; add and remove. */
export function ToolIntegrations({ tool, canWrite }: { tool: Tool; canWrite: boolean }) {
  const integrations = useToolIntegrations(tool.id);
  const remove = useDeleteIntegration();
  const [isAdding, setIsAdding] = useState(false);
  const [removing, setRemoving] = useState<Integration | null>(null);
  const items = integrations.data ?? [];

  const handleRemove = () => {
    if (!removing) return;
    remove.mutate(removing.id, {
      onSuccess: () => notifications.show({ color: "indigo", message: "Integration removed" }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not remove it", message: describeError(error) }),
      onSettled: () => setRemoving(null),
    });
  };

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Integrations
        </Title>
        {canWrite && !tool.archived && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlugConnected size={14} aria-hidden="true" />}
            onClick={() => setIsAdding(true)}
          >
            Add integration
          </Button>
        )}
      </Group>
      {integrations.isPending ? (
        <PageLoader label="Loading integrations…" />
      ) : integrations.isError ? (
        <ErrorState error={integrations.error} onRetry={() => integrations.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={IconPlugConnected}
          title="Not connected to anything"
          description="An island: no data flows in or out. Add an integration if it exchanges data with another tool."
        />
      ) : (
        <>
          <ToolNeighbourhood tool={tool} integrations={items} />
          <div className="table-scroll">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Direction</Table.Th>
                  <Table.Th scope="col">Other tool</Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    Data objects
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    Method
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    Owner
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((integration) => {
                  const isOut = integration.from.id === tool.id;
                  const other = isOut ? integration.to : integration.from;
                  const DirectionIcon =
                    integration.direction === "two_way" ? IconArrowsLeftRight : isOut ? IconArrowRight : IconArrowLeft;
                  const directionLabel =
                    integration.direction === "two_way" ? "Both ways" : isOut ? "Sends to" : "Receives from";
                  return (
                    <Table.Tr key={integration.id}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <DirectionIcon size={16} aria-hidden="true" />
                          <Text size="sm">{directionLabel}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink to="/stack/tools/$id" params={{ id: other.id }} size="sm">
                          {other.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Group gap={4}>
                          {integration.dataObjects.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            integration.dataObjects.map((object) => (
                              <Badge key={object} variant="outline" color="gray" tt="none" size="sm">
                                {object}
                              </Badge>
                            ))
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{methodLabels[integration.method]}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{integration.owner?.name ?? "—"}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {canWrite && (
                          <Tooltip label="Remove">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Remove the integration with ${other.name}`}
                              onClick={() => setRemoving(integration)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
      <Stack>
        <IntegrationDialog tool={tool} opened={isAdding} onClose={() => setIsAdding(false)} />
        <ConfirmDialog
          opened={removing !== null}
          title="Remove this integration?"
          confirmLabel="Remove"
          isDanger
          isLoading={remove.isPending}
          onConfirm={handleRemove}
          onClose={() => setRemoving(null)}
        >
          {removing && `${removing.from.name} → ${removing.to.name} leaves the graph. The tools themselves stay.`}
        </ConfirmDialog>
      </Stack>
    </Card>
  );
}
