import { Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { AlignmentCriterion, CreateSurveyItemBody, HealthLimits, type SurveyItem } from "#contracts/health";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useCreateSurveyItem, useUpdateSurveyItem } from "../hooks/use-health";
import { criterionLabel } from "../labels";

const labels: Record<string, string> = {
  criterion: "Criterion",
  "text.marketing": "What marketing reads",
  "text.it": "What IT reads",
};

interface FormValues {
  criterion: string;
  text: { marketing: string; it: string };
}

const resolve = contractResolver(CreateSurveyItemBody, labels);

/** A new statement for the bank, or a never-asked one reworded. */
export function ItemFormDialog({
  opened,
  item,
  onClose,
}: {
  opened: boolean;
  item: SurveyItem | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={item ? `Reword ${item.code}` : "New statement"} size="lg">
      {opened && <ItemForm item={item} onDone={onClose} />}
    </Modal>
  );
}

function ItemForm({ item, onDone }: { item: SurveyItem | null; onDone: () => void }) {
  const create = useCreateSurveyItem();
  const update = useUpdateSurveyItem();
  const mutation = item ? update : create;
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      criterion: item && item.criterion !== "outcome" ? item.criterion : "",
      text: { marketing: item?.text.marketing ?? "", it: item?.text.it ?? "" },
    },
    validate: (values) =>
      item
        ? resolve({ criterion: "communications", text: values.text })
        : resolve(values as unknown as Record<string, unknown>),
  });
  const handleSubmit = form.onSubmit((values) => {
    if (item) {
      update.mutate(
        { id: item.id, body: { version: item.version, text: values.text } },
        {
          onSuccess: (saved) => {
            notifications.show({ color: "indigo", message: `${saved.code} reworded` });
            onDone();
          },
          onError: (error) => {
            if (handleStaleEdit(error, "statement")) onDone();
            else applyServerErrors(form, error, labels);
          },
        },
      );
      return;
    }
    create.mutate(
      { criterion: values.criterion as AlignmentCriterion, text: values.text },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "indigo", message: `${saved.code} added to the bank` });
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
        {!hasFieldErrors && (
          <FormError
            error={mutation.error}
            messages={{ invalid_state: "This statement has been asked in a pulse: its wording can no longer change." }}
          />
        )}
        {!item && (
          <Select
            label={labels.criterion}
            required
            data={AlignmentCriterion.options.map((key) => ({ value: key, label: criterionLabel(key) }))}
            {...form.getInputProps("criterion")}
          />
        )}
        <Textarea
          label={labels["text.marketing"]}
          description="Worded for a marketing person, about IT: a statement to agree or disagree with."
          required
          autosize
          minRows={2}
          maxLength={HealthLimits.itemTextMax}
          {...form.getInputProps("text.marketing")}
        />
        <Textarea
          label={labels["text.it"]}
          description="The same statement worded for an IT person, about marketing."
          required
          autosize
          minRows={2}
          maxLength={HealthLimits.itemTextMax}
          {...form.getInputProps("text.it")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {item ? "Save wording" : "Add statement"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
