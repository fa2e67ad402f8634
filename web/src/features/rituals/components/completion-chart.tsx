import { BarChart } from "@mantine/charts";
import { Box, SimpleGrid, Text } from "@mantine/core";
import type { RitualsCompletion } from "#contracts/rituals";
import { formatShare, sideLabels } from "../labels";

const sideColors = { marketing: "pink.6", it: "indigo.6", other: "gray.6" } as const;

/** Completion rate of action items per side as bars, with the figures as a table for screen readers. */
export function CompletionChart({ completion }: { completion: RitualsCompletion }) {
  const sides = completion.sides.filter((side) => side.side !== "other" || side.due > 0);
  if (sides.every((side) => side.due === 0)) {
    return (
      <Text size="sm" c="dimmed">
        No action item was due in this window yet: the rates appear once commitments come due.
      </Text>
    );
  }
  const data = sides.map((side) => ({
    side: sideLabels[side.side],
    rate: side.completionRate === null ? 0 : Math.round(side.completionRate * 100),
    color: sideColors[side.side],
  }));
  return (
    <Box component="figure" m={0}>
      <SimpleGrid cols={{ base: 1, xs: sides.length || 1 }} mb="sm">
        {sides.map((side) => (
          <div key={side.side}>
            <Text size="xs" c="dimmed">
              {sideLabels[side.side]}
            </Text>
            <Text fz={26} fw={700} lh={1.1}>
              {formatShare(side.completionRate)}
            </Text>
            <Text size="xs" c="dimmed">
              {side.done} of {side.due} done · {side.doneOnTime} on time
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Box aria-hidden="true">
        <BarChart
          h={Math.max(110, data.length * 40 + 30)}
          data={data}
          dataKey="side"
          orientation="vertical"
          series={[{ name: "rate", label: "Done", color: "indigo.6" }]}
          withBarValueLabel
          valueFormatter={(value) => `${value}%`}
          withTooltip={false}
          gridAxis="none"
          tickLine="none"
          maxBarWidth={22}
          yAxisProps={{ width: 90 }}
          xAxisProps={{ domain: [0, 100], hide: true }}
          accessibilityLayer={false}
        />
      </Box>
      <figcaption className="visually-hidden">Share of due action items done per side</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Side</th>
            <th scope="col">Due</th>
            <th scope="col">Done</th>
            <th scope="col">Done on time</th>
            <th scope="col">Completion rate</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((side) => (
            <tr key={side.side}>
              <td>{sideLabels[side.side]}</td>
              <td>{side.due}</td>
              <td>{side.done}</td>
              <td>{side.doneOnTime}</td>
              <td>{formatShare(side.completionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
