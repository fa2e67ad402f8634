import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { CreateInvitationBody, type Role } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { SecretField } from "../../../components/ui/secret-field";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { formatDate } from "../../../lib/format";
import { roleHelp, roleOptions } from "../../people/components/person-dialog";
import { useTeams } from "../../teams/hooks/use-teams";
import type { CreatedInvitationData } from "../api";
import { useCreateInvitation } from "../hooks/use-invitations";

const labels = { email: "Email", teamId: "Team", role: "Role" };

/** Invites someone by email; then shows the one-time link to send them. */
export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedInvitationData | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? "Invitation created" : "Invite someone"} size="lg">
      {opened &&
        (created ? (
          <InvitationLink invitation={created} onInviteAnother={() => setCreated(null)} onDone={close} />
        ) : (
          <InviteForm onCreated={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}

function InviteForm({
  onCreated,
  onCancel,
}: {
  onCreated: (invitation: CreatedInvitationData) => void;
  onCancel: () => void;
}) {
  const teams = useTeams();
  const create = useCreateInvitation();
  const marketing = teams.data?.find((team) => team.kind === "marketing");
  const form = useForm<{ email: string; teamId: string; role: Role }>({
    mode: "controlled",
    initialValues: { email: "", teamId: marketing?.id ?? "", role: "member" },
    validate: contractResolver(CreateInvitationBody, labels),
  });
  const handleSubmit = form.onSubmit((values) =>
    create.mutate(CreateInvitationBody.parse(values), {
      onSuccess: onCreated,
      onError: (error) => applyServerErrors(form, error, labels),
    }),
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Tandem creates a one-time link that works for 7 days. Send it to them yourself — by chat or email.
        </Text>
        {Object.keys(form.errors).length === 0 && (
          <FormError
            error={create.error}
            messages={{ conflict: "This person already has an account or a pending invitation." }}
          />
        )}
        <TextInput
          label={labels.email}
          type="email"
          required
          data-autofocus
          placeholder="name@company.com"
          {...form.getInputProps("email")}
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={labels.teamId}
            placeholder={teams.isPending ? "Loading teams…" : "Choose a team"}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            required
            allowDeselect={false}
            miw={180}
            {...form.getInputProps("teamId")}
          />
          <Select
            label={labels.role}
            data={roleOptions}
            allowDeselect={false}
            miw={160}
            {...form.getInputProps("role")}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {roleHelp}
        </Text>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create invitation link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InvitationLink({
  invitation,
  onInviteAnother,
  onDone,
}: {
  invitation: CreatedInvitationData;
  onInviteAnother: () => void;
  onDone: () => void;
}) {
  return (
    <Stack gap="md">
      <Text size="sm">
        Send this link to <strong>{invitation.email}</strong>. They join <strong>{invitation.team.name}</strong> as{" "}
        {invitation.role === "admin" ? "an" : "a"} {invitation.role}.
      </Text>
      <SecretField
        label="Invitation link"
        value={invitation.url}
        description={`Works once, until ${formatDate(invitation.expiresAt)}.`}
      />
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
        This is the only time the link is shown. Anyone who has it can join as this person — share it privately.
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onInviteAnother}>
          Invite another
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
