import {
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
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import {
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
import { cadenceInWords, templateMeta, weekdayLabels } from "../labels";
import {
  bodyOf,
  cadenceOf,
  type FormValues,
  fieldLabels,
  fromSeries,
  fromTemplate,
  participantOptions,
  templates,
  timeZones,
  validate,
} from "./series-form-values";
import { SectionsEditor } from "./series-sections-editor";

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
            else applyServerErrors(form, error, fieldLabels);
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
      onError: (error) => applyServerErrors(form, error, fieldLabels),
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
            label={fieldLabels.template}
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
          label={fieldLabels.title}
          required
          maxLength={RitualsLimits.titleMax}
          placeholder="CMO–CIO weekly sync"
          {...form.getInputProps("title")}
        />
        <Textarea
          label={fieldLabels.description}
          autosize
          minRows={2}
          maxLength={RitualsLimits.textMax}
          {...form.getInputProps("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={fieldLabels.cadenceKind}
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
              label={fieldLabels.intervalWeeks}
              required
              min={2}
              max={RitualsLimits.intervalWeeksMax}
              allowDecimal={false}
              {...form.getInputProps("intervalWeeks")}
            />
          )}
          {values.cadenceKind === "monthly_nth_weekday" && (
            <Select
              label={fieldLabels.nth}
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
            label={fieldLabels.weekday}
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
          <TextInput type="date" label={fieldLabels.startDate} required {...form.getInputProps("startDate")} />
          <TextInput type="time" label={fieldLabels.startTime} required {...form.getInputProps("startTime")} />
          <Select
            label={fieldLabels.timeZone}
            required
            searchable
            allowDeselect={false}
            data={timeZones().includes(values.timeZone) ? timeZones() : [values.timeZone, ...timeZones()]}
            limit={50}
            {...form.getInputProps("timeZone")}
          />
          <NumberInput
            label={fieldLabels.durationMinutes}
            required
            min={RitualsLimits.durationMinMinutes}
            max={RitualsLimits.durationMaxMinutes}
            step={15}
            allowDecimal={false}
            {...form.getInputProps("durationMinutes")}
          />
        </SimpleGrid>
        <MultiSelect
          label={fieldLabels.participantIds}
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
