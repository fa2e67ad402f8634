import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { LoginBody } from "#contracts/auth";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { contractResolver } from "../../../lib/form";
import { useSignIn } from "../hooks/use-auth-actions";

const labels = { email: "Email", password: "Password" };

/** Email and password; a wrong pair or too many attempts are said plainly. */
export function SignInForm({ redirectTo }: { redirectTo?: string }) {
  const signIn = useSignIn(redirectTo);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "", password: "" },
    validate: contractResolver(LoginBody, labels),
  });

  return (
    <form onSubmit={form.onSubmit((values) => signIn.mutate(LoginBody.parse(values)))} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        <FormError
          error={signIn.error}
          messages={{
            invalid_credentials: "That email and password do not match an active account.",
          }}
        />
        <TextInput
          label={labels.email}
          type="email"
          autoComplete="username"
          required
          data-autofocus
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={labels.password}
          autoComplete="current-password"
          required
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
