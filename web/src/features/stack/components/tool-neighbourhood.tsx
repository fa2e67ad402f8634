import { Text, useComputedColorScheme } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { Integration, Tool } from "#contracts/stack";
import { categoryMeta } from "../labels";

const ROW = 34;
const NODE_W = 150;
const NODE_H = 26;
const WIDTH = 560;

interface Neighbour {
  id: string;
  name: string;
  objects: string[];
}

/**
 * The tool and its direct neighbours: what sends data to it on the left, what it sends data to on the right
 * (two-way integrations on both sides), drawn as a small picture. Clicking a neighbour opens its page.
 */
export function ToolNeighbourhood({ tool, integrations }: { tool: Tool; integrations: Integration[] }) {
  const navigate = useNavigate();
  const scheme = useComputedColorScheme("light");
  const sources: Neighbour[] = [];
  const targets: Neighbour[] = [];
  for (const integration of integrations) {
    const outgoing = integration.from.id === tool.id;
    const other = outgoing ? integration.to : integration.from;
    const entry = { id: other.id, name: other.name, objects: integration.dataObjects };
    if (outgoing || integration.direction === "two_way") targets.push(entry);
    if (!outgoing || integration.direction === "two_way") sources.push(entry);
  }
  const rows = Math.max(sources.length, targets.length, 1);
  const height = rows * ROW + 16;
  const centerY = height / 2;
  const line = scheme === "dark" ? "#5c5f66" : "#adb5bd";
  const text = scheme === "dark" ? "#e9ecef" : "#212529";
  const fill = scheme === "dark" ? "#25262b" : "#ffffff";
  const yOf = (index: number, count: number) => centerY + (index - (count - 1) / 2) * ROW;
  const label = `${tool.name} receives data from ${sources.map((s) => s.name).join(", ") || "no tool"} and sends data to ${
    targets.map((t) => t.name).join(", ") || "no tool"
  }`;
  const node = (neighbour: Neighbour, x: number, y: number) => (
    <a
      key={`${x}-${neighbour.id}`}
      href={`/stack/tools/${neighbour.id}`}
      aria-label={`Open ${neighbour.name}`}
      onClick={(event) => {
        event.preventDefault();
        void navigate({ to: "/stack/tools/$id", params: { id: neighbour.id } });
      }}
    >
      <title>{neighbour.objects.length ? `${neighbour.name}: ${neighbour.objects.join(", ")}` : neighbour.name}</title>
      <rect x={x} y={y - NODE_H / 2} width={NODE_W} height={NODE_H} rx={6} fill={fill} stroke={line} />
      <text x={x + NODE_W / 2} y={y + 4} textAnchor="middle" fontSize={12} fill={text}>
        {neighbour.name.length > 20 ? `${neighbour.name.slice(0, 19)}…` : neighbour.name}
      </text>
    </a>
  );
  if (integrations.length === 0) return null;
  const centerX = (WIDTH - NODE_W) / 2;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: "block" }}
        aria-label={label}
      >
        <defs>
          <marker
            id="neighbourhood-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={line} />
          </marker>
        </defs>
        {sources.map((source, index) => (
          <line
            key={`in-${source.id}`}
            x1={NODE_W}
            y1={yOf(index, sources.length)}
            x2={centerX}
            y2={centerY}
            stroke={line}
            markerEnd="url(#neighbourhood-arrow)"
          />
        ))}
        {targets.map((target, index) => (
          <line
            key={`out-${target.id}`}
            x1={centerX + NODE_W}
            y1={centerY}
            x2={WIDTH - NODE_W}
            y2={yOf(index, targets.length)}
            stroke={line}
            markerEnd="url(#neighbourhood-arrow)"
          />
        ))}
        {sources.map((source, index) => node(source, 0, yOf(index, sources.length)))}
        {targets.map((target, index) => node(target, WIDTH - NODE_W, yOf(index, targets.length)))}
        <rect
          x={centerX}
          y={centerY - NODE_H / 2}
          width={NODE_W}
          height={NODE_H}
          rx={6}
          fill={fill}
          stroke={categoryMeta[tool.category].hex}
          strokeWidth={3}
        />
        <text x={centerX + NODE_W / 2} y={centerY + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill={text}>
          {tool.name.length > 20 ? `${tool.name.slice(0, 19)}…` : tool.name}
        </text>
      </svg>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        Left: tools that send data to {tool.name}. Right: tools it sends data to.
      </Text>
    </figure>
  );
}
