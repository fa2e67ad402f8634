import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { CreateAgendaItemBody, RitualsLimits } from "#contracts/rituals";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { ownerOptions } from "../../people/options";
import { useCreateAgendaItem, useRitualsPeople } from "../hooks/use-rituals";

const labels: Record<string, string> = {
  title: "Title",
  detail: "Details",
  section: "Section",
  ownerId: "Owner",
  timeBoxMinutes: "Time box in minutes",
  url: "Link to a document",
};

interface FormValues {
  title: string;
  detail: string;
  section: string | null;
  ownerId: string | null;
  timeBoxMinutes: number | string;
  url: string;
}

function bodyOf(values: FormValues) {
  return {
    title: values.title,
    detail: values.detail,
    section: values.section ?? undefined,
    ownerId: values.ownerId,
    timeBoxMinutes: values.timeBoxMinutes === "" ? undefined : Number(values.timeBoxMinutes),
    url: values.url.trim() === "" ? null : values.url.trim(),
  };
}

const resolve = contractResolver(CreateAgendaItemBody, labels);

interface AgendaItemDialogProps {
  meetingId: string;
  sections: string[];
  opened: boolean;
  onClose: () => void;
}

/** Adds a manual item to a meeting's agenda: a topic someone wants to raise, with its owner and time box. */
export function AgendaItemDialog({ meetingId, sections, opened, onClose }: AgendaItemDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal opened={opened} onClose={onClose} title="Add an agenda item" size="lg" fullScreen={isPhone}>
      {opened && <AgendaItemForm meetingId={meetingId} sections={sections} onDone={onClose} />}
    </Modal>
  );
}

function AgendaItemForm({
  meetingId,
  sections,
  onDone,
}: {
  meetingId: string;
  sections: string[];
  onDone: () => void;
}) {
  const people = useRitualsPeople();
  const create = useCreateAgendaItem();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      title: "",
      detail: "",
      section: sections[sections.length - 1] ?? null,
      ownerId: null,
      timeBoxMinutes: "",
      url: "",
    },
    validate: (values) => resolve(bodyOf(values) as unknown as Record<string, unknown>),
  });

  const handleSubmit = form.onSubmit((values) => {
    create.mutate(
      { meetingId, body: CreateAgendaItemBody.parse(bodyOf(values)) },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${values.title.trim()} added to the agenda` });
          onDone();
        },
        onError: (error) => applyServerErrors(form, error, labels),
      },
    );
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && <FormError error={create.error} />}
        <TextInput
          label={labels.title}
          required
          data-autofocus
          maxLength={RitualsLimits.titleMax}
          placeholder="Brainstorm: a joint project for the spring campaign"
          {...form.getInputProps("title")}
        />
        <Textarea
          label={labels.detail}
          autosize
          minRows={2}
          maxLength={RitualsLimits.textMax}
          {...form.getInputProps("detail")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={labels.section} allowDeselect={false} data={sections} {...form.getInputProps("section")} />
          <Select
            label={labels.ownerId}
            searchable
            clearable
            placeholder="Nobody named"
            data={ownerOptions(people.data)}
            {...form.getInputProps("ownerId")}
          />
          <NumberInput
            label={labels.timeBoxMinutes}
            description="Left empty, the time is shared out again"
            min={0}
            max={RitualsLimits.timeBoxMaxMinutes}
            allowDecimal={false}
            {...form.getInputProps("timeBoxMinutes")}
          />
        </SimpleGrid>
        <TextInput
          label={labels.url}
          type="url"
          placeholder="https://…"
          description="An https address, if a document goes with the item"
          {...form.getInputProps("url")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
