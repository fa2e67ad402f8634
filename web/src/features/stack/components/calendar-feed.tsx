import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarPlus, IconLock } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { stackApi } from "#contracts/api/stack";
import { describeError } from "../../../components/ui/page-error";
import { SecretField } from "../../../components/ui/secret-field";
import { call, keyOf } from "../../../lib/api";
import { apiQuery } from "../../../lib/api-query";

const feedKey = keyOf(stackApi.calendarFeed);

/**
 * "Subscribe in your calendar": the person's one secret calendar address, which any calendar app can follow —
 * the workspace's renewals and the person's meetings in one subscription.
 */
export function CalendarFeedButton() {
  const [opened, setOpened] = useState(false);
  const [address, setAddress] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const feed = useQuery({ ...apiQuery(stackApi.calendarFeed), enabled: opened });
  const rotate = useMutation({
    mutationFn: () => call(stackApi.rotateCalendarFeed),
    onSuccess: (created) => {
      setAddress(`${window.location.origin}${created.calendarPath}`);
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not create the address", message: describeError(error) }),
  });
  const revoke = useMutation({
    mutationFn: () => call(stackApi.revokeCalendarFeed),
    onSuccess: () => {
      setAddress(null);
      void queryClient.invalidateQueries({ queryKey: feedKey });
      notifications.show({ color: "indigo", message: "The calendar address no longer works" });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not revoke it", message: describeError(error) }),
  });
  const close = () => {
    setOpened(false);
    setAddress(null);
  };
  const active = feed.data?.active ?? false;
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarPlus size={16} />} onClick={() => setOpened(true)}>
        Subscribe in your calendar
      </Button>
      <Modal opened={opened} onClose={close} title="Renewals and meetings in your calendar">
        <Stack gap="md">
          <Text size="sm">
            One address carries the renewals — every cancel-by date (with an alert a week before) and every renewal date
            — and your meetings, in Google Calendar, Outlook or Apple Calendar: add it as a calendar subscription (“From
            URL”).
          </Text>
          {address ? (
            <>
              <SecretField label="Your calendar address" value={address} description="Shown once. Copy it now." />
              <Alert color="orange" icon={<IconLock size={16} />}>
                Anyone with this address sees the workspace's renewals and your meetings: treat it like a password.
              </Alert>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {feed.isPending
                ? "Checking…"
                : active
                  ? `You created an address on ${new Date(feed.data?.createdAt ?? "").toLocaleDateString()}. Replace it to see a new one (the old one stops working).`
                  : "You have no calendar address yet."}
            </Text>
          )}
          <Group justify="flex-end">
            {active && (
              <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                Revoke
              </Button>
            )}
            <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>
              {active ? "Replace address" : "Create address"}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
