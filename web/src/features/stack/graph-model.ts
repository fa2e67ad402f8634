import type { DataClass, GraphIntegration, Lifecycle, StackCategory, GraphTool as Tool } from "#contracts/stack";
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

/** Sizes of the grouped layout: a category's box, its header, a collapsed category. */
export const GROUP_PADDING = 14;
export const GROUP_HEADER = 44;
export const GROUP_GAP = 24;
export const COLLAPSED_WIDTH = 236;
export const COLLAPSED_HEIGHT = 60;
/** An open category is at least this wide, so its header (name and count) fits. */
const GROUP_MIN_WIDTH = 260;
const CELL_GAP_X = 28;
const CELL_GAP_Y = 14;

/** The names at the default zoom are at least 11 px: 13 px text drawn at this zoom or more. */
export const READABLE_ZOOM = 11 / 13;

export interface GroupBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  collapsed: boolean;
  count: number;
}

export interface GroupedLayout {
  groups: GroupBox[];
  /** Positions of the tools in expanded groups (tools of collapsed groups are drawn by their group). */
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

/**
 * Tools grouped by category: each category a box holding its tools in a grid (a collapsed one a single small
 * box), the boxes packed in rows whose width follows the view's shape, so the whole
 * graph fills the view rather than a strip of it. Linear in the number of tools.
 */
export function layoutGrouped(
  groups: { key: string; toolIds: string[] }[],
  collapsed: ReadonlySet<string>,
  view: { width: number; height: number },
): GroupedLayout {
  const aspect = view.width / Math.max(1, view.height);
  const boxes = groups
    .filter((group) => group.toolIds.length > 0)
    .map((group) => {
      const count = group.toolIds.length;
      if (collapsed.has(group.key)) {
        return { ...group, count, collapsed: true, columns: 0, width: COLLAPSED_WIDTH, height: COLLAPSED_HEIGHT };
      }
      // A grid about as wide as the screen's shape asks, in tool cells.
      const cellW = NODE_WIDTH + CELL_GAP_X;
      const cellH = NODE_HEIGHT + CELL_GAP_Y;
      const columns = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * cellH * aspect) / cellW))));
      const rows = Math.ceil(count / columns);
      return {
        ...group,
        count,
        collapsed: false,
        columns,
        width: Math.max(GROUP_MIN_WIDTH, columns * cellW - CELL_GAP_X + 2 * GROUP_PADDING),
        height: GROUP_HEADER + rows * cellH - CELL_GAP_Y + GROUP_PADDING,
      };
    });
  const area = boxes.reduce((sum, box) => sum + (box.width + GROUP_GAP) * (box.height + GROUP_GAP), 0);
  const widest = boxes.reduce((max, box) => Math.max(max, box.width), 0);
  // Rows about as wide as the screen's shape asks; of a few such widths, the one that fills the view best.
  const ideal = Math.sqrt(area * Math.max(aspect, 0.2));
  let best: GroupedLayout | null = null;
  let bestZoom = -1;
  for (const factor of [0.5, 0.7, 0.85, 1, 1.2, 1.5, 2]) {
    const candidate = packRows(boxes, Math.max(widest, ideal * factor));
    const zoom = fitZoom(candidate, view);
    if (zoom > bestZoom + 1e-9) {
      best = candidate;
      bestZoom = zoom;
    }
  }
  return best ?? { groups: [], positions: new Map(), width: 0, height: 0 };
}

function packRows(
  boxes: {
    key: string;
    toolIds: string[];
    count: number;
    collapsed: boolean;
    columns: number;
    width: number;
    height: number;
  }[],
  rowWidth: number,
): GroupedLayout {
  const positions = new Map<string, { x: number; y: number }>();
  const placed: GroupBox[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    placed.push({
      key: box.key,
      x,
      y,
      width: box.width,
      height: box.height,
      collapsed: box.collapsed,
      count: box.count,
    });
    if (!box.collapsed) {
      box.toolIds.forEach((id, index) => {
        positions.set(id, {
          x: x + GROUP_PADDING + (index % box.columns) * (NODE_WIDTH + CELL_GAP_X),
          y: y + GROUP_HEADER + Math.floor(index / box.columns) * (NODE_HEIGHT + CELL_GAP_Y),
        });
      });
    }
    width = Math.max(width, x + box.width);
    rowHeight = Math.max(rowHeight, box.height);
    x += box.width + GROUP_GAP;
  }
  return { groups: placed, positions, width, height: y + rowHeight };
}

/** The zoom at which a layout fills a view of the given size (with React Flow's fitView padding). */
export function fitZoom(
  layout: { width: number; height: number },
  view: { width: number; height: number },
  padding = 0.05,
) {
  if (layout.width <= 0 || layout.height <= 0) return 1;
  const factor = 1 + 2 * padding;
  return Math.min(view.width / (layout.width * factor), view.height / (layout.height * factor));
}

/**
 * Which categories open collapsed: none if the whole graph can be read at its fitted zoom; otherwise the largest
 * categories fold, one at a time, until the rest can be read (or all are folded).
 */
export function defaultCollapsed(
  groups: { key: string; toolIds: string[] }[],
  view: { width: number; height: number },
): Set<string> {
  const collapsed = new Set<string>();
  const bySize = [...groups]
    .filter((group) => group.toolIds.length > 0)
    .sort((a, b) => b.toolIds.length - a.toolIds.length);
  for (const group of bySize) {
    if (fitZoom(layoutGrouped(groups, collapsed, view), view) >= READABLE_ZOOM) break;
    collapsed.add(group.key);
  }
  return collapsed;
}

/**
 * The edges as drawn: an integration whose end is in a collapsed category goes to that category's box, and the
 * integrations between the same two boxes are bundled into one edge that counts them; those inside one collapsed
 * category are counted on it, not drawn.
 */
export function bundleEdges(
  edges: { id: string; source: string; target: string; twoWay: boolean }[],
  endpointOf: (toolId: string) => string,
): { id: string; source: string; target: string; twoWay: boolean; count: number; memberIds: string[] }[] {
  const bundles = new Map<
    string,
    { id: string; source: string; target: string; twoWay: boolean; count: number; memberIds: string[] }
  >();
  for (const edge of edges) {
    const source = endpointOf(edge.source);
    const target = endpointOf(edge.target);
    if (source === target) continue;
    const isBundled = source !== edge.source || target !== edge.target;
    const key = isBundled ? `bundle:${source}>${target}` : edge.id;
    const existing = bundles.get(key);
    if (existing) {
      existing.count++;
      existing.twoWay ||= edge.twoWay;
      existing.memberIds.push(edge.id);
    } else {
      bundles.set(key, { id: key, source, target, twoWay: edge.twoWay, count: 1, memberIds: [edge.id] });
    }
  }
  return [...bundles.values()];
}
