import { ActionIcon, Button, Group, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import type { FormErrors, UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { RitualsLimits } from "#contracts/rituals";
import { agendaKindMeta, agendaKinds } from "../labels";
import { type FormValues, fieldLabels } from "./series-form-values";

/** The series form, as its parts take it. */
export type SeriesForm = UseFormReturnType<FormValues, FormValues, (values: FormValues) => FormErrors>;

/** The agenda's sections: a title each, and which kinds of built items land in it. */
export function SectionsEditor({ form }: { form: SeriesForm }) {
  const sections = form.values.sections;
  const kindOptions = agendaKinds.map((kind) => ({ value: kind, label: agendaKindMeta[kind].label }));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={4}>
        {fieldLabels.sections}
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
