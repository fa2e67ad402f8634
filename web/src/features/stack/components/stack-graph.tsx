import "@xyflow/react/dist/style.css";
import { Box, Card, Group, Select, Switch, Text, useComputedColorScheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from "@xyflow/react";
import { memo, useMemo, useState } from "react";
import type {
  DataClass,
  GraphIntegration,
  Lifecycle,
  StackCategory,
  GraphTool as Tool,
} from "../../../../../contracts/stack";
import {
  type FlaggedTool,
  flagTools,
  type GraphFilters,
  layoutGraph,
  matchesFilters,
  NODE_HEIGHT,
  NODE_WIDTH,
} from "../graph-model";
import { categoryMeta, categoryOptions, dataClassOptions, lifecycleOptions, statusMeta } from "../labels";
import classes from "./stack-graph.module.css";

type ToolNode = Node<{ entry: FlaggedTool; isDimmed: boolean }, "tool">;

const ToolNodeView = memo(function ToolNodeView({ data }: NodeProps<ToolNode>) {
  const { entry, isDimmed } = data;
  const { tool } = entry;
  const flags = [
    entry.isAtRisk ? "receives personal data, not compliant" : null,
    entry.isIsland ? "island" : null,
  ].filter(Boolean);
  const className = [
    classes.node,
    entry.isIsland ? classes.island : "",
    entry.isAtRisk ? classes.atRisk : "",
    isDimmed ? classes.dimmed : "",
  ].join(" ");
  return (
    <div
      className={className}
      style={{ "--category": categoryMeta[tool.category].hex } as React.CSSProperties}
      title={`${tool.name} · ${categoryMeta[tool.category].label}${flags.length ? ` · ${flags.join(", ")}` : ""}`}
    >
      <Handle type="target" position={Position.Left} className={classes.handle} isConnectable={false} />
      <div className={classes.name}>
        {entry.isAtRisk ? "⚠ " : ""}
        {tool.name}
      </div>
      <div className={classes.meta}>
        {entry.isIsland ? "Island · " : ""}
        {statusMeta[tool.status].label}
      </div>
      <Handle type="source" position={Position.Right} className={classes.handle} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { tool: ToolNodeView };

interface StackGraphProps {
  tools: Tool[];
  integrations: GraphIntegration[];
}

/** The stack as a graph: tools coloured by category, integrations as arrows, islands and risky receivers flagged. */
export function StackGraph({ tools, integrations }: StackGraphProps) {
  const navigate = useNavigate();
  const scheme = useComputedColorScheme("light");
  const isPhone = useMediaQuery("(max-width: 48em)");
  const [filters, setFilters] = useState<GraphFilters>({ category: null, dataClass: null, lifecycle: null });
  const [highlightPersonal, setHighlightPersonal] = useState(false);

  const flagged = useMemo(() => flagTools(tools, integrations), [tools, integrations]);

  const visible = useMemo(() => tools.filter((tool) => matchesFilters(tool, filters)), [tools, filters]);
  const visibleIds = useMemo(() => new Set(visible.map((tool) => tool.id)), [visible]);
  const visibleIntegrations = useMemo(
    () => integrations.filter((edge) => visibleIds.has(edge.from.id) && visibleIds.has(edge.to.id)),
    [integrations, visibleIds],
  );

  const layout = useMemo(() => {
    const connected = new Set(visibleIntegrations.flatMap((edge) => [edge.from.id, edge.to.id]));
    const islands = visible.filter((tool) => !connected.has(tool.id)).map((tool) => tool.id);
    return layoutGraph(
      visible.map((tool) => tool.id),
      visibleIntegrations.map((edge) => ({ source: edge.from.id, target: edge.to.id })),
      islands,
    );
  }, [visible, visibleIntegrations]);

  const nodes: ToolNode[] = useMemo(
    () =>
      visible.map((tool) => {
        const entry = flagged.get(tool.id) as FlaggedTool;
        return {
          id: tool.id,
          type: "tool",
          position: layout.positions.get(tool.id) ?? { x: 0, y: 0 },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          data: { entry, isDimmed: highlightPersonal && !entry.handlesPersonalData },
          ariaLabel: `${tool.name}, ${categoryMeta[tool.category].label}${entry.isIsland ? ", island" : ""}${
            entry.isAtRisk ? ", receives personal data but is not compliant" : ""
          }. Open its page.`,
        };
      }),
    [visible, flagged, layout, highlightPersonal],
  );

  const edges: Edge[] = useMemo(() => {
    const muted = scheme === "dark" ? "#5c5f66" : "#adb5bd";
    return visibleIntegrations.map((integration) => {
      const isPersonal = Boolean(
        flagged.get(integration.from.id)?.handlesPersonalData || flagged.get(integration.to.id)?.handlesPersonalData,
      );
      const isHighlighted = highlightPersonal && isPersonal;
      const color = isHighlighted ? "#e03131" : muted;
      return {
        id: integration.id,
        source: integration.from.id,
        target: integration.to.id,
        animated: isHighlighted,
        style: {
          stroke: color,
          strokeWidth: isHighlighted ? 2.2 : 1.2,
          opacity: highlightPersonal && !isPersonal ? 0.25 : 1,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
        markerStart:
          integration.direction === "two_way"
            ? { type: MarkerType.ArrowClosed, color, width: 14, height: 14 }
            : undefined,
      };
    });
  }, [visibleIntegrations, highlightPersonal, scheme, flagged]);

  const counts = useMemo(() => {
    let islands = 0;
    let atRisk = 0;
    for (const tool of visible) {
      const entry = flagged.get(tool.id);
      if (entry?.isIsland) islands++;
      if (entry?.isAtRisk) atRisk++;
    }
    return { islands, atRisk };
  }, [visible, flagged]);

  // A normal stack opens at a zoom where names can be read; a very large one opens whole, to zoom into.
  const isLarge = nodes.length > 150;

  return (
    <Card p={0}>
      <Group p="md" gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Category"
          placeholder="All categories"
          data={categoryOptions}
          value={filters.category}
          onChange={(value) => setFilters({ ...filters, category: value as StackCategory | null })}
          clearable
          w={{ base: "100%", xs: 210 }}
        />
        <Select
          label="Data handled"
          placeholder="Any data"
          data={dataClassOptions}
          value={filters.dataClass}
          onChange={(value) => setFilters({ ...filters, dataClass: value as DataClass | null })}
          clearable
          w={{ base: "calc(50% - 6px)", xs: 180 }}
        />
        <Select
          label="Lifecycle"
          placeholder="Any stage"
          data={lifecycleOptions}
          value={filters.lifecycle}
          onChange={(value) => setFilters({ ...filters, lifecycle: value as Lifecycle | null })}
          clearable
          w={{ base: "calc(50% - 6px)", xs: 150 }}
        />
        <Switch
          label="Highlight personal data"
          checked={highlightPersonal}
          onChange={(event) => setHighlightPersonal(event.currentTarget.checked)}
          pb={8}
        />
      </Group>
      <Group px="md" pb="sm" gap="md" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {visible.length} {visible.length === 1 ? "tool" : "tools"} · {visibleIntegrations.length}{" "}
          {visibleIntegrations.length === 1 ? "integration" : "integrations"}
        </Text>
        <Text size="sm" c="dimmed">
          {counts.islands} {counts.islands === 1 ? "island" : "islands"} (dashed border)
        </Text>
        <Text
          size="sm"
          c={counts.atRisk > 0 ? "var(--mantine-color-red-text)" : "dimmed"}
          fw={counts.atRisk > 0 ? 600 : undefined}
        >
          ⚠ {counts.atRisk} receiving personal data while not compliant (red outline)
        </Text>
        {isLarge && (
          <Text size="sm" c="dimmed">
            A large stack: zoom in, or filter by category, to read the names.
          </Text>
        )}
      </Group>
      <Box
        h={isPhone ? 480 : "max(560px, 72vh)"}
        style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode={scheme}
          fitView
          fitViewOptions={{ padding: 0.05, minZoom: isLarge ? undefined : 0.55, maxZoom: 1.1 }}
          minZoom={0.05}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements={isLarge}
          onNodeClick={(_, node) => void navigate({ to: "/stack/tools/$id", params: { id: node.id } })}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          {!isPhone && (
            <MiniMap
              pannable
              zoomable
              nodeColor={(node) => categoryMeta[(node as ToolNode).data.entry.tool.category].hex}
              ariaLabel="Overview of the graph"
            />
          )}
        </ReactFlow>
      </Box>
      <Group p="md" gap="md" wrap="wrap" aria-label="Category colours" role="list">
        {categoryOptions.map((option) => (
          <Text key={option.value} size="xs" role="listitem">
            <span
              className={classes.swatch}
              style={{ background: categoryMeta[option.value].hex }}
              aria-hidden="true"
            />
            {option.label}
          </Text>
        ))}
      </Group>
    </Card>
  );
}
