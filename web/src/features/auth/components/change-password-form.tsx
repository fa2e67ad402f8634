import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { ChangePasswordBody, PeopleLimits } from "../../../../../contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useChangePassword } from "../hooks/use-auth-actions";

const labels = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
};

/** Changes the password; the server signs out every other session. */
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
        onSuccess: () => {
          form.reset();
          notifications.show({ color: "indigo", message: "Password changed. Your other sessions were signed out." });
          void queryClient.invalidateQueries({ queryKey: ["sessions"] });
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
      <Stack gap="md" maw={420}>
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
