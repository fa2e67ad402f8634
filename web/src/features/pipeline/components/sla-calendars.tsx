import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCalendarOff, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { WorkCalendar } from "#contracts/pipeline";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { ListSection } from "../../../components/ui/list-page";
import { isApiError } from "../../../lib/api";
import { type CalendarSave, useCalendars, useSaveCalendar } from "../hooks/use-pipeline";
import { notifyStaleEdit } from "./notify";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The working calendars clocks count on; admins edit them. */
export function Calendars({ isAdmin }: { isAdmin: boolean }) {
  const calendars = useCalendars();
  const [editing, setEditing] = useState<WorkCalendar | "new" | null>(null);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Working calendars
        </Title>
        {isAdmin && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing("new")}
          >
            Add calendar
          </Button>
        )}
      </Group>
      <ListSection
        withCard={false}
        query={calendars}
        loadingLabel="Loading calendars…"
        isEmpty={(calendars.data?.items.length ?? 0) === 0}
        empty={{
          icon: IconCalendarOff,
          title: "No working calendar",
          description: "Service-level clocks count business time on a calendar: add one.",
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(calendars.data?.items ?? []).map((calendar) => (
            <Card key={calendar.id} withBorder padding="md">
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Group gap={6}>
                  <Title order={3} size="h5">
                    {calendar.name}
                  </Title>
                  {calendar.isDefault && (
                    <Badge color="indigo" tt="none" size="sm">
                      Default
                    </Badge>
                  )}
                </Group>
                {isAdmin && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => setEditing(calendar)}
                    aria-label={`Edit calendar ${calendar.name}`}
                  >
                    Edit
                  </Button>
                )}
              </Group>
              <Text size="sm">
                {calendar.workingDays.map((day) => DAY_NAMES[day - 1]).join(", ")} · {calendar.workingHours.start}–
                {calendar.workingHours.end}
              </Text>
              <Text size="sm" c="dimmed">
                {calendar.timeZone} · {calendar.holidays.length}{" "}
                {calendar.holidays.length === 1 ? "holiday" : "holidays"}
                {calendar.holidays.length > 0
                  ? `: ${calendar.holidays.slice(0, 4).join(", ")}${calendar.holidays.length > 4 ? "…" : ""}`
                  : ""}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </ListSection>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add a calendar" : editing ? `Edit ${editing.name}` : ""}
        size="lg"
      >
        {editing && <CalendarForm calendar={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}

const calendarLabels: Record<string, string> = {
  name: "Name",
  timeZone: "Time zone",
  workingDays: "Working days",
  "workingHours.start": "Day starts",
  "workingHours.end": "Day ends",
  holidays: "Holidays",
};

// Browsers list canonical zones only; "UTC" (the default calendar's zone) is added so it shows.
const timeZones = (() => {
  try {
    return [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
  } catch {
    return ["UTC"];
  }
})();

function CalendarForm({ calendar, onDone }: { calendar: WorkCalendar | null; onDone: () => void }) {
  const save = useSaveCalendar();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: calendar?.name ?? "",
      timeZone: calendar?.timeZone ?? "UTC",
      workingDays: (calendar?.workingDays ?? [1, 2, 3, 4, 5]).map(String),
      workingHours: { start: calendar?.workingHours.start ?? "09:00", end: calendar?.workingHours.end ?? "17:00" },
      holidays: calendar?.holidays ?? [],
      isDefault: calendar?.isDefault ?? false,
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    if (values.workingHours.start >= values.workingHours.end) {
      form.setFieldError("workingHours.end", "Day ends must be later than the start");
      return;
    }
    const fields = {
      name: values.name,
      timeZone: values.timeZone,
      workingDays: values.workingDays.map(Number).sort(),
      workingHours: values.workingHours,
      holidays: values.holidays,
    };
    const edit: CalendarSave = calendar
      ? {
          id: calendar.id,
          body: {
            version: calendar.version,
            ...fields,
            ...(values.isDefault && !calendar.isDefault ? { isDefault: true as const } : {}),
          },
        }
      : { id: null, body: { ...fields, isDefault: values.isDefault } };
    save.mutate(edit, {
      onSuccess: (saved) => {
        notifications.show({ color: "indigo", message: `${saved.name} saved` });
        onDone();
      },
      onError: (error) => {
        if (isApiError(error, "conflict")) {
          notifyStaleEdit("this calendar");
          onDone();
          return;
        }
        // The engine names list items as holidays[3]; the form shows one error per field.
        if (isApiError(error)) {
          for (const { path, message } of error.fieldErrors) {
            const field = path
              .replace(/^(holidays|workingDays)(\.|\[)\d+\]?$/, "$1")
              .replace(/^workingHours$/, "workingHours.end");
            const label = calendarLabels[field];
            const readable = message
              .replace(/^[\w.[\]]+ (?=must|is|has)/, "")
              .replace(/workingHours\.start/, "the start");
            if (label) form.setFieldError(field, `${label} ${readable}`);
          }
        }
      },
    });
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack>
        {Object.keys(form.errors).length === 0 && <FormError error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={calendarLabels.name} required data-autofocus {...form.getInputProps("name")} />
          <Select
            label={calendarLabels.timeZone}
            data={calendar && !timeZones.includes(calendar.timeZone) ? [calendar.timeZone, ...timeZones] : timeZones}
            searchable
            allowDeselect={false}
            {...form.getInputProps("timeZone")}
          />
        </SimpleGrid>
        <Checkbox.Group label={calendarLabels.workingDays} {...form.getInputProps("workingDays")}>
          <Group gap="sm" mt={4}>
            {DAY_NAMES.map((day, index) => (
              <Checkbox key={day} value={String(index + 1)} label={day} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={2}>
          <TextInput
            type="time"
            label={calendarLabels["workingHours.start"]}
            {...form.getInputProps("workingHours.start")}
          />
          <TextInput
            type="time"
            label={calendarLabels["workingHours.end"]}
            {...form.getInputProps("workingHours.end")}
          />
        </SimpleGrid>
        <TagsInput
          label={calendarLabels.holidays}
          description="Dates like 2026-12-25 — press Enter after each"
          {...form.getInputProps("holidays")}
        />
        {!calendar?.isDefault && (
          <Checkbox label="Use as the default calendar" {...form.getInputProps("isDefault", { type: "checkbox" })} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save calendar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
