import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Accordion, Box, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TrendPoint } from "#contracts/health";
import { criterionLabel, deltaColor, formatDay, formatDelta, formatScore } from "../labels";

/** The pulse-by-pulse Index as a line, and each pulse's change explained per criterion. */
export function IndexTrend({ trend, kOf }: { trend: TrendPoint[]; kOf: (surveyId: string) => number | undefined }) {
  const hiddenText = (surveyId: string) => {
    const k = kOf(surveyId);
    return k === undefined ? "Hidden: a side had too few answers" : `Hidden: fewer than ${k} answered on a side`;
  };
  const data = trend.map((point) => ({
    label: formatDay(point.on),
    index: point.hidden ? null : point.index,
  }));
  const visible = trend.filter((point) => !point.hidden && point.index !== null);
  const hiddenCount = trend.length - visible.length;
  const newestFirst = [...trend].reverse();
  return (
    <Card component="section" aria-labelledby="health-trend" p="lg" h="100%">
      <Title order={2} size="h3" id="health-trend" mb={4}>
        Trend
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The Index at each pulse.
        {hiddenCount > 0 &&
          ` ${hiddenCount === 1 ? "One pulse is" : `${hiddenCount} pulses are`} left out: a side had fewer answers than the pulse's anonymity threshold.`}
      </Text>
      {visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pulse has enough answers from both sides yet.
        </Text>
      ) : (
        <Box component="figure" m={0}>
          <Box aria-hidden="true">
            <LineChart
              h={180}
              data={data}
              dataKey="label"
              series={[{ name: "index", label: "Alignment Index", color: "indigo.6" }]}
              yAxisProps={{ domain: [0, 100], width: 36 }}
              valueFormatter={formatScore}
              connectNulls={false}
              curveType="linear"
              withDots
              accessibilityLayer={false}
            />
          </Box>
          <figcaption className="visually-hidden">The Alignment Index at each pulse</figcaption>
          <table className="visually-hidden">
            <thead>
              <tr>
                <th scope="col">Pulse</th>
                <th scope="col">Date</th>
                <th scope="col">Index</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.surveyId}>
                  <td>{point.title}</td>
                  <td>{point.on}</td>
                  <td>
                    {point.hidden || point.index === null ? hiddenText(point.surveyId) : formatScore(point.index)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      )}
      {newestFirst.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            What changed, pulse by pulse
          </Title>
          <Accordion variant="contained" defaultValue={newestFirst[0]?.surveyId} chevronPosition="right">
            {newestFirst.map((point) => (
              <Accordion.Item key={point.surveyId} value={point.surveyId}>
                <Accordion.Control>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {point.title}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatDay(point.on)}
                    </Text>
                    <Text size="sm">
                      {point.hidden || point.index === null ? hiddenText(point.surveyId) : formatScore(point.index)}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ChangeList changes={point.changes} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Card>
  );
}

/** Each criterion's change against the previous pulse, with why. */
export function ChangeList({ changes }: { changes: TrendPoint["changes"] }) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to compare with: the first pulse with enough answers.
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {changes.map((change) => (
        <li key={change.key}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" fw={600} c={deltaColor(change.delta)} w={48} style={{ flexShrink: 0 }}>
              {change.delta === null ? "—" : formatDelta(change.delta)}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {criterionLabel(change.key)}
              </Text>
              : {change.because}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
