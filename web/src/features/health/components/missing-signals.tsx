import { Card, Stack, Text, Title } from "@mantine/core";
import type { Alignment } from "#contracts/health";
import { sourceLabels } from "../labels";

/** The behavioural signals left out of the Index (their module is missing or has no data), and why. */
export function MissingSignals({ alignment }: { alignment: Alignment }) {
  if (alignment.missingSignals.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="health-left-out" p="lg">
      <Title order={2} size="h3" id="health-left-out" mb={4}>
        Signals left out
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A criterion's behaviour score is the mean of the signals that have data. These come from a part of Tandem that
        is missing, so they do not count; signals without data yet are marked “left out” in their criterion.
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
      </Stack>
    </Card>
  );
}
