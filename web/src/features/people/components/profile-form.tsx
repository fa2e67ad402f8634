import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { PeopleLimits, UpdateUserBody, type User } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useUpdateUser } from "../hooks/use-people";

const labels = { name: "Name" };

/** The signed-in person's own name (email, team and role are set by admins). */
export function ProfileForm({ person }: { person: User }) {
  const update = useUpdateUser();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { version: person.version, name: person.name },
    validate: contractResolver(UpdateUserBody, labels),
  });
  const handleSubmit = form.onSubmit((values) => {
    if (values.name.trim() === person.name) return;
    update.mutate(
      { id: person.id, body: { version: person.version, name: values.name.trim() } },
      {
        onSuccess: () => notifications.show({ color: "indigo", message: "Your name is saved" }),
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifications.show({
              color: "orange",
              title: "Your profile changed meanwhile",
              message: "It was reloaded; try again.",
            });
          } else applyServerErrors(form, error, labels);
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md" maw={420}>
        {Object.keys(form.errors).length === 0 && !isApiError(update.error, "conflict") && (
          <FormError error={update.error} />
        )}
        <TextInput
          label={labels.name}
          autoComplete="name"
          required
          maxLength={PeopleLimits.nameMax}
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <TextInput label="Email" value={person.email} readOnly description="Ask an admin to change it." />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
