import { Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import type { PublishedComparison } from "#contracts/health";
import { sideColors } from "../labels";

function Bar({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Progress value={value} color={color} size="lg" style={{ flex: 1 }} aria-hidden="true" />
      <Text size="sm" fw={700} w={44} ta="right" style={{ flexShrink: 0 }}>
        {Math.round(value)}%
      </Text>
    </Group>
  );
}

/** The industry's published figures (62% / 29% / 41%) beside our marketing people's answers to the matching items. */
export function PublishedFigures({
  published,
  k,
  isMarketingShown,
  hasBasis,
}: {
  published: PublishedComparison[];
  k: number;
  /** Whether marketing's answers to the latest pulse are shown (at least k answered). */
  isMarketingShown: boolean;
  /** Whether any pulse has enough answers to be shown. */
  hasBasis: boolean;
}) {
  return (
    <Card component="section" aria-labelledby="health-published" p="lg" h="100%">
      <Title order={2} size="h3" id="health-published" mb={4}>
        Us and the published figures
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Surveys of CMOs put these figures in the industry's mouth; beside them, the share of our marketing people who
        agree with the matching item.
      </Text>
      <Stack gap="lg">
        {published.map((figure) => (
          <Stack key={figure.key} gap={6}>
            <Text size="sm" fw={600}>
              {figure.label}
            </Text>
            <Bar label="Published" value={figure.published} color="gray.6" />
            {figure.ours === null ? (
              <Text size="xs" c="dimmed">
                Ours:{" "}
                {figure.itemId === null
                  ? "the matching statement has not been asked yet"
                  : !hasBasis
                    ? "no pulse has enough answers yet"
                    : isMarketingShown
                      ? "the matching statement was not in the latest pulse"
                      : `fewer than ${k} answered`}
              </Text>
            ) : (
              <Bar label="Our marketing" value={figure.ours} color={sideColors.marketing} />
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
