import { Card, Stack, Text, Title } from "@mantine/core";
import type { Alignment } from "../../../../../contracts/health";
import { criterionLabel, sourceLabels } from "../labels";

/** The behavioural signals left out of the Index (their module is missing or has no data), and why. */
export function MissingSignals({ alignment }: { alignment: Alignment }) {
  const missing = new Set(alignment.missingSignals.map((signal) => signal.key));
  const noData = alignment.criteria.flatMap((criterion) =>
    criterion.signals
      .filter((signal) => signal.value === null && !missing.has(signal.key))
      .map((signal) => ({ ...signal, criterion: criterion.key })),
  );
  if (alignment.missingSignals.length === 0 && noData.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="health-left-out" p="lg">
      <Title order={2} size="h3" id="health-left-out" mb={4}>
        Signals left out
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A criterion's behaviour score is the mean of the signals that have data; these have none, so they do not count.
      </Text>
      <Stack gap={6} component="ul" m={0} pl="md">
        {alignment.missingSignals.map((signal) => (
          <Text component="li" size="sm" key={`missing-${signal.key}`}>
            <Text span fw={600}>
              {signal.key.replaceAll("_", " ")}
            </Text>{" "}
            ({sourceLabels[signal.source]}): {signal.reason}
          </Text>
        ))}
        {noData.map((signal) => (
          <Text component="li" size="sm" key={`nodata-${signal.key}`}>
            <Text span fw={600}>
              {signal.label}
            </Text>{" "}
            ({criterionLabel(signal.criterion)}, {sourceLabels[signal.source]}): {signal.note}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
