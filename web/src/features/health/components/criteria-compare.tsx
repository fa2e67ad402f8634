import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, Card, Text, Title } from "@mantine/core";
import type { Alignment } from "#contracts/health";
import { formatScore, sideColors, suppressedText } from "../labels";
import { SuppressedBadge } from "./group-status";

/** Marketing's and IT's survey scores per criterion as paired bars, with the gaps as a table for screen readers. */
export function CriteriaCompare({ alignment }: { alignment: Alignment }) {
  const { criteria, basis } = alignment;
  const rows = criteria.map((criterion) => ({
    criterion: criterion.label,
    marketing: criterion.survey?.marketing ?? null,
    it: criterion.survey?.it ?? null,
    gap: criterion.survey?.gap ?? null,
  }));
  const anyShown = rows.some((row) => row.marketing !== null);
  const hiddenGroup = basis.groups.marketing.suppressed ? basis.groups.marketing : basis.groups.it;
  return (
    <Card component="section" aria-labelledby="health-sides" p="lg" h="100%">
      <Title order={2} size="h3" id="health-sides" mb={4}>
        Marketing and IT, side by side
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Each side's answers per criterion on 0–100. The longer the distance between a pair, the more the two sides see
        the partnership differently; the gap is penalised in the Index.
      </Text>
      {!anyShown ? (
        basis.surveyId === null ? (
          <Text size="sm" c="dimmed">
            No pulse has enough answers from both sides yet.
          </Text>
        ) : (
          <SuppressedBadge group={hiddenGroup} k={basis.k} />
        )
      ) : (
        <Box component="figure" m={0}>
          <Box aria-hidden="true">
            <BarChart
              h={rows.length * 52 + 60}
              data={rows}
              dataKey="criterion"
              orientation="vertical"
              series={[
                { name: "marketing", label: "Marketing", color: sideColors.marketing },
                { name: "it", label: "IT", color: sideColors.it },
              ]}
              withLegend
              valueFormatter={formatScore}
              gridAxis="none"
              tickLine="none"
              xAxisProps={{ domain: [0, 100], hide: true }}
              yAxisProps={{ width: 132 }}
              withBarValueLabel
              maxBarWidth={16}
              accessibilityLayer={false}
            />
          </Box>
          <figcaption className="visually-hidden">Marketing's and IT's scores per criterion, and the gap</figcaption>
          <table className="visually-hidden">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Marketing</th>
                <th scope="col">IT</th>
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.criterion}>
                  <td>{row.criterion}</td>
                  <td>
                    {row.marketing === null
                      ? suppressedText(basis.groups.marketing.suppressed, basis.k)
                      : formatScore(row.marketing)}
                  </td>
                  <td>{row.it === null ? suppressedText(basis.groups.it.suppressed, basis.k) : formatScore(row.it)}</td>
                  <td>{row.gap === null ? "—" : formatScore(row.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      )}
    </Card>
  );
}
