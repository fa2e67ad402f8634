import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { CreateSurveyBody, HealthLimits, type Survey } from "#contracts/health";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { useCreateSurvey, useUpdateSurvey } from "../hooks/use-health";

const labels: Record<string, string> = {
  title: "Title",
  k: "Anonymity threshold (k)",
  itemsPerPulse: "Statements per pulse",
  closesOn: "Closes on",
};

interface FormValues {
  title: string;
  k: number | string;
  itemsPerPulse: number | string;
  closesOn: string;
}

const resolve = contractResolver(CreateSurveyBody, labels);

function bodyOf(values: FormValues): CreateSurveyBody {
  const number = (value: number | string) => (value === "" ? Number.NaN : Number(value));
  return {
    title: values.title,
    k: number(values.k),
    itemsPerPulse: number(values.itemsPerPulse),
    closesOn: values.closesOn,
  };
}

/** Two weeks from today, as YYYY-MM-DD. */
function inTwoWeeks(): string {
  return new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** A new draft pulse (its statements chosen by the rotation), or a draft's settings edited. */
export function SurveyFormDialog({
  opened,
  survey,
  onClose,
}: {
  opened: boolean;
  survey: Survey | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={survey ? `Edit ${survey.title}` : "New pulse"} size="md">
      {opened && <SurveyForm survey={survey} onDone={onClose} />}
    </Modal>
  );
}

function SurveyForm({ survey, onDone }: { survey: Survey | null; onDone: () => void }) {
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const navigate = useNavigate();
  const mutation = survey ? update : create;
  const quarter = Math.floor(new Date().getUTCMonth() / 3) + 1;
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      title: survey?.title ?? `Pulse Q${quarter} ${new Date().getUTCFullYear()}`,
      k: survey?.k ?? HealthLimits.kDefault,
      itemsPerPulse: survey?.itemsPerPulse ?? HealthLimits.itemsPerPulseDefault,
      closesOn: survey?.closesOn ?? inTwoWeeks(),
    },
    validate: (values) => {
      const errors = resolve(bodyOf(values) as unknown as Record<string, unknown>);
      const outside = (value: number | string, min: number, max: number) =>
        value === "" || !Number.isInteger(Number(value)) || Number(value) < min || Number(value) > max;
      if (outside(values.k, HealthLimits.kMin, HealthLimits.kMax))
        errors.k = `${labels.k} must be a whole number from ${HealthLimits.kMin} to ${HealthLimits.kMax}`;
      if (!survey && outside(values.itemsPerPulse, HealthLimits.itemsPerPulseMin, HealthLimits.itemsPerPulseMax))
        errors.itemsPerPulse = `${labels.itemsPerPulse} must be a whole number from ${HealthLimits.itemsPerPulseMin} to ${HealthLimits.itemsPerPulseMax}`;
      return errors;
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(values);
    if (survey) {
      update.mutate(
        { id: survey.id, body: { version: survey.version, title: body.title, k: body.k, closesOn: body.closesOn } },
        {
          onSuccess: (saved) => {
            notifications.show({ color: "indigo", message: `${saved.title} saved` });
            onDone();
          },
          onError: (error) => {
            if (handleStaleEdit(error, "pulse")) onDone();
            else applyServerErrors(form, error, labels);
          },
        },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: "indigo", message: `${created.title} drafted: check its statements, then launch` });
        onDone();
        void navigate({ to: "/health/surveys/$id", params: { id: created.id } });
      },
      onError: (error) => applyServerErrors(form, error, labels),
    });
  });
  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && <FormError error={mutation.error} />}
        <TextInput
          label={labels.title}
          required
          data-autofocus
          maxLength={HealthLimits.titleMax}
          {...form.getInputProps("title")}
        />
        <NumberInput
          label={labels.k}
          description={`Results of a side appear only when at least k of its people answered (${HealthLimits.kMin}–${HealthLimits.kMax}). Locked when the pulse is launched.`}
          required
          min={HealthLimits.kMin}
          max={HealthLimits.kMax}
          clampBehavior="none"
          allowDecimal={false}
          {...form.getInputProps("k")}
        />
        {!survey && (
          <NumberInput
            label={labels.itemsPerPulse}
            description={`${HealthLimits.itemsPerPulseMin}–${HealthLimits.itemsPerPulseMax}, every criterion at least once; the overall statement is asked on top. The rotation asks the least recently asked statements first.`}
            required
            min={HealthLimits.itemsPerPulseMin}
            max={HealthLimits.itemsPerPulseMax}
            clampBehavior="none"
            allowDecimal={false}
            {...form.getInputProps("itemsPerPulse")}
          />
        )}
        <TextInput type="date" label={labels.closesOn} required {...form.getInputProps("closesOn")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {survey ? "Save" : "Draft the pulse"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
