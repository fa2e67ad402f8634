import { Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { User } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { useUpdateUser } from "../hooks/use-people";

/** Whether the signed-in person's notifications are also emailed: saved as soon as it is switched. */
export function EmailPreference({ person }: { person: User }) {
  const update = useUpdateUser();
  const toggle = (emailNotifications: boolean) =>
    update.mutate(
      { id: person.id, body: { version: person.version, emailNotifications } },
      {
        onSuccess: () =>
          notifications.show({
            color: "indigo",
            message: emailNotifications ? "Notifications will be emailed too" : "Notifications stay in Tandem only",
          }),
      },
    );
  return (
    <>
      <FormError error={update.error} />
      <Switch
        label="Email me my notifications"
        description="Decisions, mentions, breaches and reminders also arrive by email when your administrator has set up outgoing mail. They always appear under the bell."
        checked={person.emailNotifications}
        disabled={update.isPending}
        onChange={(event) => toggle(event.currentTarget.checked)}
      />
      <Text size="xs" c="dimmed" mt="xs">
        Only you can change this.
      </Text>
    </>
  );
}
