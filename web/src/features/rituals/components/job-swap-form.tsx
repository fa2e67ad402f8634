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
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { CreateJobSwapBody, type JobSwapKind, JobSwapLimits } from "#contracts/job-swaps";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useCreateJobSwap, useRitualsPeople } from "../hooks/use-rituals";
import { daysFromToday } from "../labels";

const labels: Record<string, string> = {
  kind: "Kind",
  marketingPersonId: "From marketing",
  itPersonId: "From IT",
  startDate: "First day",
  endDate: "Last day",
  goals: "Goals",
};

interface FormValues {
  kind: JobSwapKind;
  marketingPersonId: string | null;
  itPersonId: string | null;
  startDate: string;
  endDate: string;
  goals: string;
}

const bodyOf = (values: FormValues) => ({
  ...values,
  marketingPersonId: values.marketingPersonId ?? undefined,
  itPersonId: values.itPersonId ?? undefined,
});

const resolve = contractResolver(CreateJobSwapBody, labels);

/** Pairs a marketing person with an IT person for a period, with the goals they set. */
export function JobSwapFormDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const isPhone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal opened={opened} onClose={onClose} title="New job-swap pair" size="lg" fullScreen={isPhone}>
      {opened && <JobSwapForm onDone={onClose} />}
    </Modal>
  );
}

function JobSwapForm({ onDone }: { onDone: () => void }) {
  const people = useRitualsPeople();
  const create = useCreateJobSwap();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      kind: "swap",
      marketingPersonId: null,
      itPersonId: null,
      startDate: daysFromToday(14),
      endDate: daysFromToday(18),
      goals: "",
    },
    validate: (values) => {
      const errors = resolve(bodyOf(values) as unknown as Record<string, unknown>);
      for (const field of ["marketingPersonId", "itPersonId"]) {
        if (errors[field]) errors[field] = `Pick someone ${labels[field].toLowerCase()}`;
      }
      return errors;
    },
  });
  const optionsOf = (kind: "marketing" | "it") =>
    (people.data ?? [])
      .filter((person) => person.team.kind === kind)
      .map((person) => ({ value: person.id, label: `${person.name} · ${person.team.name}` }));

  const handleSubmit = form.onSubmit((values) => {
    create.mutate(CreateJobSwapBody.parse(bodyOf(values)), {
      onSuccess: (swap) => {
        notifications.show({
          color: "indigo",
          message: `${swap.marketingPerson.name} and ${swap.itPerson.name} paired`,
        });
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
        {!hasFieldErrors && <FormError error={create.error} />}
        <div>
          <Text size="sm" fw={500} mb={4} id="job-swap-kind">
            {labels.kind}
          </Text>
          <SegmentedControl
            aria-labelledby="job-swap-kind"
            data={[
              { value: "swap", label: "Job swap" },
              { value: "shadowing", label: "Shadowing" },
            ]}
            {...form.getInputProps("kind")}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {form.values.kind === "swap"
              ? "Each works a few days in the other's team."
              : "One follows the other through their work."}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={labels.marketingPersonId}
            required
            searchable
            placeholder="A marketing person"
            data={optionsOf("marketing")}
            nothingFoundMessage="Nobody in a marketing team"
            {...form.getInputProps("marketingPersonId")}
          />
          <Select
            label={labels.itPersonId}
            required
            searchable
            placeholder="An IT person"
            data={optionsOf("it")}
            nothingFoundMessage="Nobody in an IT team"
            {...form.getInputProps("itPersonId")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={labels.startDate} required {...form.getInputProps("startDate")} />
          <TextInput type="date" label={labels.endDate} required {...form.getInputProps("endDate")} />
        </SimpleGrid>
        <Textarea
          label={labels.goals}
          required
          autosize
          minRows={3}
          maxLength={JobSwapLimits.goalsMax}
          description="What the two mean to learn or change; each writes a short reflection at the end."
          placeholder="Understand how campaign data reaches the warehouse; see a release from the inside."
          {...form.getInputProps("goals")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create pair
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
