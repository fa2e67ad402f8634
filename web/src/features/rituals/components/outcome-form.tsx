import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  type ActionPriority,
  type AgendaItem,
  CreateOutcomeBody,
  type OutcomeType,
  RitualsLimits,
} from "#contracts/rituals";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { applyServerErrors } from "../../../lib/form";
import { ownerOptions } from "../../people/options";
import { RequestPicker } from "../../pipeline/components/request-picker";
import { useCreateOutcome, useRitualsPeople } from "../hooks/use-rituals";
import { daysFromToday, outcomeTypeMeta, priorityMeta } from "../labels";

interface FormValues {
  type: OutcomeType;
  summary: string;
  requestId: string;
  reason: string;
  ownerId: string | null;
  dueDate: string;
  priority: ActionPriority;
}

const summaryLabels: Record<OutcomeType, string> = {
  decision: "What was decided",
  information: "What the meeting learned",
  action_item: "What will be done",
};

const labels: Record<string, string> = {
  summary: "Summary",
  requestId: "The request it decides",
  reason: "Reason",
  ownerId: "Owner",
  dueDate: "Due",
  priority: "Priority",
};

function bodyOf(values: FormValues, agendaItemId: string | null) {
  if (values.type === "decision") {
    return {
      type: "decision" as const,
      agendaItemId,
      summary: values.summary,
      requestId: values.requestId || undefined,
      reason: values.reason,
    };
  }
  if (values.type === "information") return { type: "information" as const, agendaItemId, summary: values.summary };
  return {
    type: "action_item" as const,
    agendaItemId,
    summary: values.summary,
    ownerId: values.ownerId ?? undefined,
    dueDate: values.dueDate,
    priority: values.priority,
  };
}

function phrase(field: string, message: string, type: OutcomeType): string {
  const label = field === "summary" ? summaryLabels[type] : labels[field];
  if (/^Invalid input: expected string, received undefined|^Invalid UUID/.test(message)) return `${label} is required`;
  const readable = /^Too small: expected string/.test(message) ? "is required" : message;
  return label && /^(is|must)\b/.test(readable) ? `${label} ${readable}` : readable;
}

interface OutcomeDialogProps {
  meetingId: string;
  /** The agenda item the outcome belongs to; null records it on the meeting as a whole. */
  item: AgendaItem | null;
  opened: boolean;
  onClose: () => void;
}

/** Records an outcome: a decision (the request it decides, with the reason), information, or an action item. */
export function OutcomeDialog({ meetingId, item, opened, onClose }: OutcomeDialogProps) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal opened={opened} onClose={onClose} title="Record an outcome" size="lg" fullScreen={isPhone}>
      {opened && <OutcomeForm key={item?.id ?? "meeting"} meetingId={meetingId} item={item} onDone={onClose} />}
    </Modal>
  );
}

function OutcomeForm({ meetingId, item, onDone }: { meetingId: string; item: AgendaItem | null; onDone: () => void }) {
  const people = useRitualsPeople();
  const create = useCreateOutcome();
  const agendaItemId = item?.id ?? null;
  // A request on the agenda is what a decision most likely decides.
  const suggestedRequest = item?.link?.type === "request" ? item.link.id : "";
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      type: suggestedRequest ? "decision" : "action_item",
      summary: "",
      requestId: suggestedRequest,
      reason: "",
      ownerId: item?.owner?.id ?? null,
      dueDate: daysFromToday(7),
      priority: "medium",
    },
    validate: (values): FormErrors => {
      const parsed = CreateOutcomeBody.safeParse(bodyOf(values, agendaItemId));
      if (parsed.success) return {};
      const errors: FormErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "summary");
        if (!errors[field]) errors[field] = phrase(field, issue.message, values.type);
      }
      return errors;
    },
  });
  const type = form.values.type;

  const handleSubmit = form.onSubmit((values) => {
    create.mutate(
      { meetingId, body: CreateOutcomeBody.parse(bodyOf(values, agendaItemId)) },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${outcomeTypeMeta[values.type].label} recorded` });
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
        {item && (
          <Text size="sm" c="dimmed">
            On the agenda item <strong>{item.title}</strong>
          </Text>
        )}
        {!hasFieldErrors && !isApiError(create.error, "validation_failed") && <FormError error={create.error} />}
        <div>
          <Text size="sm" fw={500} mb={4} id="outcome-type-label">
            Type of outcome
          </Text>
          <SegmentedControl
            aria-labelledby="outcome-type-label"
            fullWidth
            value={type}
            onChange={(value) => {
              form.setFieldValue("type", value as OutcomeType);
              form.clearErrors();
            }}
            data={(Object.keys(outcomeTypeMeta) as OutcomeType[]).map((value) => ({
              value,
              label: outcomeTypeMeta[value].label,
            }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {outcomeTypeMeta[type].description}
          </Text>
        </div>
        <Textarea
          label={summaryLabels[type]}
          required
          autosize
          minRows={2}
          maxLength={RitualsLimits.textMax}
          data-autofocus
          {...form.getInputProps("summary")}
        />
        {type === "decision" && (
          <>
            <RequestPicker
              label={labels.requestId}
              description="The decision is recorded against this request of the Pipeline."
              value={form.values.requestId}
              error={form.errors.requestId}
              onChange={(id) => form.setFieldValue("requestId", id)}
            />
            <Textarea
              label={labels.reason}
              required
              autosize
              minRows={2}
              maxLength={RitualsLimits.reasonMax}
              description="Why: people who were not in the room will read this."
              {...form.getInputProps("reason")}
            />
          </>
        )}
        {type === "action_item" && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={labels.ownerId}
              required
              searchable
              placeholder="Who will do it"
              data={ownerOptions(people.data)}
              {...form.getInputProps("ownerId")}
            />
            <TextInput
              type="date"
              label={labels.dueDate}
              required
              min={daysFromToday(0)}
              {...form.getInputProps("dueDate")}
            />
            <Select
              label={labels.priority}
              required
              allowDeselect={false}
              data={(Object.keys(priorityMeta) as ActionPriority[]).map((value) => ({
                value,
                label: priorityMeta[value].label,
              }))}
              {...form.getInputProps("priority")}
            />
          </SimpleGrid>
        )}
        {type === "action_item" && (
          <Text size="xs" c="dimmed">
            The action item goes on its owner's commitments and is carried over to the next meetings until it is done.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Record {outcomeTypeMeta[type].label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
