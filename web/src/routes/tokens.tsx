import { Button, Code, SegmentedControl, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { ApiToken } from "#contracts/people";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { ListSection, pagesOf } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import type { TokenScopeFilter } from "../features/tokens/api";
import { CreateTokenDialog } from "../features/tokens/components/create-token-dialog";
import { TokensTable } from "../features/tokens/components/tokens-table";
import { useRevokeToken, useTokens } from "../features/tokens/hooks/use-tokens";

const route = getRouteApi("/app/tokens");

/** Personal API tokens for scripts: create (secret shown once), list, revoke. */
export function TokensPage() {
  const isAdmin = useIsAdmin();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [scope, setScope] = useState<TokenScopeFilter>("mine");
  const tokens = useTokens(scope);
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  const openCreate = () => void navigate({ search: { open: "create" } });
  const closeCreate = () => void navigate({ search: {}, replace: true });

  const handleRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => notifications.show({ color: "indigo", message: `Token “${revoking.name}” revoked` }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not revoke", message: describeError(error) }),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens let scripts and other systems use Tandem's API as you. Send one in the{" "}
            <Code>Authorization: Bearer …</Code> header. A token can do what you can do, within its access, until it
            expires or is revoked.
          </>
        }
        actions={
          <>
            {isAdmin && (
              <SegmentedControl
                aria-label="Whose tokens"
                value={scope}
                onChange={(value) => setScope(value as TokenScopeFilter)}
                data={[
                  { value: "mine", label: "Mine" },
                  { value: "all", label: "Everyone's" },
                ]}
              />
            )}
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={openCreate}>
              Create token
            </Button>
          </>
        }
      />
      <ListSection
        query={tokens}
        loadingLabel="Loading tokens…"
        isEmpty={items.length === 0}
        empty={{
          icon: IconKey,
          title: scope === "all" ? "No live tokens in the workspace" : "You have no API tokens",
          description:
            "Create one for a script, a spreadsheet import or an integration. You can revoke it at any time.",
          action: (
            <Button variant="default" size="xs" onClick={openCreate}>
              Create token
            </Button>
          ),
        }}
        pagination={pagesOf(tokens, "tokens")}
      >
        <TokensTable tokens={items} showOwner={scope === "all"} onRevoke={setRevoking} />
      </ListSection>
      <Text size="xs" c="dimmed" mt="md">
        The API is described at <Code>/api/docs</Code>. Tokens cannot create or revoke other tokens or sessions.
      </Text>
      <CreateTokenDialog opened={search.open === "create"} onClose={closeCreate} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        isDanger
        isLoading={revoke.isPending}
        onConfirm={handleRevoke}
        onClose={() => setRevoking(null)}
      >
        Scripts using <strong>{revoking?.name}</strong> stop working at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
