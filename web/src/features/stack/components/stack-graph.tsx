import "@xyflow/react/dist/style.css";
import { Box, Button, Card, Group, Select, Switch, Text, useComputedColorScheme } from "@mantine/core";
import { useElementSize, useMediaQuery } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { Background, Controls, type Edge, MarkerType, MiniMap, Panel, ReactFlow } from "@xyflow/react";
import { useMemo, useState } from "react";
import type { DataClass, GraphIntegration, Lifecycle, StackCategory, GraphTool as Tool } from "#contracts/stack";
import { AnchorLink } from "../../../components/ui/links";
import {
  bundleEdges,
  defaultCollapsed,
  type FlaggedTool,
  fitZoom,
  flagTools,
  type GraphFilters,
  layoutGrouped,
  matchesFilters,
  NODE_HEIGHT,
  NODE_WIDTH,
} from "../graph-model";
import { categoryMeta, categoryOptions, dataClassOptions, lifecycleOptions } from "../labels";
import classes from "./stack-graph.module.css";
import { type GraphNode, type GroupNode, groupId, nodeTypes, ToggleGroup, type ToolNode } from "./stack-graph-nodes";

interface StackGraphProps {
  tools: Tool[];
  integrations: GraphIntegration[];
}

/**
 * The stack as a graph: tools grouped by category (a category folds into one box, its integrations bundled),
 * integrations as arrows, islands and risky receivers flagged. It opens fitted to the view at a zoom where the
 * names can be read, folding the largest categories when the whole stack cannot be; selecting a tool fades the
 * integrations that do not touch it.
 */
export function StackGraph({ tools, integrations }: StackGraphProps) {
  const navigate = useNavigate();
  const scheme = useComputedColorScheme("light");
  const isPhone = useMediaQuery("(max-width: 48em)");
  const { ref: viewRef, width: viewWidth, height: viewHeight } = useElementSize();
  const [filters, setFilters] = useState<GraphFilters>({ category: null, dataClass: null, lifecycle: null });
  const [highlightPersonal, setHighlightPersonal] = useState(false);
  // Folded categories the person chose; null until they fold or unfold one (then the default below applies).
  const [chosenFolds, setChosenFolds] = useState<Set<string> | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const flagged = useMemo(() => flagTools(tools, integrations), [tools, integrations]);
  const byId = useMemo(() => new Map(tools.map((tool) => [tool.id, tool])), [tools]);

  const visible = useMemo(() => tools.filter((tool) => matchesFilters(tool, filters)), [tools, filters]);
  const visibleIds = useMemo(() => new Set(visible.map((tool) => tool.id)), [visible]);
  const visibleIntegrations = useMemo(
    () => integrations.filter((edge) => visibleIds.has(edge.from.id) && visibleIds.has(edge.to.id)),
    [integrations, visibleIds],
  );

  const groups = useMemo(
    () =>
      categoryOptions.map((option) => ({
        key: option.value,
        toolIds: visible
          .filter((tool) => tool.category === option.value)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((tool) => tool.id),
      })),
    [visible],
  );

  const view = useMemo(
    () => ({ width: Math.max(1, viewWidth), height: Math.max(1, viewHeight) }),
    [viewWidth, viewHeight],
  );
  const isMeasured = viewWidth > 0 && viewHeight > 0;
  const folded = useMemo(() => chosenFolds ?? defaultCollapsed(groups, view), [chosenFolds, groups, view]);
  const layout = useMemo(() => layoutGrouped(groups, folded, view), [groups, folded, view]);

  const toggleGroup = (category: StackCategory) => {
    const next = new Set(folded);
    if (next.has(category)) next.delete(category);
    else next.add(category);
    setChosenFolds(next);
    if (selectedId && next.has(byId.get(selectedId)?.category ?? "")) setSelectedId(null);
  };
  const changeFilters = (next: GraphFilters) => {
    setFilters(next);
    setChosenFolds(null);
    setSelectedId(null);
  };

  // Where each tool's integrations are drawn: the tool itself, or its folded category's box.
  const endpointOf = useMemo(() => {
    return (toolId: string) => {
      const category = byId.get(toolId)?.category ?? "";
      return folded.has(category) ? groupId(category) : toolId;
    };
  }, [byId, folded]);

  const drawnEdges = useMemo(
    () =>
      bundleEdges(
        visibleIntegrations.map((edge) => ({
          id: edge.id,
          source: edge.from.id,
          target: edge.to.id,
          twoWay: edge.direction === "two_way",
        })),
        endpointOf,
      ),
    [visibleIntegrations, endpointOf],
  );

  const insideCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const edge of visibleIntegrations) {
      const source = endpointOf(edge.from.id);
      if (source === endpointOf(edge.to.id) && source.startsWith("category:")) {
        counts.set(source, (counts.get(source) ?? 0) + 1);
      }
    }
    return counts;
  }, [visibleIntegrations, endpointOf]);

  // The selected tool and the tools it exchanges data with.
  const neighbours = useMemo(() => {
    if (!selectedId) return null;
    const set = new Set<string>([selectedId]);
    let count = 0;
    for (const edge of visibleIntegrations) {
      if (edge.from.id === selectedId || edge.to.id === selectedId) {
        set.add(endpointOf(edge.from.id));
        set.add(endpointOf(edge.to.id));
        count++;
      }
    }
    return { set, count };
  }, [selectedId, visibleIntegrations, endpointOf]);

  const nodes: GraphNode[] = useMemo(() => {
    const list: GraphNode[] = [];
    for (const group of layout.groups) {
      const category = group.key as StackCategory;
      const id = groupId(category);
      list.push({
        id,
        type: "category",
        position: { x: group.x, y: group.y },
        width: group.width,
        height: group.height,
        zIndex: group.collapsed ? 2 : 0,
        focusable: false,
        data: {
          category,
          count: group.count,
          collapsed: group.collapsed,
          inside: insideCounts.get(id) ?? 0,
          isDimmed: Boolean(neighbours && group.collapsed && !neighbours.set.has(id)),
        },
      });
    }
    for (const tool of visible) {
      const position = layout.positions.get(tool.id);
      if (!position) continue;
      const entry = flagged.get(tool.id) as FlaggedTool;
      list.push({
        id: tool.id,
        type: "tool",
        position,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        zIndex: 2,
        data: {
          entry,
          isSelected: tool.id === selectedId,
          isDimmed:
            (highlightPersonal && !entry.handlesPersonalData) || Boolean(neighbours && !neighbours.set.has(tool.id)),
        },
        ariaLabel: `${tool.name}, ${categoryMeta[tool.category].label}${entry.isIsland ? ", island" : ""}${
          entry.isAtRisk ? ", receives personal data but is not compliant" : ""
        }. Select it to see its integrations.`,
      });
    }
    return list;
  }, [layout, visible, flagged, highlightPersonal, insideCounts, neighbours, selectedId]);

  const edges: Edge[] = useMemo(() => {
    const muted = scheme === "dark" ? "#6b6f76" : "#adb5bd";
    const selectedColor = scheme === "dark" ? "#91a7ff" : "#3b5bdb";
    const integrationById = new Map(visibleIntegrations.map((edge) => [edge.id, edge]));
    const isPersonalEdge = (memberIds: string[]) =>
      memberIds.some((id) => {
        const integration = integrationById.get(id);
        return Boolean(
          integration &&
            (flagged.get(integration.from.id)?.handlesPersonalData ||
              flagged.get(integration.to.id)?.handlesPersonalData),
        );
      });
    const touchesSelection = (memberIds: string[]) =>
      memberIds.some((id) => {
        const integration = integrationById.get(id);
        return integration?.from.id === selectedId || integration?.to.id === selectedId;
      });
    // Many integrations at once read as a haze: drawn lighter until a tool is selected.
    const crowded = drawnEdges.length > 40;
    return drawnEdges.map((bundle) => {
      const isPersonal = highlightPersonal && isPersonalEdge(bundle.memberIds);
      const isSelected = selectedId !== null && touchesSelection(bundle.memberIds);
      const isFaded = (selectedId !== null && !isSelected) || (highlightPersonal && !isPersonal);
      const color = isSelected ? selectedColor : isPersonal ? "#e03131" : muted;
      const width = Math.min(6, 1.2 + Math.log2(bundle.count));
      return {
        id: bundle.id,
        source: bundle.source,
        target: bundle.target,
        zIndex: 1,
        animated: isPersonal && !crowded,
        label: bundle.count > 1 && !isFaded ? String(bundle.count) : undefined,
        labelStyle: { fontSize: 13, fontWeight: 600 },
        labelBgPadding: [4, 2] as [number, number],
        style: {
          stroke: color,
          strokeWidth: isSelected || isPersonal ? width + 1 : width,
          opacity: isFaded ? 0.1 : crowded && selectedId === null && !isPersonal ? 0.5 : 1,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
        markerStart: bundle.twoWay ? { type: MarkerType.ArrowClosed, color, width: 14, height: 14 } : undefined,
      };
    });
  }, [drawnEdges, visibleIntegrations, highlightPersonal, scheme, flagged, selectedId]);

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

  const isLarge = nodes.length > 150;
  const zoom = fitZoom(layout, view);
  // The graph is drawn anew (and fitted) when what it shows changes shape: filters or folds.
  const drawingKey = `${[...folded].sort().join(",")}|${filters.category}|${filters.dataClass}|${filters.lifecycle}`;
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const foldedCount = layout.groups.filter((group) => group.collapsed).length;

  return (
    <Card p={0}>
      <Group p="md" gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Category"
          placeholder="All categories"
          data={categoryOptions}
          value={filters.category}
          onChange={(value) => changeFilters({ ...filters, category: value as StackCategory | null })}
          clearable
          w={{ base: "100%", xs: 210 }}
        />
        <Select
          label="Data handled"
          placeholder="Any data"
          data={dataClassOptions}
          value={filters.dataClass}
          onChange={(value) => changeFilters({ ...filters, dataClass: value as DataClass | null })}
          clearable
          w={{ base: "calc(50% - 6px)", xs: 180 }}
        />
        <Select
          label="Lifecycle"
          placeholder="Any stage"
          data={lifecycleOptions}
          value={filters.lifecycle}
          onChange={(value) => changeFilters({ ...filters, lifecycle: value as Lifecycle | null })}
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
        {foldedCount > 0 && (
          <Text size="sm" c="dimmed">
            {foldedCount === layout.groups.length ? "Every category is" : `${foldedCount} categories are`} folded so the
            names stay readable: open one to see its tools.
          </Text>
        )}
      </Group>
      <Box
        ref={viewRef}
        h={isPhone ? 520 : "max(560px, 72vh)"}
        style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
        data-fit-zoom={zoom.toFixed(3)}
      >
        {isMeasured && (
          <ToggleGroup.Provider value={toggleGroup}>
            <ReactFlow
              key={drawingKey}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              colorMode={scheme}
              fitView
              fitViewOptions={{ padding: 0.05, maxZoom: 1.1 }}
              minZoom={Math.min(0.05, zoom * 0.8)}
              maxZoom={2}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              onlyRenderVisibleElements={isLarge}
              onNodeClick={(_, node) => {
                if (node.type !== "tool") return;
                setSelectedId((current) => (current === node.id ? null : node.id));
              }}
              onNodeDoubleClick={(_, node) => {
                if (node.type === "tool") void navigate({ to: "/stack/tools/$id", params: { id: node.id } });
              }}
              onPaneClick={() => setSelectedId(null)}
            >
              {selected && (
                <Panel position="top-center" className={classes.selection}>
                  <Group gap="xs" wrap="wrap" justify="center" aria-live="polite">
                    <Text size="sm">
                      <strong>{selected.name}</strong>: {neighbours?.count ?? 0}{" "}
                      {neighbours?.count === 1 ? "integration" : "integrations"} highlighted
                    </Text>
                    <AnchorLink to="/stack/tools/$id" params={{ id: selected.id }} size="sm" fw={600}>
                      Open {selected.name}
                    </AnchorLink>
                    <Button size="compact-sm" variant="subtle" onClick={() => setSelectedId(null)}>
                      Clear
                    </Button>
                  </Group>
                </Panel>
              )}
              <Background gap={24} size={1} />
              <Controls showInteractive={false} />
              {!isPhone && (
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={(node) =>
                    node.type === "category"
                      ? (node as GroupNode).data.collapsed
                        ? categoryMeta[(node as GroupNode).data.category].hex
                        : "transparent"
                      : categoryMeta[(node as ToolNode).data.entry.tool.category].hex
                  }
                  ariaLabel="Overview of the graph"
                />
              )}
            </ReactFlow>
          </ToggleGroup.Provider>
        )}
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
      <Text px="md" pb="md" size="xs" c="dimmed">
        Click a tool to highlight its integrations (double-click opens it); click a category's name to fold or open it.
        Numbers on arrows count the integrations bundled between folded categories.
      </Text>
    </Card>
  );
}
