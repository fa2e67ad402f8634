import {
  ActionIcon,
  Button,
  Divider,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { ExperimentLimits } from "#contracts/experiments";
import { methodOptions, metricTypeOptions } from "../labels";
import { type FormValues, labels, type MetricRow } from "./experiment-form-values";

/** A titled part of the experiment form. */
export function Section({
  title,
  children,
  description,
}: {
  title: string;
  children: ReactNode;
  description?: string;
}) {
  return (
    <Stack gap="sm" component="section">
      <Divider />
      <div>
        <Title order={3} size="h5">
          {title}
        </Title>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

/**
 * The design part of the experiment form: variants and their weights, the primary metric and how it is tested,
 * and the guardrail and secondary metrics. Fixed once the experiment has started.
 */
export function DesignSections({
  form,
  isDesignLocked,
}: {
  form: UseFormReturnType<FormValues>;
  isDesignLocked: boolean;
}) {
  const primaryName = form.values.primaryMetric.name || "the primary metric";
  return (
    <>
      <Section
        title="Design"
        description={
          isDesignLocked
            ? "The design is fixed once the experiment has started: changing it after seeing data would bias the result."
            : "The first variant is the control. Weights are the planned traffic split."
        }
      >
        <Stack gap="xs">
          {form.values.variants.map((variant, index) => (
            <Group key={variant.key} align="flex-end" wrap="nowrap">
              <TextInput
                label={index === 0 ? "Control" : `Variant ${index + 1}`}
                required
                disabled={isDesignLocked}
                style={{ flex: 1 }}
                {...form.getInputProps(`variants.${index}.name`)}
              />
              <NumberInput
                label="Weight"
                min={1}
                max={100}
                w={110}
                disabled={isDesignLocked}
                {...form.getInputProps(`variants.${index}.weight`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={`Remove variant ${index + 1}`}
                disabled={isDesignLocked || index === 0 || form.values.variants.length <= 2}
                onClick={() => form.removeListItem("variants", index)}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          {form.errors.variants && (
            <Text size="xs" c="var(--mantine-color-error)">
              {form.errors.variants}
            </Text>
          )}
          {!isDesignLocked && form.values.variants.length < ExperimentLimits.variantsMax && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() =>
                form.insertListItem("variants", {
                  key: randomId(),
                  name: `Variant ${String.fromCharCode(65 + form.values.variants.length - 1)}`,
                  weight: 50,
                })
              }
              style={{ alignSelf: "flex-start" }}
            >
              Add a variant
            </Button>
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={labels["primaryMetric.name"]}
            required
            placeholder="trial sign-up rate"
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.name")}
          />
          <Select
            label={labels["primaryMetric.type"]}
            data={metricTypeOptions}
            allowDeselect={false}
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.type")}
          />
          <Select
            label={labels["primaryMetric.method"]}
            data={methodOptions}
            allowDeselect={false}
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.method")}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="direction-label">
              {labels["primaryMetric.direction"]}
            </Text>
            <SegmentedControl
              aria-labelledby="direction-label"
              disabled={isDesignLocked}
              data={[
                { value: "increase", label: "Higher is better" },
                { value: "decrease", label: "Lower is better" },
              ]}
              {...form.getInputProps("primaryMetric.direction")}
            />
          </Stack>
          <Select
            label={labels["primaryMetric.alpha"]}
            data={[
              { value: "0.1", label: "90% (α = 0.10)" },
              { value: "0.05", label: "95% (α = 0.05)" },
              { value: "0.01", label: "99% (α = 0.01)" },
            ]}
            allowDeselect={false}
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.alpha")}
          />
          <Select
            label={labels["primaryMetric.sided"]}
            data={[
              { value: "two", label: "Two-sided (better or worse)" },
              { value: "greater", label: "One-sided: greater" },
              { value: "lesser", label: "One-sided: lesser" },
            ]}
            allowDeselect={false}
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.sided")}
          />
          <Select
            label={labels["primaryMetric.difference"]}
            data={[
              { value: "relative", label: "Relative lift (%)" },
              { value: "absolute", label: "Absolute difference" },
            ]}
            allowDeselect={false}
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.difference")}
          />
          <NumberInput
            label={labels["primaryMetric.mde"]}
            description={`The smallest relative change in ${primaryName} worth detecting`}
            min={0.1}
            max={500}
            decimalScale={2}
            suffix="%"
            disabled={isDesignLocked}
            {...form.getInputProps("primaryMetric.mde")}
          />
        </SimpleGrid>
      </Section>
      <Section
        title="Guardrail and secondary metrics"
        description="Guardrails must not get worse (unsubscribes, refunds, page speed); secondary metrics add context. They use the primary metric's method."
      >
        {form.values.otherMetrics.map((metric, index) => (
          <Group key={metric.key} align="flex-end" wrap="wrap">
            <TextInput
              label="Metric"
              required
              disabled={isDesignLocked}
              style={{ flex: "1 1 180px" }}
              {...form.getInputProps(`otherMetrics.${index}.name`)}
            />
            <Select
              label="Type"
              data={metricTypeOptions.map((option) => ({ ...option, label: option.label.split(" (")[0] }))}
              allowDeselect={false}
              disabled={isDesignLocked}
              w={170}
              {...form.getInputProps(`otherMetrics.${index}.type`)}
            />
            <Select
              label="Role"
              data={[
                { value: "guardrail", label: "Guardrail" },
                { value: "secondary", label: "Secondary" },
              ]}
              allowDeselect={false}
              disabled={isDesignLocked}
              w={130}
              {...form.getInputProps(`otherMetrics.${index}.role`)}
            />
            <Select
              label="Good direction"
              data={[
                { value: "increase", label: "Higher" },
                { value: "decrease", label: "Lower" },
              ]}
              allowDeselect={false}
              disabled={isDesignLocked}
              w={120}
              {...form.getInputProps(`otherMetrics.${index}.direction`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`Remove metric ${index + 1}`}
              disabled={isDesignLocked}
              onClick={() => form.removeListItem("otherMetrics", index)}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        {!isDesignLocked && form.values.otherMetrics.length < ExperimentLimits.metricsMax && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() =>
              form.insertListItem("otherMetrics", {
                key: randomId(),
                name: "",
                type: "proportion",
                direction: "decrease",
                role: "guardrail",
              } satisfies MetricRow)
            }
            style={{ alignSelf: "flex-start" }}
          >
            Add a metric
          </Button>
        )}
      </Section>
    </>
  );
}
