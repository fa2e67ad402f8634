import { Badge, Card, Group, Progress, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { HealthLimits, type HealthSide, type Survey } from "#contracts/health";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { useTeams } from "../../teams/hooks/use-teams";
import { useSurveyResults } from "../hooks/use-health";
import { formatScore, itemCriterionLabel, sideColors, sideLabels, suppressedText } from "../labels";
import { GroupStatus } from "./group-status";

const sides: HealthSide[] = ["marketing", "it"];

/** A pulse's aggregated results per side (or for one team): suppressed groups say so, never with a number. */
export function SurveyResultsCard({ survey }: { survey: Survey }) {
  const [team, setTeam] = useState<string | null>(null);
  const teams = useTeams();
  const results = useSurveyResults(survey.id, survey.status !== "draft", team ?? undefined);
  const teamOptions = (teams.data ?? [])
    .filter((entry) => entry.kind === "marketing" || entry.kind === "it")
    .map((entry) => ({ value: entry.id, label: `${entry.name} (${entry.kind === "it" ? "IT" : "Marketing"})` }));
  return (
    <Card component="section" aria-labelledby="survey-results" p="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id="survey-results">
            Results
          </Title>
          <Text size="sm" c="dimmed" maw={620}>
            Means on 0–100 per side. A side's results appear only when at least {survey.k} of its people answered;
            {survey.status === "open" && ` while the pulse is open they are released in steps of ${survey.k} answers;`}{" "}
            comments only when at least {HealthLimits.commentsK} answered.
          </Text>
        </Stack>
        <Select
          label="Whose answers"
          placeholder="Both teams"
          data={teamOptions}
          value={team}
          onChange={setTeam}
          clearable
          w={{ base: "100%", xs: 280 }}
        />
      </Group>
      {results.isPending ? (
        <PageLoader label="Loading the results…" />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : (
        <Stack gap="md">
          <Group gap="lg" wrap="wrap">
            {sides.map((side) => (
              <GroupStatus key={side} side={side} group={results.data.groups[side]} k={results.data.k} />
            ))}
          </Group>
          <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {results.data.items.map((item) => (
              <li key={item.itemId}>
                <Group gap={6} mb={4} wrap="wrap">
                  <Badge variant="light" color="gray" tt="none">
                    {itemCriterionLabel(item.criterion)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {item.code}
                  </Text>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {sides.map((side) => {
                    const value = item[side];
                    return (
                      <Stack key={side} gap={2}>
                        <Text size="xs">
                          <Text span fw={600}>
                            {sideLabels[side]} read:
                          </Text>{" "}
                          {item.text[side]}
                        </Text>
                        {value === null ? (
                          <Text size="xs" c="dimmed">
                            {suppressedText(results.data.groups[side].suppressed, results.data.k)}
                          </Text>
                        ) : (
                          <Group gap="xs" wrap="nowrap">
                            <Progress
                              value={value}
                              color={sideColors[side]}
                              size="md"
                              style={{ flex: 1 }}
                              aria-hidden="true"
                            />
                            <Text size="xs" fw={600} style={{ flexShrink: 0 }}>
                              {formatScore(value)}
                              {item.agree[side] !== null && ` · ${Math.round(item.agree[side] ?? 0)}% agree`}
                            </Text>
                          </Group>
                        )}
                      </Stack>
                    );
                  })}
                </SimpleGrid>
              </li>
            ))}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {sides.map((side) => {
              const comments = results.data.comments[side];
              return (
                <Stack key={side} gap={4}>
                  <Title order={3} size="h5">
                    Comments from {sideLabels[side]}
                  </Title>
                  {comments === null ? (
                    <Text size="sm" c="dimmed">
                      Shown only when at least {HealthLimits.commentsK} of {sideLabels[side]} answered.
                    </Text>
                  ) : comments.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No comments.
                    </Text>
                  ) : (
                    <Stack gap={4} component="ul" m={0} pl="md">
                      {comments.map((comment, index) => (
                        // Comments come in random order and carry no id; their position is their key.
                        // biome-ignore lint/suspicious/noArrayIndexKey: see above
                        <Text component="li" size="sm" key={index}>
                          {comment}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Stack>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
