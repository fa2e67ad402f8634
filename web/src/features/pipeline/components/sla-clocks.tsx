import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PipelineRequest, SlaClock } from "#contracts/pipeline";
import { formatDateTime } from "../../../lib/format";
import { clockStatusMeta, formatBusinessMinutes } from "../labels";

const clockNames = {
  firstResponse: "First response",
  decision: "Decision",
  delivery: "Delivery",
} as const;

const barColor: Record<SlaClock["status"], string> = {
  met: "teal",
  breached: "red",
  running: "indigo",
  at_risk: "orange",
  paused: "gray",
  none: "gray",
};

function ClockCard({ name, clock }: { name: string; clock: SlaClock }) {
  const meta = clockStatusMeta[clock.status];
  const percent = clock.targetMinutes > 0 ? Math.round((clock.elapsedMinutes / clock.targetMinutes) * 100) : 0;
  return (
    <Card>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {name}
        </Title>
        <Badge color={meta.color} tt="none">
          {meta.label}
        </Badge>
      </Group>
      <Progress
        value={Math.min(100, percent)}
        color={barColor[clock.status]}
        size="md"
        aria-label={`${name}: ${percent}% of the target used`}
      />
      <Stack gap={2} mt="xs">
        <Text size="sm">
          {formatBusinessMinutes(clock.elapsedMinutes)} of {formatBusinessMinutes(clock.targetMinutes)}{" "}
          <Text span size="xs" c="dimmed">
            business time
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {clock.stoppedAt
            ? `Stopped ${formatDateTime(clock.stoppedAt)}`
            : clock.dueAt
              ? `Due ${formatDateTime(clock.dueAt)}`
              : clock.status === "paused"
                ? "Paused while waiting on the requester"
                : "Starts at its stage"}
        </Text>
      </Stack>
    </Card>
  );
}

/** The three service-level clocks of a request: elapsed against target in business time. */
export function SlaClocks({ clocks }: { clocks: PipelineRequest["clocks"] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      {(Object.keys(clockNames) as (keyof typeof clockNames)[]).map((key) => (
        <ClockCard key={key} name={clockNames[key]} clock={clocks[key]} />
      ))}
    </SimpleGrid>
  );
}
