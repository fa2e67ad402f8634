import { ActionIcon, Card, Group, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMailOff, IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Invitation } from "../../../../../contracts/people";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { describeError, ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { formatDate, formatRelative } from "../../../lib/format";
import { RoleBadge } from "../../people/components/person-badges";
import { TeamBadge } from "../../teams/components/team-badge";
import { usePendingInvitations, useRevokeInvitation } from "../hooks/use-invitations";

/** Invitations not yet accepted, with revoke (admins). */
export function PendingInvitations() {
  const invitations = usePendingInvitations(true);
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const handleRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifications.show({ color: "indigo", message: `Invitation for ${revoking.email} revoked` });
        setRevoking(null);
      },
      onError: (error) => {
        notifications.show({ color: "red", title: "Could not revoke", message: describeError(error) });
        setRevoking(null);
      },
    });
  };

  return (
    <Card p={0}>
      <Group justify="space-between" p="lg" pb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3">
            Pending invitations
          </Title>
          <Text size="sm" c="dimmed">
            Links sent but not yet used. Revoke one to make its link stop working.
          </Text>
        </Stack>
      </Group>
      {invitations.isPending ? (
        <PageLoader label="Loading invitations…" />
      ) : invitations.isError ? (
        <Stack p="lg" pt={0}>
          <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
        </Stack>
      ) : invitations.data.items.length === 0 ? (
        <EmptyState
          icon={IconMailOff}
          title="No pending invitations"
          description="Invite someone and their link shows up here until they accept it."
        />
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="sm" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" pl="lg">
                  Email
                </Table.Th>
                <Table.Th scope="col">Team</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Invited</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td pl="lg">
                    <Text size="sm" fw={500}>
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TeamBadge team={invitation.team} />
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={invitation.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatRelative(invitation.createdAt)}
                      {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatDate(invitation.expiresAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" pr="lg">
                    <Tooltip label="Revoke">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setRevoking(invitation)}
                        aria-label={`Revoke invitation for ${invitation.email}`}
                      >
                        <IconX size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        isDanger
        isLoading={revoke.isPending}
        onConfirm={handleRevoke}
        onClose={() => setRevoking(null)}
      >
        The link sent to <strong>{revoking?.email}</strong> stops working at once. You can invite them again later.
      </ConfirmDialog>
    </Card>
  );
}
