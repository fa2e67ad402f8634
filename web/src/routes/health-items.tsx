import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock, IconMessageCircleQuestion, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { ItemCriterion, PUBLISHED_FIGURES, type SurveyItem } from "#contracts/health";
import { ListSection } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { HealthNav } from "../features/health/components/health-nav";
import { ItemFormDialog } from "../features/health/components/item-form";
import { useSurveyItems, useUpdateSurveyItem } from "../features/health/hooks/use-health";
import { itemCriterionLabel } from "../features/health/labels";
import { handleStaleEdit } from "../lib/stale-edit";

/** One statement of the bank with both wordings and what may still be done with it. */
function ItemRow({ item, isAdmin, onReword }: { item: SurveyItem; isAdmin: boolean; onReword: () => void }) {
  const update = useUpdateSurveyItem();
  const toggle = () =>
    update.mutate(
      { id: item.id, body: { version: item.version, status: item.status === "active" ? "retired" : "active" } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "indigo",
            message:
              saved.status === "retired"
                ? `${saved.code} retired: no longer rotated in`
                : `${saved.code} back in the rotation`,
          }),
        onError: (error) => {
          if (!handleStaleEdit(error, "statement"))
            notifications.show({ color: "red", title: "Not saved", message: describeError(error) });
        },
      },
    );
  return (
    <Stack gap={4} component="li" py="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {item.code}
        </Text>
        {item.shipped && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            Shipped
          </Badge>
        )}
        {item.live && (
          <Badge
            size="sm"
            variant="light"
            color="indigo"
            tt="none"
            leftSection={<IconLock size={11} aria-hidden="true" />}
          >
            Asked: wording locked
          </Badge>
        )}
        {item.status === "retired" && (
          <Badge size="sm" variant="light" color="orange" tt="none">
            Retired
          </Badge>
        )}
        {item.publishedFigure && (
          <Badge size="sm" variant="light" color="grape" tt="none">
            Compared with the published {PUBLISHED_FIGURES[item.publishedFigure].percent}%
          </Badge>
        )}
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          Marketing reads:
        </Text>{" "}
        {item.text.marketing}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          IT reads:
        </Text>{" "}
        {item.text.it}
      </Text>
      {isAdmin && item.criterion !== "outcome" && (
        <Group gap="xs" mt={2}>
          {!item.live && (
            <Button size="compact-xs" variant="default" onClick={onReword} aria-label={`Reword ${item.code}`}>
              Reword
            </Button>
          )}
          <Button
            size="compact-xs"
            variant="default"
            onClick={toggle}
            loading={update.isPending}
            aria-label={`${item.status === "active" ? "Retire" : "Bring back"} ${item.code}`}
          >
            {item.status === "active" ? "Retire" : "Bring back"}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The item bank: the statements pulses rotate through, grouped by criterion. */
export function HealthItemsPage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const items = useSurveyItems();
  const [editing, setEditing] = useState<SurveyItem | "new" | null>(null);

  return (
    <>
      <PageHeader
        title="Item bank"
        description="The statements pulses rotate through, each worded for the side that reads it. A statement once asked is never reworded: that would break the trend. Retire it and add a new one instead."
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing("new")}>
              New statement
            </Button>
          )
        }
      />
      <HealthNav />
      <ListSection
        query={items}
        loadingLabel="Loading the item bank…"
        isEmpty={items.data?.length === 0}
        withCard={false}
        empty={{
          icon: IconMessageCircleQuestion,
          title: "No statement yet",
          description: "Pulses ask statements from the bank, each worded for the side that reads it.",
          action: isAdmin && (
            <Button size="xs" onClick={() => setEditing("new")}>
              Add the first statement
            </Button>
          ),
        }}
      >
        {items.data && (
          <Stack gap="lg">
            {ItemCriterion.options.map((criterion) => {
              const list = (items.data ?? []).filter((item) => item.criterion === criterion);
              if (list.length === 0) return null;
              return (
                <Card key={criterion} component="section" aria-labelledby={`bank-${criterion}`} p="lg">
                  <Group justify="space-between" mb={4}>
                    <Title order={2} size="h3" id={`bank-${criterion}`}>
                      {itemCriterionLabel(criterion)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {list.length} {list.length === 1 ? "statement" : "statements"}
                    </Text>
                  </Group>
                  <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                    {list.map((item) => (
                      <ItemRow key={item.id} item={item} isAdmin={isAdmin} onReword={() => setEditing(item)} />
                    ))}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        )}
      </ListSection>
      {isAdmin && (
        <ItemFormDialog
          opened={editing !== null}
          item={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
