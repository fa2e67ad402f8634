/** A KPI's recent values as a small line: plain SVG, so a scorecard of hundreds of KPIs stays light. */
export function TrendLine({
  values,
  color,
  width = 96,
  height = 28,
}: {
  values: number[];
  color: string;
  width?: number;
  height?: number;
}) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  const points = values
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - 2 - ((value - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .join(" ");
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <polyline
        points={points}
        fill="none"
        stroke={`var(--mantine-color-${color}-6)`}
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
