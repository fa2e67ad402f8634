import { ActionIcon, Stack, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMailOff, IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Invitation } from "#contracts/people";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { ListSection } from "../../../components/ui/list-page";
import { describeError } from "../../../components/ui/page-error";
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

  const columns: DataColumn<Invitation>[] = [
    {
      key: "email",
      header: "Email",
      cell: (invitation) => (
        <Text size="sm" fw={500}>
          {invitation.email}
        </Text>
      ),
    },
    { key: "team", header: "Team", priority: 2, cell: (invitation) => <TeamBadge team={invitation.team} /> },
    { key: "role", header: "Role", priority: 2, cell: (invitation) => <RoleBadge role={invitation.role} /> },
    {
      key: "invited",
      header: "Invited",
      priority: 3,
      cell: (invitation) => (
        <Text size="sm" c="dimmed">
          {formatRelative(invitation.createdAt)}
          {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ""}
        </Text>
      ),
    },
    {
      key: "expires",
      header: "Expires",
      priority: 3,
      isNowrap: true,
      cell: (invitation) => (
        <Text size="sm" c="dimmed">
          {formatDate(invitation.expiresAt)}
        </Text>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      align: "right",
      cell: (invitation) => (
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
      ),
    },
  ];
  const items = invitations.data?.items ?? [];

  return (
    <>
      <ListSection
        filters={
          <Stack gap={2}>
            <Title order={2} size="h3">
              Pending invitations
            </Title>
            <Text size="sm" c="dimmed">
              Links sent but not yet used. Revoke one to make its link stop working.
            </Text>
          </Stack>
        }
        query={invitations}
        loadingLabel="Loading invitations…"
        isEmpty={items.length === 0}
        empty={{
          icon: IconMailOff,
          title: "No pending invitations",
          description: "Invite someone and their link shows up here until they accept it.",
        }}
      >
        <DataTable
          rows={items}
          columns={columns}
          rowKey={(invitation) => invitation.id}
          rowName={(invitation) => invitation.email}
          label="Pending invitations"
        />
      </ListSection>
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
    </>
  );
}
