import { BarChart } from "@mantine/charts";
import { Box } from "@mantine/core";
import type { Team } from "#contracts/people";
import { teamKinds } from "../team-kinds";

/** People per team as bars, with the same numbers as a table for screen readers. */
export function TeamSizeChart({ teams, caption }: { teams: Team[]; caption: string }) {
  const data = [...teams]
    .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name))
    .map((team) => ({ team: team.name, people: team.memberCount, color: `${teamKinds[team.kind].color}.6` }));
  const longestName = Math.max(...data.map((row) => row.team.length), 4);
  return (
    <Box component="figure" m={0}>
      <Box aria-hidden="true">
        <BarChart
          h={Math.max(160, data.length * 36 + 40)}
          data={data}
          dataKey="team"
          orientation="vertical"
          series={[{ name: "people", label: "People", color: "indigo.6" }]}
          withBarValueLabel
          valueFormatter={(value) => String(value)}
          withTooltip={false}
          gridAxis="none"
          tickLine="none"
          maxBarWidth={22}
          yAxisProps={{ width: Math.min(160, longestName * 8 + 16) }}
          xAxisProps={{ allowDecimals: false, hide: true }}
          accessibilityLayer={false}
        />
      </Box>
      <figcaption className="visually-hidden">{caption}</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Active people</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.team}>
              <td>{row.team}</td>
              <td>{row.people}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
