import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { CreateSpendBody, CURRENCIES, ValueLimits } from "#contracts/value";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useCreateSpend } from "../hooks/use-value";

const labels: Record<string, string> = {
  date: "Date",
  channel: "Channel",
  campaign: "Campaign",
  initiative: "Initiative",
  kind: "Kind",
  amount: "Amount",
  currency: "Currency",
};

const resolve = contractResolver(CreateSpendBody, labels);

interface Values {
  date: string;
  channel: string;
  campaign: string;
  initiative: string;
  kind: "actual" | "planned";
  amount: string;
  currency: string;
}

/** Adds one spend line by hand. */
export function SpendFormDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a spend line" size="lg">
      {opened && <SpendForm onDone={onClose} />}
    </Modal>
  );
}

function SpendForm({ onDone }: { onDone: () => void }) {
  const create = useCreateSpend();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      date: new Date().toISOString().slice(0, 10),
      channel: "",
      campaign: "",
      initiative: "",
      kind: "actual",
      amount: "",
      currency: "EUR",
    },
    validate: (values) => resolve(values as unknown as Record<string, unknown>),
  });
  const handleSubmit = form.onSubmit((values) => {
    create.mutate(values as CreateSpendBody, {
      onSuccess: (saved) => {
        notifications.show({
          color: "indigo",
          message: `${saved.amount.amount} ${saved.amount.currency} on ${saved.channel} added`,
        });
        onDone();
      },
      onError: (error) => applyServerErrors(form, error, labels),
    });
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {Object.keys(form.errors).length === 0 && <FormError error={create.error} />}
        <SegmentedControl
          aria-label={labels.kind}
          data={[
            { value: "actual", label: "Actual" },
            { value: "planned", label: "Planned" },
          ]}
          {...form.getInputProps("kind")}
        />
        <Group grow align="flex-start">
          <TextInput
            label={labels.date}
            required
            placeholder="2026-03-01"
            data-autofocus
            {...form.getInputProps("date")}
          />
          <TextInput
            label={labels.channel}
            required
            maxLength={ValueLimits.channelMax}
            placeholder="Paid search"
            {...form.getInputProps("channel")}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={labels.amount}
            required
            placeholder="12500.00"
            inputMode="decimal"
            {...form.getInputProps("amount")}
          />
          <Select
            label={labels.currency}
            required
            searchable
            data={[...CURRENCIES]}
            {...form.getInputProps("currency")}
          />
        </Group>
        <TextInput label={labels.campaign} maxLength={ValueLimits.campaignMax} {...form.getInputProps("campaign")} />
        <TextInput
          label={labels.initiative}
          description="The project or programme the money went to, e.g. a Pipeline request's title"
          maxLength={ValueLimits.initiativeMax}
          {...form.getInputProps("initiative")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add line
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
