import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { SetupBody } from "#contracts/auth";
import { PeopleLimits } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useSetUp } from "../hooks/use-auth-actions";

const labels = { workspaceName: "Workspace name", name: "Your name", email: "Your email", password: "Password" };

/** Creates the workspace and its first admin: the first thing anyone does with a new Tandem. */
export function SetupForm() {
  const setUp = useSetUp();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { workspaceName: "", name: "", email: "", password: "" },
    validate: contractResolver(SetupBody, labels),
  });
  const handleSubmit = form.onSubmit((values) =>
    setUp.mutate(SetupBody.parse(values), { onError: (error) => applyServerErrors(form, error, labels) }),
  );
  const hasFieldErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && <FormError error={setUp.error} />}
        <TextInput
          label={labels.workspaceName}
          description="Usually your company's name."
          placeholder="Northwind"
          required
          data-autofocus
          maxLength={PeopleLimits.workspaceNameMax}
          key={form.key("workspaceName")}
          {...form.getInputProps("workspaceName")}
        />
        <TextInput
          label={labels.name}
          autoComplete="name"
          required
          maxLength={PeopleLimits.nameMax}
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <TextInput
          label={labels.email}
          type="email"
          autoComplete="email"
          required
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={labels.password}
          description={`At least ${PeopleLimits.passwordMin} characters. Common passwords are refused.`}
          autoComplete="new-password"
          required
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={setUp.isPending} fullWidth mt="xs">
          Create workspace
        </Button>
      </Stack>
    </form>
  );
}
