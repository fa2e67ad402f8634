import { Badge, Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { ScorecardLimits, type Segment, SegmentFields } from "#contracts/scorecard";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { FormError } from "../components/ui/form-error";
import { FormErrorSummary } from "../components/ui/form-error-summary";
import { ListPage } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import { ScorecardNav } from "../features/scorecard/components/scorecard-nav";
import { useCreateSegment, useSegments, useUpdateSegment } from "../features/scorecard/hooks/use-scorecard";
import { applyServerErrors, contractResolver } from "../lib/form";
import { handleStaleEdit } from "../lib/stale-edit";

const labels: Record<string, string> = { name: "Name", description: "Description", priority: "Priority" };
const resolve = contractResolver(SegmentFields, labels);
const priorityLabel = (priority: number) => (priority === 1 ? "1 · most important" : String(priority));

function SegmentForm({ segment, onDone }: { segment: Segment | null; onDone: () => void }) {
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const mutation = segment ? update : create;
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: segment?.name ?? "",
      description: segment?.description ?? "",
      priority: segment?.priority ?? 3,
    },
    validate: (values) => resolve(values),
  });
  const handleSubmit = form.onSubmit((values) => {
    const onSuccess = (saved: Segment) => {
      notifications.show({ color: "indigo", message: `${saved.name} ${segment ? "saved" : "added"}` });
      onDone();
    };
    const onError = (error: unknown) => {
      if (handleStaleEdit(error, "segment")) {
        onDone();
        return;
      }
      applyServerErrors(form, error, labels);
    };
    if (segment)
      update.mutate({ id: segment.id, body: { version: segment.version, ...values } }, { onSuccess, onError });
    else create.mutate(values, { onSuccess, onError });
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && <FormError error={mutation.error} />}
        <TextInput
          label={labels.name}
          required
          data-autofocus
          maxLength={ScorecardLimits.segmentNameMax}
          {...form.getInputProps("name")}
        />
        <Textarea label={labels.description} autosize minRows={2} {...form.getInputProps("description")} />
        <NumberInput
          label={labels.priority}
          description="1 is the most important"
          min={1}
          max={5}
          {...form.getInputProps("priority")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {segment ? "Save" : "Add segment"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Customer segments by priority, each with its voice-of-customer KPIs. */
export function ScorecardSegmentsPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const segments = useSegments();
  const [editing, setEditing] = useState<Segment | "new" | null>(null);
  const columns: DataColumn<Segment>[] = [
    {
      key: "segment",
      header: "Segment",
      cell: (segment) => (
        <>
          <Text fw={500}>{segment.name}</Text>
          {segment.description && (
            <Text size="xs" c="dimmed">
              {segment.description}
            </Text>
          )}
        </>
      ),
    },
    {
      key: "priority",
      header: "Priority",
      cell: (segment) => (
        <Badge variant={segment.priority === 1 ? "filled" : "light"}>{priorityLabel(segment.priority)}</Badge>
      ),
    },
    { key: "kpis", header: "KPIs", align: "right", priority: 2, cell: (segment) => segment.kpiCount },
  ];
  if (canWrite)
    columns.push({
      key: "actions",
      header: "Actions",
      kind: "actions",
      cell: (segment) => (
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => setEditing(segment)}
          aria-label={`Edit ${segment.name}`}
        >
          Edit
        </Button>
      ),
    });
  return (
    <ListPage
      title="Customer segments"
      description="Know the customer: the groups you prioritise, each measured by its own voice-of-customer KPIs (NPS, CSAT, churn, complaints)."
      actions={
        canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing("new")}>
            New segment
          </Button>
        )
      }
      nav={<ScorecardNav />}
      query={segments}
      loadingLabel="Loading segments…"
      isEmpty={(segments.data?.length ?? 0) === 0}
      empty={{
        icon: IconUsersGroup,
        title: "No customer segments yet",
        description: "Name the customer groups that matter most, then give each a KPI such as NPS or churn.",
        action: canWrite && (
          <Button size="xs" onClick={() => setEditing("new")}>
            Add the first segment
          </Button>
        ),
      }}
      after={
        <Modal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing && editing !== "new" ? `Edit ${editing.name}` : "New customer segment"}
        >
          {editing !== null && (
            <SegmentForm segment={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
          )}
        </Modal>
      }
    >
      <DataTable
        rows={segments.data ?? []}
        columns={columns}
        rowKey={(segment) => segment.id}
        rowName={(segment) => segment.name}
        label="Customer segments"
      />
    </ListPage>
  );
}
