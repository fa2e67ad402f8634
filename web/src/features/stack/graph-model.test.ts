import { describe, expect, it } from "vitest";
import { DAGRE_LIMIT, layoutGraph, layoutLayered, NODE_HEIGHT, NODE_WIDTH } from "./graph-model";

describe("layoutLayered", () => {
  it("puts every tool one rank after the furthest tool sending it data, cycles broken, nobody overlapping", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const edges = [
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "a", target: "c" },
      { source: "c", target: "a" }, // a cycle: dropped for ranking
      { source: "d", target: "e" },
    ];
    const { positions } = layoutLayered(ids, edges);
    const x = (id: string) => positions.get(id)?.x ?? -1;
    expect(x("b")).toBeGreaterThan(x("a"));
    expect(x("c")).toBeGreaterThan(x("b"));
    expect(x("e")).toBeGreaterThan(x("d"));
    const boxes = ids.map((id) => positions.get(id) as { x: number; y: number });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const apart =
          Math.abs(boxes[i].x - boxes[j].x) >= NODE_WIDTH || Math.abs(boxes[i].y - boxes[j].y) >= NODE_HEIGHT;
        expect(apart, `${ids[i]} and ${ids[j]} overlap`).toBe(true);
      }
    }
  });

  it("is used above the dagre limit and places every tool, islands below", () => {
    const ids = Array.from({ length: DAGRE_LIMIT + 50 }, (_, i) => `t${i}`);
    const edges = ids.slice(1).map((id, i) => ({ source: ids[Math.floor(i / 3)], target: id }));
    const islands = ["lonely-1", "lonely-2"];
    const { positions, islandsTop } = layoutGraph([...ids, ...islands], edges, islands);
    expect(positions.size).toBe(ids.length + islands.length);
    for (const island of islands) expect(positions.get(island)?.y).toBeGreaterThan(islandsTop);
  });
});
