import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { CreateTeamBody, PeopleLimits, type Team, type TeamKind } from "#contracts/people";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useCreateTeam, useUpdateTeam } from "../hooks/use-teams";
import { teamKindOptions } from "../team-kinds";

const labels = { name: "Team name", kind: "Kind" };

interface TeamDialogProps {
  /** The team to rename; null to add a new one. */
  team: Team | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds a team, or renames one and changes its kind (admins). */
export function TeamDialog({ team, opened, onClose }: TeamDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : "Add a team"}>
      {opened && <TeamForm key={team?.id ?? "new"} team={team} onDone={onClose} />}
    </Modal>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const mutation = team ? updateTeam : createTeam;
  const form = useForm<{ name: string; kind: TeamKind }>({
    mode: "uncontrolled",
    initialValues: { name: team?.name ?? "", kind: team?.kind ?? "other" },
    validate: contractResolver(CreateTeamBody, labels),
  });

  const handleSubmit = form.onSubmit((values) => {
    const onError = (error: unknown) => {
      if (isApiError(error, "conflict") && team) {
        notifications.show({
          color: "orange",
          title: "Someone changed this team meanwhile",
          message: "The list now shows their change. Open the team again to edit it.",
        });
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    const onSuccess = () => {
      notifications.show({ color: "indigo", message: team ? `${values.name} saved` : `${values.name} added` });
      onDone();
    };
    if (team) updateTeam.mutate({ id: team.id, body: { version: team.version, ...values } }, { onSuccess, onError });
    else createTeam.mutate(CreateTeamBody.parse(values), { onSuccess, onError });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && !(team && isApiError(mutation.error, "conflict")) && (
          <FormError error={mutation.error} messages={{ conflict: "A team with this name already exists." }} />
        )}
        <TextInput
          label={labels.name}
          required
          data-autofocus
          maxLength={PeopleLimits.teamNameMax}
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Select
          label={labels.kind}
          description="Marketing and IT teams are the two sides Tandem brings together."
          data={teamKindOptions}
          allowDeselect={false}
          key={form.key("kind")}
          {...form.getInputProps("kind")}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {team ? "Save" : "Add team"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
