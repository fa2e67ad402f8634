import { Box, Group, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { Tool } from "#contracts/stack";
import { timeMeta } from "../labels";

const SIZE = 420;
const PAD = 44;
// Extra room above and below the grid for the quadrant names, so dots never cover them.
const TOP = 24;
const HEIGHT = SIZE + TOP + 20;
const cell = (SIZE - PAD * 2) / 5;
const colorOf = { invest: "#2f9e44", tolerate: "#1971c2", migrate: "#e8590c", eliminate: "#e03131" } as const;

/** Spreads the dots that share one score pair around its centre, so each tool stays visible. */
function spread(index: number, count: number): { dx: number; dy: number } {
  if (count === 1) return { dx: 0, dy: 0 };
  const ring = Math.min(cell / 2 - 8, 4 + count * 1.6);
  const angle = (index / count) * Math.PI * 2;
  return { dx: Math.cos(angle) * ring, dy: Math.sin(angle) * ring };
}

/** The TIME portfolio matrix: technical fit across, functional fit up, one dot per scored tool. */
export function TimeMatrix({ tools }: { tools: Tool[] }) {
  const navigate = useNavigate();
  const scored = tools.filter((tool) => tool.functionalFit !== null && tool.technicalFit !== null && tool.timeClass);
  const groups = new Map<string, Tool[]>();
  for (const tool of scored) {
    const key = `${tool.technicalFit}-${tool.functionalFit}`;
    groups.set(key, [...(groups.get(key) ?? []), tool]);
  }
  const x = (fit: number) => PAD + (fit - 0.5) * cell;
  const y = (fit: number) => TOP + SIZE - PAD - (fit - 0.5) * cell;
  const mid = PAD + 2 * cell;
  const quadrants = [
    { key: "migrate", x: PAD, y: TOP + PAD, w: 2 * cell, h: 3 * cell, labelY: TOP + PAD - 8 },
    { key: "invest", x: mid, y: TOP + PAD, w: 3 * cell, h: 3 * cell, labelY: TOP + PAD - 8 },
    { key: "eliminate", x: PAD, y: TOP + PAD + 3 * cell, w: 2 * cell, h: 2 * cell, labelY: TOP + SIZE - PAD + 32 },
    { key: "tolerate", x: mid, y: TOP + PAD + 3 * cell, w: 3 * cell, h: 2 * cell, labelY: TOP + SIZE - PAD + 32 },
  ] as const;

  if (scored.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No tool has both fit scores yet. Marketing scores functional fit and IT technical fit on each tool's page.
      </Text>
    );
  }

  return (
    <Box component="figure" m={0}>
      <Box maw={SIZE} mx="auto" aria-hidden="true">
        <svg viewBox={`0 0 ${SIZE} ${HEIGHT}`} width="100%" role="presentation">
          {quadrants.map((quadrant) => (
            <g key={quadrant.key}>
              <rect
                x={quadrant.x}
                y={quadrant.y}
                width={quadrant.w}
                height={quadrant.h}
                fill={colorOf[quadrant.key]}
                fillOpacity={0.07}
                stroke="var(--mantine-color-default-border)"
              />
              <text
                x={quadrant.x + quadrant.w / 2}
                y={quadrant.labelY}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill={colorOf[quadrant.key]}
              >
                {timeMeta[quadrant.key].label}
              </text>
            </g>
          ))}
          {[1, 2, 3, 4, 5].map((fit) => (
            <g key={fit}>
              <text
                x={x(fit)}
                y={TOP + SIZE - PAD + 15}
                fontSize={11}
                textAnchor="middle"
                fill="var(--mantine-color-dimmed)"
              >
                {fit}
              </text>
              <text x={PAD - 10} y={y(fit) + 4} fontSize={11} textAnchor="end" fill="var(--mantine-color-dimmed)">
                {fit}
              </text>
            </g>
          ))}
          <text x={SIZE / 2} y={HEIGHT - 4} fontSize={12} textAnchor="middle" fill="var(--mantine-color-text)">
            Technical fit (IT) →
          </text>
          <text
            x={14}
            y={TOP + SIZE / 2}
            fontSize={12}
            textAnchor="middle"
            fill="var(--mantine-color-text)"
            transform={`rotate(-90 14 ${TOP + SIZE / 2})`}
          >
            Functional fit (marketing) →
          </text>
          {[...groups.values()].flatMap((group) =>
            group.map((tool, index) => {
              const { dx, dy } = spread(index, group.length);
              const timeClass = tool.timeClass ?? "tolerate";
              return (
                // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the matrix is also a table for screen readers, and each tool is reachable from the catalog
                <circle
                  key={tool.id}
                  cx={x(tool.technicalFit ?? 1) + dx}
                  cy={y(tool.functionalFit ?? 1) + dy}
                  r={6}
                  fill={colorOf[timeClass]}
                  stroke="var(--mantine-color-body)"
                  strokeWidth={1.5}
                  style={{ cursor: "pointer" }}
                  onClick={() => void navigate({ to: "/stack/tools/$id", params: { id: tool.id } })}
                >
                  <title>
                    {tool.name}: functional {tool.functionalFit}, technical {tool.technicalFit} (
                    {timeMeta[timeClass].label})
                  </title>
                </circle>
              );
            }),
          )}
        </svg>
      </Box>
      <Group justify="center" gap="md" mt="xs" aria-hidden="true">
        {(Object.keys(colorOf) as (keyof typeof colorOf)[]).map((key) => (
          <Group key={key} gap={4}>
            <span
              style={{ width: 10, height: 10, borderRadius: 5, background: colorOf[key], display: "inline-block" }}
            />
            <Text size="xs">
              {timeMeta[key].label} ({scored.filter((tool) => tool.timeClass === key).length})
            </Text>
          </Group>
        ))}
      </Group>
      <figcaption className="visually-hidden">
        TIME matrix: {scored.length} tools by functional and technical fit
      </figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Functional fit</th>
            <th scope="col">Technical fit</th>
            <th scope="col">TIME class</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((tool) => (
            <tr key={tool.id}>
              <td>{tool.name}</td>
              <td>{tool.functionalFit}</td>
              <td>{tool.technicalFit}</td>
              <td>{tool.timeClass ? timeMeta[tool.timeClass].label : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
