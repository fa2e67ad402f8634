import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { useWindowEvent } from "@mantine/hooks";
import { IconBell } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { notificationsApi } from "#contracts/api/notifications";
import { call, keyOf } from "../../../lib/api";
import { apiQuery } from "../../../lib/api-query";
import { formatRelative } from "../../../lib/format";
import classes from "./notification-bell.module.css";

/** The header's bell: the unread count (refreshed every minute and on focus), the latest list, and "mark all read". */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  // Escape closes the list wherever the focus is: with nothing to focus inside (nothing new, the one button
  // disabled) it is on no element of the dropdown, whose own Escape handling then never hears it.
  useWindowEvent("keydown", (event) => {
    if (opened && event.key === "Escape") setOpened(false);
  });
  const router = useRouter();
  const queryClient = useQueryClient();
  const notifications = useQuery({
    ...apiQuery(notificationsApi.list, { query: { limit: 20 } }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const markRead = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => call(notificationsApi.markRead, { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyOf(notificationsApi.list) }),
  });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";

  return (
    <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} color="red.8" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon variant="default" size={36} aria-label={label} onClick={() => setOpened((value) => !value)}>
            <IconBell size={18} aria-hidden="true" />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-label="Notifications">
          <Group justify="space-between" px="md" py="xs" className={classes.header}>
            <Text fw={600} size="sm">
              Notifications
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              disabled={unread === 0}
              loading={markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {notifications.isPending
                ? "Loading…"
                : "Nothing new. Comments, mentions, decisions and breaches show up here."}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={380}>
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {items.map((item) => (
                  <li key={item.id}>
                    <UnstyledButton
                      className={classes.item}
                      data-unread={item.readAt === null}
                      onClick={() => {
                        if (item.readAt === null) markRead.mutate({ ids: [item.id] });
                        setOpened(false);
                        if (item.link) router.history.push(item.link);
                      }}
                    >
                      <Text size="sm" fw={item.readAt === null ? 600 : 400}>
                        {item.readAt === null && <span className="visually-hidden">Unread: </span>}
                        {item.title}
                      </Text>
                      {item.body && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.body}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatRelative(item.createdAt)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
