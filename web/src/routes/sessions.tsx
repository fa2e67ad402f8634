import { SegmentedControl, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDevicesOff } from "@tabler/icons-react";
import { useState } from "react";
import type { Session } from "#contracts/people";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { ListSection, pagesOf } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useSignOut } from "../features/auth/hooks/use-auth-actions";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import type { SessionScope } from "../features/sessions/api";
import { SessionsTable } from "../features/sessions/components/sessions-table";
import { useRevokeSession, useSessions } from "../features/sessions/hooks/use-sessions";
import { describeUserAgent } from "../features/sessions/user-agent";

/** Where you are signed in, with revoke; admins can see everyone's. */
export function SessionsPage() {
  const isAdmin = useIsAdmin();
  const [scope, setScope] = useState<SessionScope>("mine");
  const sessions = useSessions(scope);
  const revoke = useRevokeSession();
  const signOut = useSignOut();
  const [revoking, setRevoking] = useState<Session | null>(null);
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];

  const handleRevoke = () => {
    if (!revoking) return;
    if (revoking.current) {
      signOut.mutate();
      return;
    }
    revoke.mutate(revoking.id, {
      onSuccess: () => notifications.show({ color: "indigo", message: "Session revoked; that browser is signed out" }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not revoke", message: describeError(error) }),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <>
      <PageHeader
        title="Sessions"
        description="Browsers signed in to your account. Revoke any you do not recognise — it is signed out at once. Sessions end after 8 hours idle or 7 days."
        actions={
          isAdmin && (
            <SegmentedControl
              aria-label="Whose sessions"
              value={scope}
              onChange={(value) => setScope(value as SessionScope)}
              data={[
                { value: "mine", label: "Mine" },
                { value: "all", label: "Everyone's" },
              ]}
            />
          )
        }
      />
      <ListSection
        query={sessions}
        loadingLabel="Loading sessions…"
        isEmpty={items.length === 0}
        empty={{ icon: IconDevicesOff, title: "No live sessions", description: "Nobody is signed in right now." }}
        pagination={pagesOf(sessions, "sessions")}
      >
        <SessionsTable sessions={items} showOwner={scope === "all"} onRevoke={setRevoking} />
      </ListSection>
      <Text size="xs" c="dimmed" mt="md">
        Changing your password signs out every other session.
      </Text>
      <ConfirmDialog
        opened={revoking !== null}
        title={revoking?.current ? "Sign out of this browser?" : "Revoke this session?"}
        confirmLabel={revoking?.current ? "Sign out" : "Revoke session"}
        isDanger
        isLoading={revoke.isPending || signOut.isPending}
        onConfirm={handleRevoke}
        onClose={() => setRevoking(null)}
      >
        {revoking?.current
          ? "This is the browser you are using now; you will need to sign in again."
          : `${describeUserAgent(revoking?.userAgent ?? null)} (${revoking?.user.name}) is signed out at once.`}
      </ConfirmDialog>
    </>
  );
}
