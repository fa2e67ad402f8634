import { Alert, Button, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Experiment } from "#contracts/experiments";
import { FormError } from "../../../components/ui/form-error";
import { usePlanSampleSize } from "../hooks/use-experiments";

const count = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * How many units the test needs to detect its minimum detectable effect, and how many days that takes:
 * the engine's power analysis with the experiment's own method, confidence and sides.
 */
export function SampleSizePlanner({ experiment }: { experiment: Experiment }) {
  const metric = experiment.primaryMetric;
  const plan = usePlanSampleSize();
  const isProportion = metric.type === "proportion";
  const [baseline, setBaseline] = useState<number | string>(isProportion ? 10 : "");
  const [deviation, setDeviation] = useState<number | string>("");
  const [lift, setLift] = useState<number | string>(metric.mde !== null ? Math.round(metric.mde * 1000) / 10 : 5);
  const [daily, setDaily] = useState<number | string>("");
  if (metric.type === "ratio") return null;

  const handlePlan = () => {
    const effect = Number(lift) / 100;
    plan.mutate({
      metric: isProportion ? "proportion" : "mean",
      mean: isProportion ? Number(baseline) / 100 : Number(baseline),
      ...(isProportion || deviation === "" ? {} : { standardDeviation: Number(deviation) }),
      effect: metric.sided === "lesser" ? -Math.abs(effect) : effect,
      variants: experiment.variants.length,
      method: metric.method,
      sided: metric.sided,
      difference: metric.difference,
      alpha: metric.alpha,
      ...(daily === "" ? {} : { dailyUsers: Number(daily) }),
    });
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Plan the sample
      </Title>
      <Text size="xs" c="dimmed">
        How many units this test needs to detect the lift with 80% power, using its method ({metric.method}) and
        confidence.
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput
          label={isProportion ? "Current rate (%)" : "Current mean"}
          value={baseline}
          onChange={setBaseline}
          min={0}
          decimalScale={4}
          w={150}
        />
        {!isProportion && (
          <NumberInput
            label="Standard deviation"
            value={deviation}
            onChange={setDeviation}
            min={0}
            decimalScale={4}
            w={150}
          />
        )}
        <NumberInput label="Lift to detect (%)" value={lift} onChange={setLift} min={0.1} decimalScale={2} w={150} />
        <NumberInput label="Units a day" value={daily} onChange={setDaily} min={1} w={130} />
        <Button variant="light" onClick={handlePlan} loading={plan.isPending}>
          Plan
        </Button>
      </Group>
      {plan.isError && <FormError error={plan.error} />}
      {plan.data && (
        <Alert color="indigo" variant="light" aria-live="polite">
          {count(plan.data.usersPerVariant)} units per variant, {count(plan.data.totalUsers)} in all
          {plan.data.days !== undefined
            ? `: about ${plan.data.days} ${plan.data.days === 1 ? "day" : "days"} at ${count(Number(daily))} a day.`
            : "."}
        </Alert>
      )}
    </Stack>
  );
}
