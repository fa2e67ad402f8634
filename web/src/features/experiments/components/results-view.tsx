import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import type { ExperimentResults, MetricResult, ResultWarning } from "#contracts/experiments";
import { formatDateTime } from "../../../lib/format";
import { boundValue, formatEffect, formatObserved, verdictMeta } from "../labels";
import { EffectChart } from "./effect-chart";

const warningMeta: Record<ResultWarning["severity"], { color: string; icon: typeof IconAlertOctagon; title: string }> =
  {
    critical: { color: "red", icon: IconAlertOctagon, title: "Do not trust this yet" },
    warning: { color: "orange", icon: IconAlertTriangle, title: "Read with care" },
    info: { color: "gray", icon: IconInfoCircle, title: "Note" },
  };

const warningTitles: Record<ResultWarning["code"], string> = {
  srm: "Sample ratio mismatch",
  peeking: "Peeking at a fixed-horizon test",
  underpowered: "Under-powered",
  guardrail: "Guardrail breached",
  analysis_failed: "Could not analyse",
  missing_metric: "Missing numbers",
  adjusted_input: "Numbers adjusted for rounding",
};

/** The warnings about a result, most serious first, impossible to miss. */
export function ResultWarnings({ warnings }: { warnings: ResultWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Warnings about these results" role="region">
      {warnings.map((warning) => {
        const meta = warningMeta[warning.severity];
        const Icon = meta.icon;
        return (
          <Alert
            key={`${warning.code}-${warning.metric}-${warning.message}`}
            color={meta.color}
            variant={warning.severity === "critical" ? "filled" : "light"}
            icon={<Icon aria-hidden="true" />}
            title={`${warningTitles[warning.code]}${warning.metric ? ` · ${warning.metric}` : ""}`}
          >
            {warning.message}
          </Alert>
        );
      })}
    </Stack>
  );
}

function MetricCard({ result }: { result: MetricResult }) {
  const scale = { difference: result.difference, type: result.type };
  const level = `${Math.round((1 - result.alpha) * 100)}%`;
  const isBayesian = result.method === "bayesian";
  return (
    <Card>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={3} size="h4">
            {result.metric}
          </Title>
          <Badge
            variant="light"
            color={result.role === "guardrail" ? "orange" : result.role === "primary" ? "indigo" : "gray"}
          >
            {result.role}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {result.method} · {result.difference === "relative" ? "relative lift" : "absolute difference"} ·{" "}
          {result.direction === "increase" ? "higher is better" : "lower is better"}
        </Text>
      </Group>
      {result.error ? (
        <Alert color="orange" variant="light">
          {result.error.message}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Stack gap={4}>
            {result.readings.map((reading) => (
              <Group key={reading.variant} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={verdictMeta[reading.verdict].color} variant="dot" style={{ flexShrink: 0 }}>
                  {verdictMeta[reading.verdict].label}
                </Badge>
                <Text size={result.role === "primary" ? "md" : "sm"} fw={result.role === "primary" ? 500 : 400}>
                  {reading.sentence}
                </Text>
              </Group>
            ))}
          </Stack>
          <EffectChart result={result} />
          <div className="table-scroll">
            <Table verticalSpacing={6} fz="sm">
              <Table.Caption>
                {result.metric} per variant, with the effect against {result.variants[0]?.name}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Variant</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Units
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {result.type === "proportion" ? "Rate" : "Mean"}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Effect
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {level} interval
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {isBayesian ? "Chance of being better" : "p-value"}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.variants.map((variant, index) => {
                  const analysed = index === 0 ? null : result.analysis?.variants[index - 1];
                  return (
                    <Table.Tr key={variant.name}>
                      <Table.Td>
                        {variant.name}
                        {index === 0 && (
                          <Text span size="xs" c="dimmed">
                            {" "}
                            (control)
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{variant.n.toLocaleString("en-US")}</Table.Td>
                      <Table.Td ta="right">{formatObserved(variant.mean, result.type)}</Table.Td>
                      <Table.Td ta="right">{analysed ? formatEffect(analysed.estimate, scale) : "—"}</Table.Td>
                      <Table.Td ta="right">
                        {analysed
                          ? `${formatEffect(boundValue(analysed.ci[0]), scale)} to ${formatEffect(boundValue(analysed.ci[1]), scale)}`
                          : "—"}
                      </Table.Td>
                      <Table.Td ta="right">
                        {!analysed
                          ? "—"
                          : isBayesian
                            ? formatChance(analysed.chanceToWin ?? 0.5, result.direction)
                            : (analysed.pValue ?? 1) < 0.001
                              ? "< 0.001"
                              : (analysed.pValue ?? 1).toFixed(3)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}
    </Card>
  );
}

// The engine's chance to win is P(effect > 0); when lower is better, being better is the other side.
function formatChance(chanceToWin: number, direction: MetricResult["direction"]): string {
  const better = direction === "increase" ? chanceToWin : 1 - chanceToWin;
  if (better > 0.999) return "> 99.9%";
  if (better < 0.001) return "< 0.1%";
  return `${(better * 100).toFixed(1)}%`;
}

const sourceLabels = { form: "the form", csv: "a CSV import", json: "JSON", api: "the API" } as const;

/** The latest results: warnings first, then each metric's reading, chart and numbers. */
export function ResultsView({ results }: { results: ExperimentResults }) {
  const { snapshot, power, srm } = results;
  return (
    <Stack gap="md">
      {snapshot && (
        <Text size="sm" c="dimmed">
          Latest results ({results.snapshotCount} {results.snapshotCount === 1 ? "snapshot" : "snapshots"}) entered by{" "}
          {snapshot.enteredBy?.name ?? "someone"} on {formatDateTime(snapshot.enteredAt)} from{" "}
          {sourceLabels[snapshot.source]} · {snapshot.totalUnits.toLocaleString("en-US")} units
          {snapshot.note ? ` · “${snapshot.note}”` : ""}
        </Text>
      )}
      <ResultWarnings warnings={results.warnings} />
      {results.metrics.map((result) => (
        <MetricCard key={result.metric} result={result} />
      ))}
      <Group gap="lg" wrap="wrap">
        {srm && (
          <Text size="xs" c={srm.isMismatch ? "var(--mantine-color-red-text)" : "dimmed"}>
            Traffic split: {srm.observed.map((n) => n.toLocaleString("en-US")).join(" / ")} units (planned{" "}
            {srm.expectedShare.map((share) => `${Math.round(share * 100)}%`).join(" / ")}); sample-ratio test p ={" "}
            {srm.pValue < 0.001 ? "< 0.001" : srm.pValue.toFixed(3)}
          </Text>
        )}
        {power?.usersPerVariantNeeded != null && (
          <Text size="xs" c="dimmed">
            Detecting a {(power.mde * 100).toFixed(1)}% change with 80% power needs{" "}
            {power.usersPerVariantNeeded.toLocaleString("en-US")} units per variant; the smallest has{" "}
            {power.smallestVariant.toLocaleString("en-US")}
            {power.power !== null ? ` (power ${(power.power * 100).toFixed(0)}%)` : ""}.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
