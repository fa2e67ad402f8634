import dagre from "@dagrejs/dagre";
import type {
  DataClass,
  GraphIntegration,
  Lifecycle,
  StackCategory,
  GraphTool as Tool,
} from "../../../../contracts/stack";
import { handlesPersonalData } from "./labels";

/** What the graph shows of a tool, and what it flags. */
export interface FlaggedTool {
  tool: Tool;
  isIsland: boolean;
  /** Receives data from a sanctioned tool that handles personal data, but is not compliant itself. */
  isAtRisk: boolean;
  handlesPersonalData: boolean;
}

export interface GraphFilters {
  category: StackCategory | null;
  dataClass: DataClass | null;
  lifecycle: Lifecycle | null;
}

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 48;

/** Flags every tool: islands, and receivers of personal data that are not compliant. */
export function flagTools(tools: Tool[], integrations: GraphIntegration[]): Map<string, FlaggedTool> {
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  const connected = new Set<string>();
  const atRisk = new Set<string>();
  const receive = (fromId: string, toId: string) => {
    const from = byId.get(fromId);
    const to = byId.get(toId);
    if (!from || !to) return;
    if (from.status === "sanctioned" && handlesPersonalData(from) && to.compliance.status === "non_compliant") {
      atRisk.add(to.id);
    }
  };
  for (const integration of integrations) {
    if (!byId.has(integration.from.id) || !byId.has(integration.to.id)) continue;
    connected.add(integration.from.id);
    connected.add(integration.to.id);
    receive(integration.from.id, integration.to.id);
    if (integration.direction === "two_way") receive(integration.to.id, integration.from.id);
  }
  return new Map(
    tools.map((tool) => [
      tool.id,
      {
        tool,
        isIsland: !connected.has(tool.id),
        isAtRisk: atRisk.has(tool.id),
        handlesPersonalData: handlesPersonalData(tool),
      },
    ]),
  );
}

/** Whether a tool passes the graph's filters. */
export function matchesFilters(tool: Tool, filters: GraphFilters): boolean {
  return (
    (!filters.category || tool.category === filters.category) &&
    (!filters.dataClass || tool.dataClasses.includes(filters.dataClass)) &&
    (!filters.lifecycle || tool.lifecycle === filters.lifecycle)
  );
}

/**
 * Positions of the connected tools by dagre (left to right, in flow order); islands go in a grid below,
 * because laying out unconnected nodes only spreads them along one rank.
 */
export function layoutGraph(toolIds: string[], edges: { source: string; target: string }[], islandIds: string[]) {
  const positions = new Map<string, { x: number; y: number }>();
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const islands = new Set(islandIds);
  for (const id of toolIds) if (!islands.has(id)) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  let maxY = 0;
  let maxX = 0;
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    positions.set(id, { x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2 });
    maxY = Math.max(maxY, node.y + NODE_HEIGHT / 2);
    maxX = Math.max(maxX, node.x + NODE_WIDTH / 2);
  }
  const columns = Math.max(4, Math.floor(Math.max(maxX, 900) / (NODE_WIDTH + 20)));
  islandIds.forEach((id, index) => {
    positions.set(id, {
      x: 20 + (index % columns) * (NODE_WIDTH + 20),
      y: maxY + 80 + Math.floor(index / columns) * (NODE_HEIGHT + 20),
    });
  });
  return { positions, islandsTop: maxY + 50 };
}
