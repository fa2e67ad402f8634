// The graph's nodes: a tool (flagged when it is an island or a risky receiver) and a category's box, which folds.
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { createContext, memo, useContext } from "react";
import type { StackCategory } from "#contracts/stack";
import type { FlaggedTool } from "../graph-model";
import { categoryMeta, statusMeta } from "../labels";
import classes from "./stack-graph.module.css";

export type ToolNode = Node<{ entry: FlaggedTool; isDimmed: boolean; isSelected: boolean }, "tool">;
export type GroupNode = Node<
  { category: StackCategory; count: number; collapsed: boolean; inside: number; isDimmed: boolean },
  "category"
>;
export type GraphNode = ToolNode | GroupNode;

/** Folding and unfolding a category, from the button on its box. */
export const ToggleGroup = createContext<(category: StackCategory) => void>(() => {});

const ToolNodeView = memo(function ToolNodeView({ data }: NodeProps<ToolNode>) {
  const { entry, isDimmed, isSelected } = data;
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
    isSelected ? classes.selected : "",
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

const GroupNodeView = memo(function GroupNodeView({ data }: NodeProps<GroupNode>) {
  const toggle = useContext(ToggleGroup);
  const { category, count, collapsed, inside, isDimmed } = data;
  const label = categoryMeta[category].label;
  const tools = `${count} ${count === 1 ? "tool" : "tools"}`;
  return (
    <div
      className={`${classes.group} ${collapsed ? classes.groupCollapsed : ""} ${isDimmed ? classes.dimmed : ""}`}
      style={{ "--category": categoryMeta[category].hex } as React.CSSProperties}
    >
      {collapsed && <Handle type="target" position={Position.Left} className={classes.handle} isConnectable={false} />}
      <button
        type="button"
        className={`${classes.groupToggle} nodrag`}
        aria-expanded={!collapsed}
        aria-label={`${label}, ${tools}: ${collapsed ? "show" : "fold"} its tools`}
        onClick={(event) => {
          event.stopPropagation();
          toggle(category);
        }}
      >
        <span className={classes.groupName}>
          <span aria-hidden="true">{collapsed ? "▸ " : "▾ "}</span>
          {label}
        </span>
        <span className={classes.groupMeta}>
          {tools}
          {collapsed && inside > 0 ? ` · ${inside} inside` : ""}
        </span>
      </button>
      {collapsed && <Handle type="source" position={Position.Right} className={classes.handle} isConnectable={false} />}
    </div>
  );
});

/** The graph's two kinds of node: a tool, and a category's box. */
export const nodeTypes = { tool: ToolNodeView, category: GroupNodeView };

/** The node id of a category's box. */
export const groupId = (category: string) => `category:${category}`;
