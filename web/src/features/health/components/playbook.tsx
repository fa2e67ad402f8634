import { Badge, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PlaybookSuggestion } from "#contracts/health";
import { HrefLink } from "../../home/components/href-link";
import { criterionLabel } from "../labels";

/** Each weak criterion's practices, each linking to where in Tandem to act. */
export function Playbook({ playbook, hasScores }: { playbook: PlaybookSuggestion[]; hasScores: boolean }) {
  return (
    <Card component="section" aria-labelledby="health-playbook" p="lg">
      <Title order={2} size="h3" id="health-playbook" mb={4}>
        Playbook
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        What good CMO–CIO pairs do about the weakest criteria, and where in Tandem to do it.
      </Text>
      {playbook.length === 0 ? (
        <Text size="sm" c="dimmed">
          {hasScores
            ? "No criterion is weak enough to need a practice: keep the rhythm of pulses and meetings."
            : "Practices are suggested for the weakest criteria once they have scores."}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {playbook.map((suggestion) => (
            <Stack key={`${suggestion.criterion}-${suggestion.practice}`} gap={4}>
              <Badge variant="light" color="gray" tt="none" w="fit-content">
                {criterionLabel(suggestion.criterion)}
              </Badge>
              <Text size="sm" fw={600}>
                {suggestion.practice}
              </Text>
              <Text size="xs" c="dimmed">
                {suggestion.why}
              </Text>
              <HrefLink href={suggestion.link.to} size="sm">
                {suggestion.link.label} →
              </HrefLink>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
