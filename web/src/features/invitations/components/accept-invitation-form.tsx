import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { AcceptInvitationBody, PeopleLimits } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useStartSessionFromMe } from "../../auth/hooks/use-auth-actions";
import type { InvitationPreviewData } from "../api";
import { useAcceptInvitation } from "../hooks/use-invitations";

const labels = { name: "Your name", password: "Choose a password" };

/** Name and password for the new account; accepting signs the person in. */
export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreviewData }) {
  const accept = useAcceptInvitation();
  const startSession = useStartSessionFromMe();
  const navigate = useNavigate();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { token, name: "", password: "" },
    validate: contractResolver(AcceptInvitationBody, labels),
  });
  const handleSubmit = form.onSubmit((values) =>
    accept.mutate(AcceptInvitationBody.parse(values), {
      onSuccess: async (me) => {
        startSession(me);
        await navigate({ to: "/" });
      },
      onError: (error) => applyServerErrors(form, error, labels),
    }),
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        <FormError
          error={Object.keys(form.errors).length > 0 ? null : accept.error}
          messages={{ gone: "This invitation has expired or was already used. Ask an admin for a new link." }}
        />
        <TextInput label="Email" value={preview.email} readOnly description="The address the invitation was sent to." />
        <TextInput
          label={labels.name}
          autoComplete="name"
          required
          data-autofocus
          maxLength={PeopleLimits.nameMax}
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <PasswordInput
          label={labels.password}
          description={`At least ${PeopleLimits.passwordMin} characters. Common passwords are refused.`}
          autoComplete="new-password"
          required
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
          Join {preview.workspaceName}
        </Button>
      </Stack>
    </form>
  );
}
