import { Card, Select, Stack, Text, Title } from "@mantine/core";
import { IconListSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { AdminsOnly } from "../components/ui/admins-only";
import { ListSection, pagesOf } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { AuditTable } from "../features/audit/components/audit-table";
import { VerifyChain } from "../features/audit/components/verify-chain";
import { useAuditActions, useAuditEvents } from "../features/audit/hooks/use-audit";
import { useIsAdmin } from "../features/auth/hooks/use-me";

/** The workspace's audit log (admins): every change, filterable, and the chain's integrity. */
export function AuditPage() {
  const isAdmin = useIsAdmin();
  if (!isAdmin) return <AdminsOnly title="Audit log" what="the audit log" />;
  return <AuditLog />;
}

function AuditLog() {
  const [action, setAction] = useState<string | null>(null);
  const events = useAuditEvents({ action: action ?? undefined });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const recorded = useAuditActions();
  const actionOptions = useMemo(
    () => [...new Set([...(recorded.data?.items ?? []), ...items.map((event) => event.action)])].sort(),
    [recorded.data, items],
  );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in the workspace: who made it, when, from where, and what it changed. Events are hash-chained, so an edited or deleted event breaks the chain."
      />
      <Stack gap="lg">
        <Card>
          <Title order={2} size="h3" mb={4}>
            Integrity
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Re-compute every event's hash and check each one links to the one before.
          </Text>
          <VerifyChain />
        </Card>
        <ListSection
          filters={
            <Select
              label="Action"
              placeholder="All actions"
              data={actionOptions}
              value={action}
              onChange={setAction}
              clearable
              searchable
              w={{ base: "100%", xs: 280 }}
              nothingFoundMessage="No such action"
            />
          }
          query={events}
          loadingLabel="Loading events…"
          isEmpty={items.length === 0}
          empty={{
            icon: IconListSearch,
            title: action ? `No “${action}” events` : "No events yet",
            description: action
              ? "Choose another action or clear the filter."
              : "Changes in the workspace will show up here.",
          }}
          pagination={pagesOf(events, "events")}
        >
          <AuditTable events={items} />
        </ListSection>
      </Stack>
    </>
  );
}
