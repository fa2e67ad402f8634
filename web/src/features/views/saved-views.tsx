import { ActionIcon, Button, Checkbox, Divider, Group, Modal, Popover, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBookmark, IconBookmarkPlus, IconTrash, IconUsers } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { viewsApi } from "#contracts/api/views";
import type { SavedView } from "#contracts/views";
import { describeError } from "../../components/ui/page-error";
import { call, isApiError, keyOf } from "../../lib/api";
import { apiQuery } from "../../lib/api-query";

type Page = SavedView["page"];

interface SavedViewsProps {
  page: Page;
  /** The page's filters now, as its URL keeps them (empty values are left out). */
  current: Record<string, string | undefined>;
  onApply: (query: Record<string, string>) => void;
}

/** A "Views" menu for a list page: apply a saved set of filters, save the current one, delete your own. */
export function SavedViews({ page, current, onApply }: SavedViewsProps) {
  const queryKey = keyOf(viewsApi.list, { query: { page } });
  const queryClient = useQueryClient();
  const views = useQuery(apiQuery(viewsApi.list, { query: { page } }));
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = Object.fromEntries(
    Object.entries(current).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const save = useMutation({
    mutationFn: () => call(viewsApi.create, { body: { page, name, query, shared } }),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey });
      notifications.show({ color: "indigo", message: `View “${view.name}” saved` });
      setSaving(false);
      setName("");
      setShared(false);
    },
    onError: (problem) =>
      setError(isApiError(problem) && problem.fieldErrors[0] ? problem.fieldErrors[0].message : describeError(problem)),
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => call(viewsApi.remove, { params: { id: view.id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey }),
    onError: (problem) =>
      notifications.show({ color: "red", title: "Could not delete the view", message: describeError(problem) }),
  });
  const items = views.data?.items ?? [];
  return (
    <>
      <Popover position="bottom-end" width={300} withinPortal opened={open} onChange={setOpen} trapFocus>
        <Popover.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} aria-hidden="true" />}
            onClick={() => setOpen((was) => !was)}
            aria-expanded={open}
          >
            Views
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Stack gap={2}>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" px="xs" py={4}>
                No saved view yet
              </Text>
            ) : (
              items.map((view) => (
                <Group key={view.id} gap={4} wrap="nowrap">
                  <Button
                    variant="subtle"
                    color="gray"
                    justify="flex-start"
                    style={{ flex: 1 }}
                    leftSection={
                      view.shared ? (
                        <IconUsers size={14} aria-hidden="true" />
                      ) : (
                        <IconBookmark size={14} aria-hidden="true" />
                      )
                    }
                    onClick={() => {
                      setOpen(false);
                      onApply(view.query);
                    }}
                  >
                    {view.name}
                    {!view.isMine && ` · ${view.owner.name}`}
                  </Button>
                  {view.isMine && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Delete the view ${view.name}`}
                      onClick={() => remove.mutate(view)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
              ))
            )}
            <Divider my={4} />
            <Button
              variant="subtle"
              justify="flex-start"
              leftSection={<IconBookmarkPlus size={14} aria-hidden="true" />}
              onClick={() => {
                setOpen(false);
                setSaving(true);
              }}
            >
              Save the current filters…
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Modal opened={saving} onClose={() => setSaving(false)} title="Save this view">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            save.mutate();
          }}
        >
          <Stack gap="md">
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Checkbox
              label="Share with the workspace"
              description="Everyone sees shared views; only you (or an admin) can delete it."
              checked={shared}
              onChange={(event) => setShared(event.currentTarget.checked)}
            />
            <Text size="xs" c="dimmed">
              {Object.keys(query).length === 0
                ? "No filter is set: the view shows everything."
                : `Filters: ${Object.entries(query)
                    .map(([key, value]) => `${key} = ${value}`)
                    .join(", ")}`}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
