import { Card, Divider, Group, RingProgress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Alignment } from "#contracts/health";
import { deltaColor, formatDelta, formatScore, levelLabel } from "../labels";
import { GroupStatus } from "./group-status";

/** The Index (0–100), its change since the last pulse, and maturity read two ways. */
export function IndexSummary({ alignment }: { alignment: Alignment }) {
  const { index, level, change, basis } = alignment;
  const previous = alignment.trend.filter((point) => !point.hidden && point.surveyId !== basis.surveyId).at(-1);
  return (
    <Card component="section" aria-labelledby="health-index" p="lg" h="100%">
      <Title order={2} size="h3" id="health-index" mb="sm">
        The Alignment Index
      </Title>
      <Group gap="lg" wrap="wrap" align="center">
        <RingProgress
          size={132}
          thickness={12}
          roundCaps
          sections={index === null ? [] : [{ value: index, color: "indigo.6" }]}
          label={
            <Text ta="center" fz={30} fw={700} lh={1}>
              {index === null ? "—" : formatScore(index)}
            </Text>
          }
          aria-hidden="true"
        />
        <Stack gap={4} style={{ flex: "1 1 200px", minWidth: 0 }}>
          <Text size="sm">
            <span className="visually-hidden">Alignment Index: </span>
            {index === null ? "No index yet" : `${formatScore(index)} of 100`}
          </Text>
          {change?.index != null ? (
            <Text size="sm" fw={600} c={deltaColor(change.index)}>
              {formatDelta(change.index)} points since {previous ? previous.title : "the previous pulse"}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              No earlier pulse to compare with yet.
            </Text>
          )}
          {basis.title && (
            <Text size="xs" c="dimmed">
              Survey figures from “{basis.title}” (results per side only when at least {basis.k} answered)
              {basis.team ? `, ${basis.team.name} only` : ""}.
            </Text>
          )}
          {basis.surveyId === null ? (
            <Text size="xs" c="dimmed">
              No pulse has enough answers from both sides yet.
            </Text>
          ) : (
            <Group gap="md" mt={4} wrap="wrap">
              <GroupStatus side="marketing" group={basis.groups.marketing} k={basis.k} />
              <GroupStatus side="it" group={basis.groups.it} k={basis.k} />
            </Group>
          )}
        </Stack>
      </Group>
      <Divider my="md" />
      <Title order={3} size="h5" mb="xs">
        Maturity, read two ways
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <div>
          <Text size="xs" c="dimmed">
            Average level
          </Text>
          <Text fz={24} fw={700} lh={1.2}>
            {level.average === null ? "—" : formatScore(level.average)}
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              of 5
            </Text>
          </Text>
          {level.average !== null && <Text size="sm">{levelLabel(Math.floor(level.average))}</Text>}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Weakest-link level
          </Text>
          <Text fz={24} fw={700} lh={1.2}>
            {level.weakestLink ?? "—"}
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              of 5
            </Text>
          </Text>
          {level.weakestLink !== null && <Text size="sm">{levelLabel(level.weakestLink)}</Text>}
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        Luftman's rule: the partnership is at level N only when all six criteria reach N, so the weakest criterion sets
        the level.
      </Text>
    </Card>
  );
}
