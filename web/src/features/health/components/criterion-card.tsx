import { Badge, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { type Alignment, CRITERIA, type CriterionScore } from "#contracts/health";
import { formatScore, levelLabel, sideColors, sourceLabels } from "../labels";
import { SuppressedBadge } from "./group-status";

/** One side's score as a labelled bar. */
function SideBar({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" w={64} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Progress value={value} color={color} size="md" style={{ flex: 1 }} aria-hidden="true" />
      <Text size="xs" fw={600} w={34} ta="right" style={{ flexShrink: 0 }}>
        {formatScore(value)}
      </Text>
    </Group>
  );
}

/** How a criterion's score is made, in one line. */
function formula(criterion: CriterionScore): string {
  const { surveyScore, behaviour, score } = criterion;
  if (score === null) return "No score yet: no survey results and no behavioural data.";
  if (surveyScore !== null && behaviour !== null)
    return `0.7 × survey ${formatScore(surveyScore)} + 0.3 × behaviour ${formatScore(behaviour)} = ${formatScore(score)}`;
  if (surveyScore !== null) return `Survey alone (no behavioural data): ${formatScore(score)}`;
  return `Behaviour alone (no survey results yet): ${formatScore(score)}`;
}

/** A criterion: score and level, both sides' answers and the gap, the behaviour score and its signals. */
export function CriterionCard({ criterion, basis }: { criterion: CriterionScore; basis: Alignment["basis"] }) {
  const headingId = `criterion-${criterion.key}`;
  const hiddenGroup = basis.groups.marketing.suppressed ? basis.groups.marketing : basis.groups.it;
  return (
    <Card component="section" aria-labelledby={headingId} p="lg" h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={3} size="h4" id={headingId}>
          {criterion.label}
        </Title>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {criterion.level !== null && (
            <Badge variant="light" color="gray" tt="none" title={levelLabel(criterion.level)}>
              Level {criterion.level}
            </Badge>
          )}
          <Text fz={22} fw={700} lh={1}>
            {criterion.score === null ? "—" : formatScore(criterion.score)}
          </Text>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {CRITERIA[criterion.key].description}
      </Text>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Survey
        </Text>
        {criterion.survey ? (
          <>
            <SideBar label="Marketing" value={criterion.survey.marketing} color={sideColors.marketing} />
            <SideBar label="IT" value={criterion.survey.it} color={sideColors.it} />
            <Text size="xs">
              Gap {formatScore(criterion.survey.gap)} points
              {criterion.surveyScore !== null &&
                ` · survey part after the gap penalty ${formatScore(criterion.surveyScore)}`}
            </Text>
          </>
        ) : basis.surveyId === null ? (
          <Text size="xs" c="dimmed">
            No pulse has enough answers from both sides yet.
          </Text>
        ) : (
          <SuppressedBadge group={hiddenGroup} k={basis.k} />
        )}
        <Group justify="space-between" mt={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            Behaviour
          </Text>
          <Text size="sm" fw={600}>
            {criterion.behaviour === null ? "no data" : formatScore(criterion.behaviour)}
          </Text>
        </Group>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {criterion.signals.map((signal) => (
            <li key={signal.key}>
              <Group gap={6} wrap="nowrap" align="baseline" justify="space-between">
                <Text size="xs" style={{ minWidth: 0 }}>
                  {signal.label}{" "}
                  <Text span size="xs" c="dimmed">
                    ({sourceLabels[signal.source]})
                  </Text>
                </Text>
                <Text size="xs" fw={600} style={{ flexShrink: 0 }}>
                  {signal.value === null
                    ? "left out"
                    : signal.numerator !== null && signal.denominator !== null
                      ? `${formatScore(signal.value)} · ${formatScore(signal.numerator)} of ${formatScore(signal.denominator)}`
                      : formatScore(signal.value)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {signal.note}
              </Text>
            </li>
          ))}
        </Stack>
        <Text size="xs" mt={6} c="dimmed">
          {formula(criterion)}
        </Text>
      </Stack>
    </Card>
  );
}
