import { Alert, Button, Code, Group, Modal, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { CreateApiTokenBody, PeopleLimits, type TokenScope } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { SecretField } from "../../../components/ui/secret-field";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { formatDate } from "../../../lib/format";
import type { CreatedApiTokenData } from "../api";
import { useCreateToken } from "../hooks/use-tokens";

const labels = { name: "Name", scope: "Access", expiresInDays: "Expires after" };

const expiryOptions = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "180 days" },
  { value: String(PeopleLimits.tokenMaxDays), label: "1 year" },
];

/** Creates a personal API token, then shows its secret once. */
export function CreateTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiTokenData | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? "Copy your new token" : "Create an API token"} size="lg">
      {opened &&
        (created ? (
          <TokenSecret token={created} onDone={close} />
        ) : (
          <CreateTokenForm onCreated={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}

function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedApiTokenData) => void;
  onCancel: () => void;
}) {
  const create = useCreateToken();
  const form = useForm<
    { name: string; scope: TokenScope; expiresInDays: string },
    { name: string; scope: TokenScope; expiresInDays: number }
  >({
    mode: "controlled",
    initialValues: { name: "", scope: "read", expiresInDays: "90" },
    transformValues: (values) => ({ ...values, expiresInDays: Number(values.expiresInDays) }),
    validate: (values) =>
      contractResolver(CreateApiTokenBody, labels)({ ...values, expiresInDays: Number(values.expiresInDays) }),
  });
  const handleSubmit = form.onSubmit((values) =>
    create.mutate(CreateApiTokenBody.parse(values), {
      onSuccess: onCreated,
      onError: (error) => applyServerErrors(form, error, labels),
    }),
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && <FormError error={create.error} />}
        <TextInput
          label={labels.name}
          description="What the token is for, so you recognise it later."
          placeholder="Weekly KPI export"
          required
          data-autofocus
          maxLength={PeopleLimits.tokenNameMax}
          {...form.getInputProps("name")}
        />
        <Radio.Group label={labels.scope} {...form.getInputProps("scope")}>
          <Stack gap="xs" mt="xs">
            <Radio value="read" label="Read only" description="Can read everything you can read; changes nothing." />
            <Radio
              value="read-write"
              label="Read and write"
              description="Can also change what you can change (not tokens or sessions)."
            />
          </Stack>
        </Radio.Group>
        <Select
          label={labels.expiresInDays}
          data={expiryOptions}
          allowDeselect={false}
          w={200}
          {...form.getInputProps("expiresInDays")}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenSecret({ token, onDone }: { token: CreatedApiTokenData; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title="Shown only once">
        Copy the token now and keep it somewhere safe, like a password manager. Tandem stores only a hash of it and
        cannot show it again.
      </Alert>
      <SecretField
        label="API token"
        value={token.token}
        description={`${token.name} · expires ${formatDate(token.expiresAt)}`}
      />
      <Text size="sm">Send it with each request:</Text>
      <Code
        block
        style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}
      >{`curl -H "Authorization: Bearer ${token.token}" \\\n  ${window.location.origin}/api/v1/me`}</Code>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have copied it</Button>
      </Group>
    </Stack>
  );
}
