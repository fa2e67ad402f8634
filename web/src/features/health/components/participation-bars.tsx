import { Group, Progress, Stack, Text } from "@mantine/core";
import type { HealthSide, Participation } from "#contracts/health";
import { sideColors, sideLabels } from "../labels";

const sides: HealthSide[] = ["marketing", "it"];

/**
 * How many of each side took part: counts only, never who. "Invited" is the side's people when the pulse was
 * launched (stored then); someone who joined since may answer and counts as answering, never as not answering.
 */
export function ParticipationBars({ participation, k }: { participation: Participation; k: number }) {
  return (
    <Stack gap={6}>
      {sides.map((side) => {
        const { answered, invited } = participation[side];
        const share = invited === 0 ? 0 : Math.min(100, (answered / invited) * 100);
        return (
          <Group key={side} gap="xs" wrap="nowrap">
            <Text size="sm" w={76} style={{ flexShrink: 0 }}>
              {sideLabels[side]}
            </Text>
            <Progress value={share} color={sideColors[side]} size="lg" style={{ flex: 1 }} aria-hidden="true" />
            <Text size="sm" w={128} ta="right" style={{ flexShrink: 0 }}>
              {answered > invited
                ? `${answered} answered (${invited} invited at launch)`
                : `${answered} of ${invited} answered`}
              {answered < k && <span className="visually-hidden"> (results wait for {k})</span>}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
