import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import type { ActionItem } from "#contracts/rituals";
import { AnchorLink } from "../../../components/ui/links";
import { describeError } from "../../../components/ui/page-error";
import { formatDate } from "../../../lib/format";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useUpdateActionItem } from "../hooks/use-rituals";
import { sideLabels } from "../labels";
import { PriorityBadge } from "./rituals-badges";

const badgeStyle = { flexShrink: 0, overflow: "visible" } as const;

/** Due date in words with its state: overdue, due soon, done late. */
function DueBadges({ item }: { item: ActionItem }) {
  if (item.status === "done") {
    return item.late ? (
      <Badge color="orange" variant="light" size="sm" style={badgeStyle}>
        Done late
      </Badge>
    ) : (
      <Badge color="teal" variant="light" size="sm" style={badgeStyle}>
        Done on time
      </Badge>
    );
  }
  if (item.late) {
    return (
      <Badge color="red" variant="filled" size="sm" style={badgeStyle}>
        Overdue
      </Badge>
    );
  }
  if (item.dueSoon) {
    return (
      <Badge color="orange" variant="light" size="sm" style={badgeStyle}>
        Due soon
      </Badge>
    );
  }
  return null;
}

function DoneButton({ item }: { item: ActionItem }) {
  const update = useUpdateActionItem();
  const isDone = item.status === "done";
  // The item leaves the list it is shown in once saved: the promise, unlike mutate's callbacks, outlives the button.
  const handleClick = async () => {
    try {
      await update.mutateAsync({ id: item.id, body: { version: item.version, status: isDone ? "open" : "done" } });
      notifications.show({ color: "indigo", message: isDone ? `${item.title} reopened` : `${item.title} done` });
    } catch (error) {
      if (!handleStaleEdit(error, "action item")) notifications.show({ color: "red", message: describeError(error) });
    }
  };
  return (
    <Button
      size="compact-sm"
      variant={isDone ? "subtle" : "light"}
      leftSection={isDone ? undefined : <IconCheck size={14} aria-hidden="true" />}
      loading={update.isPending}
      aria-label={`${isDone ? "Reopen" : "Mark done"}: ${item.title}`}
      onClick={() => void handleClick()}
    >
      {isDone ? "Reopen" : "Mark done"}
    </Button>
  );
}

/** One commitment: what, by when (overdue marked), priority, where it was agreed, how often carried over. */
export function ActionItemCard({
  item,
  canWrite,
  isHighlighted,
  showOwner,
}: {
  item: ActionItem;
  canWrite: boolean;
  isHighlighted?: boolean;
  showOwner?: boolean;
}) {
  return (
    <Card
      withBorder
      p="md"
      component="li"
      id={`action-item-${item.id}`}
      style={{
        listStyle: "none",
        borderColor: isHighlighted ? "var(--mantine-color-indigo-6)" : undefined,
        borderWidth: isHighlighted ? 2 : undefined,
      }}
      aria-current={isHighlighted ? "true" : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 260px", minWidth: 0 }}>
          <Text fw={600} td={item.status === "done" ? "line-through" : undefined}>
            {item.title}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="sm" c={item.late && item.status === "open" ? "var(--mantine-color-red-text)" : undefined}>
              Due {formatDate(`${item.dueDate}T12:00:00Z`)}
            </Text>
            <DueBadges item={item} />
            <PriorityBadge priority={item.priority} />
            {item.carriedOverCount > 0 && (
              <Badge color="pink" variant="light" size="sm" style={badgeStyle}>
                Carried over {item.carriedOverCount}×
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {showOwner ? `${item.owner.name} (${sideLabels[item.side]}) · ` : ""}
            {item.sourceMeeting ? (
              <>
                Agreed in{" "}
                <AnchorLink
                  to="/rituals/meetings/$id"
                  params={{ id: item.sourceMeeting.id }}
                  size="xs"
                  underline="always"
                >
                  {item.sourceMeeting.title}
                </AnchorLink>{" "}
                on {formatDate(item.sourceMeeting.startsAt)}
              </>
            ) : (
              "Agreed outside a meeting"
            )}
            {item.completedAt ? ` · done ${formatDate(item.completedAt)}` : ""}
          </Text>
        </Stack>
        {canWrite && <DoneButton item={item} />}
      </Group>
    </Card>
  );
}
