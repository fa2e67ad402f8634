import { Alert, Button, Card, Group, Modal, NumberInput, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCalendarRepeat } from "@tabler/icons-react";
import { useState } from "react";
import {
  CadenceLimits,
  HealthLimits,
  type PulseCadence,
  type PulseCadenceKind,
  UpdatePulseCadenceBody,
} from "#contracts/health";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { applyServerErrors, contractResolver } from "../../../lib/form";
import { handleStaleEdit } from "../../../lib/stale-edit";
import { usePulseCadence, useSavePulseCadence } from "../hooks/use-health";
import { formatDay } from "../labels";

/** The cadences as people say them. */
export const cadenceLabels: Record<PulseCadenceKind, string> = {
  off: "Off: an admin launches each pulse",
  every_2_weeks: "Every 2 weeks",
  monthly: "Monthly",
};

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** How long the bank takes at this cadence, in words: "4 pulses (about 4 months)". */
function coverageSpan(cadence: PulseCadence) {
  const pulses = cadence.coverage.pulsesToCover;
  if (cadence.cadence === "every_2_weeks") return `${plural(pulses, "pulse")} (${pulses * 2} weeks)`;
  if (cadence.cadence === "monthly") return `${plural(pulses, "pulse")} (${plural(pulses, "month")})`;
  return plural(pulses, "pulse");
}

/** The pulse cadence on the pulses page: when the next pulse launches, and how long the bank takes to be asked. */
export function PulseCadenceCard({ isAdmin }: { isAdmin: boolean }) {
  const cadence = usePulseCadence();
  const [editing, setEditing] = useState(false);
  return (
    <Card component="section" aria-labelledby="pulse-cadence-title" p="lg" mb="lg">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="xs">
          <IconCalendarRepeat size={20} aria-hidden="true" />
          <Title order={2} size="h4" id="pulse-cadence-title">
            Pulse cadence
          </Title>
        </Group>
        {isAdmin && cadence.data && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Change the cadence
          </Button>
        )}
      </Group>
      {cadence.isPending ? (
        <PageLoader label="Loading the cadence…" />
      ) : cadence.isError ? (
        <ErrorState error={cadence.error} onRetry={() => cadence.refetch()} />
      ) : (
        <CadenceSummary cadence={cadence.data} />
      )}
      {isAdmin && cadence.data && (
        <Modal opened={editing} onClose={() => setEditing(false)} title="Pulse cadence" size="md">
          {editing && <CadenceForm cadence={cadence.data} onDone={() => setEditing(false)} />}
        </Modal>
      )}
    </Card>
  );
}

function CadenceSummary({ cadence }: { cadence: PulseCadence }) {
  const { coverage } = cadence;
  if (cadence.cadence === "off") {
    return (
      <Stack gap={4}>
        <Text size="sm">Off: pulses launch only when an admin launches one.</Text>
        <Text size="sm" c="dimmed">
          Set a cadence and Tandem launches each pulse on its day to both teams, with the statements the rotation
          chooses.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        {cadence.cadence === "every_2_weeks" ? "Every 2 weeks" : "Monthly"} from{" "}
        {cadence.startsOn ? formatDay(cadence.startsOn) : "—"}: {cadence.itemsPerPulse} statements and the overall one,
        open {plural(cadence.lengthDays, "day")}, results from k = {cadence.k}.
      </Text>
      <Text size="sm" fw={600} data-testid="next-pulse">
        Next pulse: {cadence.nextPulseOn ? formatDay(cadence.nextPulseOn) : "none planned"}
      </Text>
      <Text size="sm" c="dimmed">
        Every criterion comes up in every pulse. Each of the bank's {coverage.items} statements is asked at least once
        in any {coverageSpan(cadence)}
        {coverage.coveredInQuarter ? `: the whole bank every quarter (${coverage.pulsesPerQuarter} pulses).` : "."}
      </Text>
      {coverage.coveredInQuarter === false && (
        <Alert color="indigo" variant="light" title="The bank takes longer than a quarter">
          {coverage.pulsesPerQuarter} pulses a quarter ask at most{" "}
          {(coverage.pulsesPerQuarter ?? 0) * cadence.itemsPerPulse} of the {coverage.items} statements, so the whole
          bank takes {coverageSpan(cadence)}. Each pulse asks the statements asked least recently first.
          {cadence.itemsPerPulse < HealthLimits.itemsPerPulseMax
            ? ` Asking ${HealthLimits.itemsPerPulseMax} statements a pulse shortens it.`
            : ""}{" "}
          Every 2 weeks covers the whole bank each quarter.
        </Alert>
      )}
    </Stack>
  );
}

const labels: Record<string, string> = {
  cadence: "Cadence",
  startsOn: "First pulse on",
  k: "Anonymity threshold (k)",
  itemsPerPulse: "Statements per pulse",
  lengthDays: "Days open",
};

interface FormValues {
  cadence: PulseCadenceKind;
  startsOn: string;
  k: number | string;
  itemsPerPulse: number | string;
  lengthDays: number | string;
}

const resolve = contractResolver(UpdatePulseCadenceBody, labels);

function bodyOf(values: FormValues, version: number): UpdatePulseCadenceBody {
  const number = (value: number | string) => (value === "" ? Number.NaN : Number(value));
  return {
    version,
    cadence: values.cadence,
    startsOn: values.startsOn === "" ? null : values.startsOn,
    k: number(values.k),
    itemsPerPulse: number(values.itemsPerPulse),
    lengthDays: number(values.lengthDays),
  };
}

function CadenceForm({ cadence, onDone }: { cadence: PulseCadence; onDone: () => void }) {
  const save = useSavePulseCadence();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      cadence: cadence.cadence,
      startsOn: cadence.startsOn ?? "",
      k: cadence.k,
      itemsPerPulse: cadence.itemsPerPulse,
      lengthDays: cadence.lengthDays,
    },
    validate: (values) => resolve(bodyOf(values, cadence.version) as unknown as Record<string, unknown>),
  });
  const handleSubmit = form.onSubmit((values) => {
    save.mutate(bodyOf(values, cadence.version), {
      onSuccess: (saved) => {
        notifications.show({
          color: "indigo",
          message: saved.nextPulseOn
            ? `Cadence saved: the next pulse launches ${formatDay(saved.nextPulseOn)}`
            : "Cadence saved: pulses launch only when an admin launches one",
        });
        onDone();
      },
      onError: (error) => {
        if (handleStaleEdit(error, "cadence")) onDone();
        else applyServerErrors(form, error, labels);
      },
    });
  });
  const on = form.values.cadence !== "off";
  const perQuarter = on
    ? CadenceLimits.pulsesPerQuarter[form.values.cadence as keyof typeof CadenceLimits.pulsesPerQuarter]
    : 0;
  const items = Number(form.values.itemsPerPulse);
  const asked = perQuarter * (Number.isInteger(items) ? items : 0);
  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && <FormError error={save.error} />}
        <Radio.Group label={labels.cadence} required {...form.getInputProps("cadence")}>
          <Stack gap={6} mt="xs">
            {(Object.keys(cadenceLabels) as PulseCadenceKind[]).map((kind) => (
              <Radio key={kind} value={kind} label={cadenceLabels[kind]} />
            ))}
          </Stack>
        </Radio.Group>
        {on && (
          <>
            <TextInput
              type="date"
              label={labels.startsOn}
              description="Every later pulse follows from this day: 14 days apart, or the same day each month (the month's last day when it is shorter)."
              required
              {...form.getInputProps("startsOn")}
            />
            <NumberInput
              label={labels.itemsPerPulse}
              description={`${HealthLimits.itemsPerPulseMin}–${HealthLimits.itemsPerPulseMax}, every criterion each pulse, the overall statement on top. ${perQuarter} pulses a quarter ask up to ${asked} of the bank's ${cadence.coverage.items} statements${asked < cadence.coverage.items ? ": the whole bank takes longer than a quarter" : ""}.`}
              required
              min={HealthLimits.itemsPerPulseMin}
              max={HealthLimits.itemsPerPulseMax}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps("itemsPerPulse")}
            />
            <NumberInput
              label={labels.lengthDays}
              description={`How long each pulse takes answers, at most ${CadenceLimits.lengthDaysMax[form.values.cadence as keyof typeof CadenceLimits.lengthDaysMax]} days (it closes before the next one).`}
              required
              min={CadenceLimits.lengthDaysMin}
              max={CadenceLimits.lengthDaysMax.monthly}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps("lengthDays")}
            />
            <NumberInput
              label={labels.k}
              description={`Results of a side appear only when at least k of its people answered (${HealthLimits.kMin}–${HealthLimits.kMax}); each pulse keeps the k it was launched with.`}
              required
              min={HealthLimits.kMin}
              max={HealthLimits.kMax}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps("k")}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save the cadence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
