import { Box, Text } from "@mantine/core";
import type { MetricResult } from "#contracts/experiments";
import { boundValue, formatEffect } from "../labels";

const ROW = 44;
const LEFT = 130;
const RIGHT = 24;
const WIDTH = 640;
const TOP = 28;

const verdictColor = {
  win: "var(--mantine-color-teal-6)",
  loss: "var(--mantine-color-red-6)",
  inconclusive: "var(--mantine-color-gray-6)",
} as const;

function niceTicks(low: number, high: number): number[] {
  const span = high - low || 1;
  const rough = span / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => span / candidate <= 5) ?? rough;
  const ticks: number[] = [];
  // Counted in whole steps, so a tick meant to be 0 is 0 and not −1e-17 ("−0.000%").
  for (let index = Math.ceil(low / step); index * step <= high + step / 1e6; index++) {
    ticks.push(Math.abs(index) < 1e-9 ? 0 : Number((index * step).toPrecision(12)));
  }
  return ticks;
}

/**
 * Each treatment's effect against the control with its interval (a forest plot): the dot is the
 * estimate, the bar the confidence (or credible) interval, the dashed line "no effect".
 */
export function EffectChart({ result }: { result: MetricResult }) {
  if (!result.analysis) return null;
  const scale = { difference: result.difference, type: result.type };
  const rows = result.analysis.variants.map((variant, index) => ({
    name: variant.name,
    estimate: variant.estimate,
    low: boundValue(variant.ci[0]),
    high: boundValue(variant.ci[1]),
    verdict: result.readings[index]?.verdict ?? "inconclusive",
  }));
  const finite = rows.flatMap((row) => [row.estimate, row.low, row.high]).filter(Number.isFinite);
  const spread = Math.max(...finite.map(Math.abs), 1e-9);
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  const pad = (high - low || spread) * 0.12;
  low -= pad;
  high += pad;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (value: number) => {
    const clamped = Math.min(high, Math.max(low, value));
    return LEFT + ((clamped - low) / (high - low)) * plotWidth;
  };
  const height = TOP + rows.length * ROW + 8;
  const ticks = niceTicks(low, high);
  const level = `${Math.round((1 - result.alpha) * 100)}%`;
  const description = rows
    .map(
      (row) =>
        `${row.name}: ${formatEffect(row.estimate, scale)}, ${level} interval ${formatEffect(row.low, scale)} to ${formatEffect(row.high, scale)}`,
    )
    .join("; ");
  return (
    <Box style={{ overflowX: "auto" }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, minWidth: 360, display: "block" }}
        role="img"
        aria-label={`Effect on ${result.metric} against ${result.variants[0]?.name ?? "control"}. ${description}`}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={TOP - 6}
              y2={height - 8}
              stroke="var(--mantine-color-default-border)"
              strokeWidth={1}
            />
            <text x={x(tick)} y={14} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
              {formatEffect(tick, scale)}
            </text>
          </g>
        ))}
        <line
          x1={x(0)}
          x2={x(0)}
          y1={TOP - 10}
          y2={height - 4}
          stroke="var(--mantine-color-text)"
          strokeDasharray="4 3"
          strokeWidth={1.5}
        />
        {rows.map((row, index) => {
          const y = TOP + index * ROW + ROW / 2;
          const color = verdictColor[row.verdict];
          return (
            <g key={row.name}>
              <text x={LEFT - 12} y={y + 4} textAnchor="end" fontSize={13} fill="var(--mantine-color-text)">
                {row.name.length > 16 ? `${row.name.slice(0, 15)}…` : row.name}
              </text>
              <line
                x1={x(row.low)}
                x2={x(row.high)}
                y1={y}
                y2={y}
                stroke={color}
                strokeWidth={4}
                strokeLinecap="round"
              />
              {Number.isFinite(row.low) && (
                <line x1={x(row.low)} x2={x(row.low)} y1={y - 7} y2={y + 7} stroke={color} strokeWidth={2} />
              )}
              {Number.isFinite(row.high) && (
                <line x1={x(row.high)} x2={x(row.high)} y1={y - 7} y2={y + 7} stroke={color} strokeWidth={2} />
              )}
              <circle
                cx={x(row.estimate)}
                cy={y}
                r={7}
                fill={color}
                stroke="var(--mantine-color-body)"
                strokeWidth={2}
              />
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed" mt={4}>
        Dot: the estimated effect against {result.variants[0]?.name ?? "the control"}; bar: its {level}{" "}
        {result.method === "bayesian" ? "credible" : "confidence"} interval; dashed line: no effect. Green is better,
        red worse, grey not conclusive.
      </Text>
    </Box>
  );
}
