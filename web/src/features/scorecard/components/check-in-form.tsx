import { Button, Group, Modal, NumberInput, Rating, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { CreateMeasurementBody, type Kpi, ScorecardLimits } from "#contracts/scorecard";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { useCheckIn } from "../hooks/use-scorecard";
import { todayIso, unitLabels } from "../labels";

const labels: Record<string, string> = { date: "Date", value: "Value", comment: "Comment", confidence: "Confidence" };

interface FormValues {
  date: string;
  value: number | string;
  comment: string;
  confidence: number;
}

const resolve = contractResolver(CreateMeasurementBody, labels);

function bodyOf(values: FormValues): CreateMeasurementBody {
  return {
    date: values.date,
    value: values.value === "" ? Number.NaN : Number(values.value),
    comment: values.comment,
    confidence: values.confidence === 0 ? null : values.confidence,
  };
}

/** Today, or the period's last day once the period is over (a check-in must fall inside the period). */
function defaultDate(kpi: Kpi): string {
  const today = todayIso();
  if (today > kpi.periodEnd) return kpi.periodEnd;
  if (today < kpi.periodStart) return kpi.periodStart;
  return today;
}

/** Checks in a KPI's value for a date, with a comment and how sure one is. */
export function CheckInDialog({ kpi, opened, onClose }: { kpi: Kpi; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Check in ${kpi.name}`} size="md">
      {opened && <CheckInForm kpi={kpi} onDone={onClose} />}
    </Modal>
  );
}

function CheckInForm({ kpi, onDone }: { kpi: Kpi; onDone: () => void }) {
  const checkIn = useCheckIn();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: { date: defaultDate(kpi), value: "", comment: "", confidence: 0 },
    validate: (values) => {
      const errors = resolve(bodyOf(values) as unknown as Record<string, unknown>);
      if (values.date && (values.date < kpi.periodStart || values.date > kpi.periodEnd))
        errors.date = `Date must fall within the KPI's period (${kpi.periodStart} to ${kpi.periodEnd})`;
      if (kpi.unit === "percent" && values.value !== "" && (Number(values.value) < 0 || Number(values.value) > 100))
        errors.value = "Value must be a percent from 0 to 100";
      return errors;
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    checkIn.mutate(
      { id: kpi.id, body: bodyOf(values) },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `${kpi.name} checked in` });
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
        {!hasFieldErrors && <FormError error={checkIn.error} />}
        <TextInput
          type="date"
          label={labels.date}
          required
          min={kpi.periodStart}
          max={kpi.periodEnd}
          {...form.getInputProps("date")}
        />
        <NumberInput
          label={labels.value}
          description={`${unitLabels[kpi.unit]}${kpi.currency ? ` (${kpi.currency})` : ""}; target ${kpi.target}`}
          required
          data-autofocus
          decimalScale={4}
          {...form.getInputProps("value")}
        />
        <Textarea
          label={labels.comment}
          autosize
          minRows={2}
          maxLength={ScorecardLimits.commentMax}
          placeholder="What moved it, what is next"
          {...form.getInputProps("comment")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="confidence-label">
            Confidence (1 a guess – 5 certain)
          </Text>
          <Rating
            aria-labelledby="confidence-label"
            count={5}
            value={form.values.confidence}
            onChange={(value) => form.setFieldValue("confidence", value)}
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={checkIn.isPending}>
            Check in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
