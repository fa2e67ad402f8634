import { Button, Group, Modal, NumberInput, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconClockHour4, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import type { SlaPolicy, WorkCalendar } from "#contracts/pipeline";
import { type DataColumn, DataTable } from "../../../components/ui/data-table";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { ListSection } from "../../../components/ui/list-page";
import { isApiError } from "../../../lib/api";
import { applyServerErrors } from "../../../lib/form";
import { useCalendars, useSlaPolicies, useUpdateSlaPolicy } from "../hooks/use-pipeline";
import { formatBusinessMinutes, priorityMeta } from "../labels";
import { notifyStaleEdit } from "./notify";
import { PriorityBadge } from "./request-badges";

/** The targets per priority class, in business time; admins edit them. */
export function SlaPolicies({ isAdmin }: { isAdmin: boolean }) {
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const calendarName = (id: string) => calendars.data?.items.find((calendar) => calendar.id === id)?.name ?? "—";
  const columns: DataColumn<SlaPolicy>[] = [
    { key: "class", header: "Class", cell: (policy) => <PriorityBadge priority={policy.priority} /> },
    {
      key: "firstResponse",
      header: "First response",
      cell: (policy) => formatBusinessMinutes(policy.firstResponseMinutes),
    },
    { key: "decision", header: "Decision", cell: (policy) => formatBusinessMinutes(policy.decisionMinutes) },
    { key: "delivery", header: "Delivery", cell: (policy) => formatBusinessMinutes(policy.deliveryMinutes) },
    { key: "calendar", header: "Calendar", priority: 2, cell: (policy) => calendarName(policy.calendarId) },
  ];
  if (isAdmin)
    columns.push({
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      kind: "actions",
      cell: (policy) => (
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPencil size={14} aria-hidden="true" />}
          onClick={() => setEditing(policy)}
          aria-label={`Edit the ${priorityMeta[policy.priority].label} targets`}
        >
          Edit
        </Button>
      ),
    });
  return (
    <>
      <ListSection
        filters={
          <Stack gap={2}>
            <Title order={2} size="h4">
              Targets per class
            </Title>
            <Text size="sm" c="dimmed">
              Counted in business time on the class's calendar (a business day is 8 hours); paused while a request waits
              on its requester.
            </Text>
          </Stack>
        }
        query={policies}
        loadingLabel="Loading targets…"
        isEmpty={(policies.data?.items.length ?? 0) === 0}
        empty={{
          icon: IconClockHour4,
          title: "No targets yet",
          description: "Each priority class gets its targets here.",
        }}
      >
        <DataTable
          rows={policies.data?.items ?? []}
          columns={columns}
          rowKey={(policy) => policy.priority}
          rowName={(policy) => priorityMeta[policy.priority].label}
          label="Targets per class"
        />
      </ListSection>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `${priorityMeta[editing.priority].label} targets` : ""}
      >
        {editing && (
          <PolicyForm policy={editing} calendars={calendars.data?.items ?? []} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}

const policyLabels: Record<string, string> = {
  firstResponseMinutes: "First response (business hours)",
  decisionMinutes: "Decision (business hours)",
  deliveryMinutes: "Delivery (business hours)",
  calendarId: "Calendar",
};

function PolicyForm({
  policy,
  calendars,
  onDone,
}: {
  policy: SlaPolicy;
  calendars: WorkCalendar[];
  onDone: () => void;
}) {
  const update = useUpdateSlaPolicy();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      firstResponseMinutes: (policy.firstResponseMinutes / 60) as number | string,
      decisionMinutes: (policy.decisionMinutes / 60) as number | string,
      deliveryMinutes: (policy.deliveryMinutes / 60) as number | string,
      calendarId: policy.calendarId as string | null,
    },
  });
  const minutes = (hours: number | string) => Math.round(Number(hours) * 60);
  const handleSubmit = form.onSubmit((values) =>
    update.mutate(
      {
        priority: policy.priority,
        body: {
          version: policy.version,
          calendarId: values.calendarId ?? undefined,
          firstResponseMinutes: minutes(values.firstResponseMinutes),
          decisionMinutes: minutes(values.decisionMinutes),
          deliveryMinutes: minutes(values.deliveryMinutes),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${priorityMeta[policy.priority].label} targets saved` });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, "conflict")) {
            notifyStaleEdit("these targets");
            onDone();
            return;
          }
          applyServerErrors(form, error, policyLabels);
        },
      },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack>
        {Object.keys(form.errors).length === 0 && <FormError error={update.error} />}
        <NumberInput
          label={policyLabels.firstResponseMinutes}
          min={0.25}
          step={1}
          decimalScale={2}
          {...form.getInputProps("firstResponseMinutes")}
        />
        <NumberInput
          label={policyLabels.decisionMinutes}
          min={0.25}
          step={8}
          decimalScale={2}
          {...form.getInputProps("decisionMinutes")}
        />
        <NumberInput
          label={policyLabels.deliveryMinutes}
          min={0.25}
          step={8}
          decimalScale={2}
          {...form.getInputProps("deliveryMinutes")}
        />
        <Select
          label={policyLabels.calendarId}
          data={calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
          allowDeselect={false}
          {...form.getInputProps("calendarId")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save targets
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
