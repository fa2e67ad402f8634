import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { PeopleLimits, type Role, UpdateUserBody, type User } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useTeams } from "../../teams/hooks/use-teams";
import { useUpdateUser } from "../hooks/use-people";

const labels = { name: "Name", teamId: "Team", role: "Role" };

/** Role choices with what each role may do, shared with the invitation form. */
export const roleOptions = [
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member" },
  { value: "viewer", label: "Viewer" },
];

/** What each role may do, in one line. */
export const roleHelp =
  "Members work in every module; viewers read but change nothing; admins also manage people, teams and the audit log.";

interface PersonDialogProps {
  person: User | null;
  isAdmin: boolean;
  isSelf: boolean;
  onClose: () => void;
}

/** Edits a person: anyone their own name; admins also team and role (not their own role). */
export function PersonDialog({ person, isAdmin, isSelf, onClose }: PersonDialogProps) {
  return (
    <Modal
      opened={person !== null}
      onClose={onClose}
      title={isSelf ? "Edit your profile" : `Edit ${person?.name ?? ""}`}
    >
      {person && <PersonForm key={person.id} person={person} isAdmin={isAdmin} isSelf={isSelf} onDone={onClose} />}
    </Modal>
  );
}

function PersonForm({
  person,
  isAdmin,
  isSelf,
  onDone,
}: {
  person: User;
  isAdmin: boolean;
  isSelf: boolean;
  onDone: () => void;
}) {
  const update = useUpdateUser();
  const teams = useTeams();
  const form = useForm<{ version: number; name: string; teamId: string; role: Role }>({
    mode: "uncontrolled",
    initialValues: { version: person.version, name: person.name, teamId: person.team.id, role: person.role },
    validate: contractResolver(UpdateUserBody, labels),
  });
  const canChangeTeam = isAdmin;
  const canChangeRole = isAdmin && !isSelf;

  const handleSubmit = form.onSubmit((values) => {
    const body: UpdateUserBody = { version: person.version };
    if (values.name.trim() !== person.name) body.name = values.name.trim();
    if (canChangeTeam && values.teamId !== person.team.id) body.teamId = values.teamId;
    if (canChangeRole && values.role !== person.role) body.role = values.role;
    if (Object.keys(body).length === 1) {
      onDone();
      return;
    }
    update.mutate(
      { id: person.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "indigo", message: `${saved.name} saved` });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifications.show({
              color: "orange",
              title: "Someone changed this person meanwhile",
              message: "The list now shows their change. Open the person again to edit.",
            });
            onDone();
            return;
          }
          applyServerErrors(form, error, labels);
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && !isApiError(update.error, "conflict") && (
          <FormError error={update.error} />
        )}
        <TextInput
          label={labels.name}
          required
          data-autofocus
          maxLength={PeopleLimits.nameMax}
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        {canChangeTeam && (
          <Select
            label={labels.teamId}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            allowDeselect={false}
            searchable
            key={form.key("teamId")}
            {...form.getInputProps("teamId")}
          />
        )}
        {canChangeRole && (
          <Select
            label={labels.role}
            data={roleOptions}
            description={roleHelp}
            allowDeselect={false}
            key={form.key("role")}
            {...form.getInputProps("role")}
          />
        )}
        {isAdmin && isSelf && (
          <TextInput label="Role" value="Admin" readOnly description="Another admin can change your role." />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
