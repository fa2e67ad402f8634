import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormErrors, type UseFormReturnType, useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { User } from "#contracts/people";
import {
  type AgendaItemKind,
  type Cadence,
  CreateSeriesBody,
  type MeetingSeries,
  RitualsLimits,
  SERIES_TEMPLATES,
  type SeriesTemplate,
  sideOfTeamKind,
  UpdateSeriesBody,
  type Weekday,
} from "#contracts/rituals";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useCreateSeries, useRitualsPeople, useUpdateSeries } from "../hooks/use-rituals";
import {
  agendaKindMeta,
  agendaKinds,
  cadenceInWords,
  sideLabels,
  templateMeta,
  todayIso,
  weekdayLabels,
} from "../labels";

const labels: Record<string, string> = {
  template: "Template",
  title: "Title",
  description: "Purpose",
  cadenceKind: "Cadence",
  weekday: "Day",
  intervalWeeks: "Every how many weeks",
  nth: "Which one in the month",
  startDate: "Starting from",
  startTime: "Starts at",
  timeZone: "Time zone",
  durationMinutes: "Length in minutes",
  participantIds: "Participants",
  sections: "Agenda sections",
};

type CadenceKind = Cadence["kind"];

interface FormValues {
  template: SeriesTemplate;
  title: string;
  description: string;
  cadenceKind: CadenceKind;
  weekday: Weekday;
  intervalWeeks: number;
  nth: string;
  startDate: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number | string;
  participantIds: string[];
  sections: { title: string; kinds: AgendaItemKind[] }[];
}

const templates: SeriesTemplate[] = [
  "cmo_cio_weekly_sync",
  "joint_steering_monthly",
  "quarterly_business_review",
  "custom",
];

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The zones to pick from: the browser's list, with UTC (which the list leaves out) first. */
function timeZones(): string[] {
  try {
    return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  } catch {
    return ["UTC"];
  }
}

/** The form's values for a template: its title, cadence, length and sections. */
function fromTemplate(template: SeriesTemplate, keep?: FormValues): FormValues {
  const preset = SERIES_TEMPLATES[template];
  const cadence = preset.cadence;
  return {
    template,
    title: preset.title,
    description: preset.description,
    cadenceKind: cadence.kind,
    weekday: cadence.weekday,
    intervalWeeks: cadence.kind === "every_n_weeks" ? cadence.intervalWeeks : 2,
    nth: cadence.kind === "monthly_nth_weekday" ? String(cadence.nth) : "1",
    startDate: keep?.startDate ?? todayIso(),
    startTime: keep?.startTime ?? "10:00",
    timeZone: keep?.timeZone ?? browserTimeZone(),
    durationMinutes: preset.durationMinutes,
    participantIds: keep?.participantIds ?? [],
    sections: preset.sections.map((section) => ({ title: section.title, kinds: [...section.kinds] })),
  };
}

/** The form's values for an existing series (editing it). */
function fromSeries(series: MeetingSeries): FormValues {
  const cadence = series.cadence;
  return {
    template: series.template,
    title: series.title,
    description: series.description,
    cadenceKind: cadence.kind,
    weekday: cadence.weekday,
    intervalWeeks: cadence.kind === "every_n_weeks" ? cadence.intervalWeeks : 2,
    nth: cadence.kind === "monthly_nth_weekday" ? String(cadence.nth) : "1",
    startDate: series.startDate,
    startTime: series.startTime,
    timeZone: series.timeZone,
    durationMinutes: series.durationMinutes,
    participantIds: series.participants.map((person) => person.id),
    sections: series.sections.map((section) => ({ title: section.title, kinds: [...section.kinds] })),
  };
}

function cadenceOf(values: FormValues): Cadence {
  if (values.cadenceKind === "weekly") return { kind: "weekly", weekday: values.weekday };
  if (values.cadenceKind === "every_n_weeks") {
    return { kind: "every_n_weeks", intervalWeeks: Number(values.intervalWeeks), weekday: values.weekday };
  }
  return { kind: "monthly_nth_weekday", nth: Number(values.nth) as 1 | 2 | 3 | 4 | -1, weekday: values.weekday };
}

function bodyOf(values: FormValues) {
  return {
    template: values.template,
    title: values.title,
    description: values.description,
    cadence: cadenceOf(values),
    startDate: values.startDate,
    startTime: values.startTime,
    timeZone: values.timeZone,
    durationMinutes: values.durationMinutes === "" ? Number.NaN : Number(values.durationMinutes),
    participantIds: values.participantIds,
    sections: values.sections,
  };
}

/** The body's error paths as the form's fields ("cadence.weekday" → "weekday"). */
function fieldOf(path: string): string {
  const cadence = path.match(/^cadence\.(\w+)$/);
  if (cadence) return cadence[1] === "kind" ? "cadenceKind" : cadence[1];
  return path;
}

function phrase(field: string, message: string): string {
  const label = labels[field] ?? (field.match(/^sections\.\d+\.title$/) ? "Section title" : undefined);
  const readable = /^Too small: expected string/.test(message) ? "is required" : message;
  if (/^Invalid input: expected number/.test(readable)) return `${label ?? "This"} must be a number`;
  return label && /^(is|must|needs|lists|section)\b/.test(readable) ? `${label} ${readable}` : readable;
}

/** Checks the form with the contract's own schema, so the form and the server agree. */
function validate(values: FormValues): FormErrors {
  const parsed = CreateSeriesBody.safeParse(bodyOf(values));
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join("."));
    if (!errors[field]) errors[field] = phrase(field, issue.message);
  }
  return errors;
}

/** People grouped by side for the participants picker. */
function participantOptions(people: User[] | undefined) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const person of people ?? []) {
    const side = sideLabels[sideOfTeamKind(person.team.kind)];
    groups.set(side, [
      ...(groups.get(side) ?? []),
      { value: person.id, label: `${person.name} · ${person.team.name}` },
    ]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

interface SeriesFormDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated?: (series: MeetingSeries) => void;
  /** The series to edit (with its version); without it the form creates one. */
  series?: MeetingSeries;
}

/**
 * Creates a meeting series from a template, or edits one: cadence, time zone, length, participants from both sides,
 * sections. An edit sends the series' version; a change someone made meanwhile closes the form and says so.
 */
export function SeriesFormDialog({ opened, onClose, onCreated, series }: SeriesFormDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={series ? "Edit meeting series" : "New meeting series"}
      size="xl"
      fullScreen={isPhone}
    >
      {opened && <SeriesForm onDone={onClose} onCreated={onCreated} series={series} />}
    </Modal>
  );
}

function SeriesForm({
  onDone,
  onCreated,
  series,
}: {
  onDone: () => void;
  onCreated?: (series: MeetingSeries) => void;
  series?: MeetingSeries;
}) {
  const people = useRitualsPeople();
  const create = useCreateSeries();
  const update = useUpdateSeries();
  // The version the form was opened on: a change someone saves meanwhile makes the save a 409, never overwritten.
  const [editing] = useState(series);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: editing ? fromSeries(editing) : fromTemplate("cmo_cio_weekly_sync"),
    validate,
  });
  const saving = editing ? update : create;
  const values = form.values;
  const chosen = (people.data ?? []).filter((person) => values.participantIds.includes(person.id));
  const missing = (["marketing", "it"] as const).filter(
    (side) => !chosen.some((person) => sideOfTeamKind(person.team.kind) === side),
  );

  const handleSubmit = form.onSubmit((submitted) => {
    if (editing) {
      const { template: _template, ...fields } = bodyOf(submitted);
      update.mutate(
        { id: editing.id, body: UpdateSeriesBody.parse({ version: editing.version, ...fields }) },
        {
          onSuccess: (saved) => {
            notifications.show({ color: "indigo", message: `${saved.title} saved` });
            onDone();
          },
          onError: (error) => {
            if (handleStaleEdit(error, "series")) onDone();
            else applyServerErrors(form, error, labels);
          },
        },
      );
      return;
    }
    create.mutate(CreateSeriesBody.parse(bodyOf(submitted)), {
      onSuccess: (created) => {
        notifications.show({ color: "indigo", message: `${created.title} created; its first meeting is planned` });
        onCreated?.(created);
        onDone();
      },
      onError: (error) => applyServerErrors(form, error, labels),
    });
  });

  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && <FormError error={saving.error} />}
        {editing && (
          <Text size="sm" c="dimmed">
            A new cadence, time or length moves the next meeting that has not started (its agenda is rebuilt for the new
            day); past meetings keep theirs.
          </Text>
        )}
        {!editing && (
          <Radio.Group
            label={labels.template}
            description="A template fills in the cadence, the length and the agenda's sections; change any of them."
            value={values.template}
            onChange={(template) => form.setValues(fromTemplate(template as SeriesTemplate, values))}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
              {templates.map((template) => (
                <Radio
                  key={template}
                  value={template}
                  label={templateMeta[template].label}
                  description={
                    template === "custom"
                      ? "Two sections; set everything yourself"
                      : `${cadenceInWords(SERIES_TEMPLATES[template].cadence)}, ${SERIES_TEMPLATES[template].durationMinutes} min`
                  }
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}
        <TextInput
          label={labels.title}
          required
          maxLength={RitualsLimits.titleMax}
          placeholder="CMO–CIO weekly sync"
          {...form.getInputProps("title")}
        />
        <Textarea
          label={labels.description}
          autosize
          minRows={2}
          maxLength={RitualsLimits.textMax}
          {...form.getInputProps("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={labels.cadenceKind}
            required
            allowDeselect={false}
            data={[
              { value: "weekly", label: "Weekly" },
              { value: "every_n_weeks", label: "Every N weeks" },
              { value: "monthly_nth_weekday", label: "Monthly on a weekday" },
            ]}
            {...form.getInputProps("cadenceKind")}
          />
          {values.cadenceKind === "every_n_weeks" && (
            <NumberInput
              label={labels.intervalWeeks}
              required
              min={2}
              max={RitualsLimits.intervalWeeksMax}
              allowDecimal={false}
              {...form.getInputProps("intervalWeeks")}
            />
          )}
          {values.cadenceKind === "monthly_nth_weekday" && (
            <Select
              label={labels.nth}
              required
              allowDeselect={false}
              data={[
                { value: "1", label: "First" },
                { value: "2", label: "Second" },
                { value: "3", label: "Third" },
                { value: "4", label: "Fourth" },
                { value: "-1", label: "Last" },
              ]}
              {...form.getInputProps("nth")}
            />
          )}
          <Select
            label={labels.weekday}
            required
            allowDeselect={false}
            data={(Object.keys(weekdayLabels) as Weekday[]).map((day) => ({ value: day, label: weekdayLabels[day] }))}
            {...form.getInputProps("weekday")}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" aria-live="polite">
          {cadenceInWords(cadenceOf(values))} at {values.startTime || "—"} ({values.timeZone || "—"})
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
          <TextInput type="date" label={labels.startDate} required {...form.getInputProps("startDate")} />
          <TextInput type="time" label={labels.startTime} required {...form.getInputProps("startTime")} />
          <Select
            label={labels.timeZone}
            required
            searchable
            allowDeselect={false}
            data={timeZones().includes(values.timeZone) ? timeZones() : [values.timeZone, ...timeZones()]}
            limit={50}
            {...form.getInputProps("timeZone")}
          />
          <NumberInput
            label={labels.durationMinutes}
            required
            min={RitualsLimits.durationMinMinutes}
            max={RitualsLimits.durationMaxMinutes}
            step={15}
            allowDecimal={false}
            {...form.getInputProps("durationMinutes")}
          />
        </SimpleGrid>
        <MultiSelect
          label={labels.participantIds}
          description="People from both teams; each gets the invite and sees the series on their home page."
          placeholder={values.participantIds.length === 0 ? "Pick people from marketing and IT" : undefined}
          data={participantOptions(people.data)}
          searchable
          hidePickedOptions
          maxValues={RitualsLimits.participantsMax}
          {...form.getInputProps("participantIds")}
        />
        {missing.length > 0 && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">
              {missing.length === 2
                ? "Nobody from marketing or IT yet."
                : `Nobody from ${missing[0] === "it" ? "IT" : "marketing"} yet.`}{" "}
              The series can be {editing ? "saved" : "created"}, but it will be flagged as one-sided until both sides
              take part.
            </Text>
          </Alert>
        )}
        <SectionsEditor form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending}>
            {editing ? "Save changes" : "Create series"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type SeriesForm = UseFormReturnType<FormValues, FormValues, (values: FormValues) => FormErrors>;

/** The agenda's sections: a title each, and which kinds of built items land in it. */
function SectionsEditor({ form }: { form: SeriesForm }) {
  const sections = form.values.sections;
  const kindOptions = agendaKinds.map((kind) => ({ value: kind, label: agendaKindMeta[kind].label }));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={4}>
        {labels.sections}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Items the agenda builder finds (KPIs at risk, requests waiting on a decision…) land in the section that lists
        their kind; manual items choose their section.
      </Text>
      {typeof form.errors.sections === "string" && (
        <Text size="xs" c="red" mb="xs">
          {form.errors.sections}
        </Text>
      )}
      <Stack gap="xs">
        {sections.map((section, index) => (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place; their titles change as typed
            key={index}
            gap="xs"
            align="flex-start"
            wrap="wrap"
          >
            <TextInput
              aria-label={`Section ${index + 1} title`}
              style={{ flex: "1 1 180px" }}
              maxLength={RitualsLimits.sectionTitleMax}
              {...form.getInputProps(`sections.${index}.title`)}
            />
            <MultiSelect
              aria-label={`What lands in section ${index + 1}`}
              placeholder={section.kinds.length === 0 ? "Manual items only" : undefined}
              style={{ flex: "2 1 260px" }}
              data={kindOptions}
              {...form.getInputProps(`sections.${index}.kinds`)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove section ${index + 1}`}
              disabled={sections.length <= 1}
              onClick={() => form.removeListItem("sections", index)}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        mt="xs"
        size="compact-sm"
        variant="subtle"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        disabled={sections.length >= RitualsLimits.sectionsMax}
        onClick={() => form.insertListItem("sections", { title: "", kinds: [] })}
      >
        Add a section
      </Button>
    </fieldset>
  );
}
