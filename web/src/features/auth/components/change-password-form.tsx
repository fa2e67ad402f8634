import { Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { sessionsApi } from "#contracts/api/sessions";
import { stackApi } from "#contracts/api/stack";
import { tokensApi } from "#contracts/api/tokens";
import { ChangePasswordBody, type PasswordChanged, PeopleLimits } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError, keyOf } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useChangePassword } from "../hooks/use-auth-actions";

const labels = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
};

// "Password changed. 2 other sessions were signed out and 1 API token was revoked; your calendar feed address…"
function describeChange(changed: PasswordChanged): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    `${plural(changed.endedSessions, "other session")} signed out`,
    `${plural(changed.revokedTokens, "API token")} revoked`,
  ];
  const feed = changed.calendarFeedRevoked ? " Your calendar feed address stopped working: make a new one." : "";
  return `Password changed: ${parts.join(", ")}.${feed}`;
}

/** Changes the password; the server signs out every other session and revokes API tokens and the calendar feed. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: (values) => {
      const errors = contractResolver(
        ChangePasswordBody,
        labels,
      )({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      if (values.confirmPassword !== values.newPassword) errors.confirmPassword = "The two new passwords differ";
      return errors;
    },
  });
  const handleSubmit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (changed) => {
          form.reset();
          notifications.show({ color: "indigo", message: describeChange(changed) });
          void queryClient.invalidateQueries({ queryKey: keyOf(sessionsApi.list) });
          void queryClient.invalidateQueries({ queryKey: keyOf(tokensApi.list) });
          void queryClient.invalidateQueries({ queryKey: keyOf(stackApi.calendarFeed) });
        },
        onError: (error) => {
          if (isApiError(error, "invalid_credentials"))
            form.setFieldError("currentPassword", "The current password is not right");
          else applyServerErrors(form, error, labels);
        },
      },
    ),
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md" maw={420}>
        <Text size="sm" c="dimmed">
          Changing your password signs out your other sessions, revokes your API tokens and stops your calendar feed
          address: anyone who had your old password cannot keep a way in.
        </Text>
        {Object.keys(form.errors).length === 0 && !isApiError(change.error, "invalid_credentials") && (
          <FormError error={change.error} />
        )}
        <PasswordInput
          label={labels.currentPassword}
          autoComplete="current-password"
          required
          key={form.key("currentPassword")}
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label={labels.newPassword}
          description={`At least ${PeopleLimits.passwordMin} characters. Common passwords are refused.`}
          autoComplete="new-password"
          required
          key={form.key("newPassword")}
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={labels.confirmPassword}
          autoComplete="new-password"
          required
          key={form.key("confirmPassword")}
          {...form.getInputProps("confirmPassword")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
