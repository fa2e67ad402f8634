import { Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PartnershipGlance } from "#contracts/health";
import { ButtonLink } from "../../../components/ui/links";
import { HrefLink } from "../../home/components/href-link";
import { TrendLine } from "../../scorecard/components/trend-line";
import { deltaColor, formatDelta, formatScore } from "../labels";

/** Home's "the partnership at a glance": the Index, its trend, the top drivers, the change and the next actions. */
export function PartnershipTile({ glance }: { glance: PartnershipGlance }) {
  const points = glance.trend.flatMap((point) => (point.index === null ? [] : [point.index]));
  return (
    <Card h="100%" component="section" aria-label="Alignment Index">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Title order={2} size="h4">
          Alignment Index
        </Title>
        {points.length >= 2 && <TrendLine values={points} color="indigo" width={120} height={32} />}
      </Group>
      {glance.index === null ? (
        <Text size="sm" c="dimmed">
          No index yet: it appears once enough marketing and IT people have answered a pulse.
        </Text>
      ) : (
        <Group gap="sm" align="baseline" wrap="wrap">
          <Text fz={28} fw={700} lh={1.2}>
            {formatScore(glance.index)}
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              of 100
            </Text>
          </Text>
          {glance.change !== null && (
            <Text size="sm" fw={600} c={deltaColor(glance.change)}>
              {formatDelta(glance.change)} since the last pulse
            </Text>
          )}
        </Group>
      )}
      {points.length >= 2 && (
        <Text size="xs" c="dimmed">
          Over {points.length} pulses: {formatScore(points[0] ?? 0)} → {formatScore(points.at(-1) ?? 0)}
        </Text>
      )}
      {glance.level.average !== null && (
        <Text size="xs" c="dimmed" mb="xs">
          Maturity {formatScore(glance.level.average)} on average, level {glance.level.weakestLink ?? "—"} by the
          weakest link.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Top drivers
          </Text>
          {glance.drivers.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          ) : (
            <Stack gap={4} component="ol" m={0} pl="md">
              {glance.drivers.slice(0, 3).map((driver) => (
                <Text component="li" size="sm" key={`${driver.kind}-${driver.criterion}-${driver.itemId ?? ""}`}>
                  {driver.message}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Next actions
          </Text>
          {glance.nextActions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No weak criterion calls for one.
            </Text>
          ) : (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {glance.nextActions.slice(0, 3).map((action) => (
                <li key={`${action.criterion}-${action.practice}`}>
                  <HrefLink href={action.link.to} size="sm">
                    {action.practice}
                  </HrefLink>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      </SimpleGrid>
      <HrefLink href="/health" size="sm" mt="sm" display="inline-block">
        Health →
      </HrefLink>
    </Card>
  );
}

/** Under "Waiting on you": the open pulse, when it waits on the signed-in person's answer. */
export function PulseWaiting({ glance }: { glance: PartnershipGlance }) {
  const survey = glance.openSurvey;
  if (!survey?.canAnswer || survey.answered) return null;
  return (
    <Card component="section" aria-label="A pulse waits on your answer" p="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Text fw={600}>The pulse “{survey.title}” waits on your answer</Text>
          <Text size="sm" c="dimmed">
            About two minutes; anonymous: stored without your name or the time.
          </Text>
        </Stack>
        <ButtonLink to="/health/pulse" size="xs">
          Answer the pulse
        </ButtonLink>
      </Group>
    </Card>
  );
}
