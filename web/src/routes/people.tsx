import { Button, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUserPlus, IconUserSearch } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { User } from "#contracts/people";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { ClearFiltersButton, ListSection, pagesOf } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { InviteDialog } from "../features/invitations/components/invite-dialog";
import { PendingInvitations } from "../features/invitations/components/pending-invitations";
import type { PeopleFilters as Filters } from "../features/people/api";
import { PeopleFilters } from "../features/people/components/people-filters";
import { PeopleTable } from "../features/people/components/people-table";
import { PersonDialog } from "../features/people/components/person-dialog";
import { usePeople, useUpdateUser } from "../features/people/hooks/use-people";
import { isApiError } from "../lib/api";

const route = getRouteApi("/app/people");

/** Everyone in the workspace: find people; admins invite, change roles and teams, deactivate. */
export function PeoplePage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: Filters = { q: search.q, teamId: search.teamId, role: search.role, status: search.status };
  const people = usePeople(filters);
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [resetCount, setResetCount] = useState(0);

  const setFilters = (next: Filters) => void navigate({ search: { ...next }, replace: true });
  const closeInvite = () => void navigate({ search: (previous) => ({ ...previous, open: undefined }), replace: true });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(filters.q || filters.teamId || filters.role || filters.status);

  const handleToggleStatus = () => {
    if (!toggling) return;
    const status = toggling.status === "active" ? "deactivated" : "active";
    update.mutate(
      { id: toggling.id, body: { version: toggling.version, status } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message:
              status === "deactivated"
                ? `${saved.name} is deactivated and signed out`
                : `${saved.name} is active again`,
          });
          setToggling(null);
        },
        onError: (error) => {
          notifications.show(
            isApiError(error, "conflict")
              ? {
                  color: "orange",
                  title: "Someone changed this person meanwhile",
                  message: "The list now shows their change. Check it, then try again.",
                }
              : { color: "red", title: "Could not change the status", message: describeError(error) },
          );
          setToggling(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in your workspace, their home team and what they may do."
        actions={
          isAdmin && (
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden="true" />}
              onClick={() => void navigate({ search: (previous) => ({ ...previous, open: "invite" }) })}
            >
              Invite someone
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <ListSection
          filters={<PeopleFilters key={resetCount} filters={filters} onChange={setFilters} />}
          query={people}
          loadingLabel="Loading people…"
          isEmpty={items.length === 0}
          empty={{
            icon: IconUserSearch,
            title: hasFilters ? "Nobody matches these filters" : "Nobody here yet",
            description: hasFilters
              ? "Try another search, or clear the filters."
              : "Invite your marketing and IT colleagues to get started.",
            action: hasFilters ? (
              <ClearFiltersButton
                onClick={() => {
                  setFilters({});
                  setResetCount((count) => count + 1);
                }}
              />
            ) : (
              isAdmin && (
                <Button
                  size="xs"
                  onClick={() => void navigate({ search: (previous) => ({ ...previous, open: "invite" }) })}
                >
                  Invite someone
                </Button>
              )
            ),
          }}
          pagination={pagesOf(people, "people", { one: "person", count: items.length })}
        >
          <PeopleTable
            people={items}
            meId={me.user.id}
            isAdmin={isAdmin}
            onEdit={setEditing}
            onToggleStatus={setToggling}
          />
        </ListSection>
        {isAdmin && <PendingInvitations />}
      </Stack>
      <PersonDialog
        person={editing}
        isAdmin={isAdmin}
        isSelf={editing?.id === me.user.id}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.status === "active" ? `Deactivate ${toggling?.name}?` : `Reactivate ${toggling?.name}?`}
        confirmLabel={toggling?.status === "active" ? "Deactivate" : "Reactivate"}
        isDanger={toggling?.status === "active"}
        isLoading={update.isPending}
        onConfirm={handleToggleStatus}
        onClose={() => setToggling(null)}
      >
        {toggling?.status === "active"
          ? "They are signed out everywhere at once and can no longer sign in. Their work stays. You can reactivate them later."
          : "They can sign in again with their password, with the same team and role as before."}
      </ConfirmDialog>
      {isAdmin && <InviteDialog opened={search.open === "invite"} onClose={closeInvite} />}
    </>
  );
}
