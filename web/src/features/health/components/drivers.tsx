import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type Driver, HealthLimits } from "#contracts/health";
import { driverKindLabels } from "../labels";

const kinds: Driver["kind"][] = ["low_criterion", "large_gap", "outcome_item"];

const emptyText: Record<Driver["kind"], string> = {
  low_criterion: "No criterion has a score yet.",
  large_gap: "No gap to show: both sides need enough answers first.",
  outcome_item: `Shown once at least ${HealthLimits.driverAnswersMin} people answered the overall outcome item.`,
};

/** What moves the Index: the lowest criteria, the largest gaps, and the items most associated with the outcome. */
export function Drivers({ drivers }: { drivers: Driver[] }) {
  return (
    <Card component="section" aria-labelledby="health-drivers" p="lg">
      <Title order={2} size="h3" id="health-drivers" mb={4}>
        Drivers
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Where the partnership is held back, and what goes with how people rate it overall.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {kinds.map((kind) => {
          const list = drivers.filter((driver) => driver.kind === kind);
          return (
            <Stack key={kind} gap="xs">
              <Title order={3} size="h5">
                {driverKindLabels[kind]}
              </Title>
              {list.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {emptyText[kind]}
                </Text>
              ) : (
                <Stack gap={6} component="ol" m={0} pl="md">
                  {list.map((driver) => (
                    <Text component="li" size="sm" key={`${driver.kind}-${driver.criterion}-${driver.itemId ?? ""}`}>
                      {driver.message}
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
