import { Button, Card, Collapse, Group, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { AuditEvent } from "#contracts/audit";
import { EmptyState } from "../../../components/ui/empty-state";
import { LoadMore } from "../../../components/ui/load-more";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { apiPages } from "../../../lib/api-query";
import { AuditDiff } from "../../audit/components/audit-diff";

const ACTION_WORDS: Record<string, string> = {
  "tool.created": "added the tool",
  "tool.updated": "changed",
  "tool.archived": "archived the tool",
  "tool.restored": "restored the tool",
};

function describe(event: AuditEvent): string {
  const words = ACTION_WORDS[event.action] ?? event.action;
  if (event.action !== "tool.updated" || typeof event.after !== "object" || event.after === null) return words;
  const fields = Object.keys(event.after).map((field) => field.replace(/([A-Z])/g, " $1").toLowerCase());
  return `${words} ${fields.join(", ")}`;
}

function HistoryItem({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const hasChanges = event.before !== null || event.after !== null;
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span fw={600}>
          {event.actor?.name ?? event.actorLabel ?? "Tandem"}
        </Text>{" "}
        {describe(event)}
      </Text>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {new Date(event.at).toLocaleString()}
        </Text>
        {hasChanges && (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen((was) => !was)} aria-expanded={open}>
            {open ? "Hide details" : "Details"}
          </Button>
        )}
      </Group>
      <Collapse expanded={open}>{open && <AuditDiff before={event.before} after={event.after} />}</Collapse>
    </Stack>
  );
}

/** The tool's history from the audit log: who changed what and when. */
export function ToolHistory({ toolId }: { toolId: string }) {
  const history = useInfiniteQuery(
    apiPages(stackToolsApi.toolHistory, { params: { id: toolId }, query: { limit: 20 } }),
  );
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        History
      </Title>
      {history.isPending ? (
        <PageLoader label="Loading history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState icon={IconHistory} title="No history yet" description="Changes to this tool will be listed here." />
      ) : (
        <>
          <Timeline bulletSize={14} lineWidth={2}>
            {events.map((event) => (
              <Timeline.Item key={event.id}>
                <HistoryItem event={event} />
              </Timeline.Item>
            ))}
          </Timeline>
          <LoadMore
            hasMore={history.hasNextPage}
            isLoading={history.isFetchingNextPage}
            onLoadMore={() => history.fetchNextPage()}
            noun="changes"
          />
        </>
      )}
    </Card>
  );
}
