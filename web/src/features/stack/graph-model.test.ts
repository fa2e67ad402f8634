import { describe, expect, it } from "vitest";
import {
  bundleEdges,
  defaultCollapsed,
  fitZoom,
  layoutGrouped,
  NODE_HEIGHT,
  NODE_WIDTH,
  READABLE_ZOOM,
} from "./graph-model";

const groupsOf = (sizes: Record<string, number>) =>
  Object.entries(sizes).map(([key, size]) => ({
    key,
    toolIds: Array.from({ length: size }, (_, i) => `${key}-${i}`),
  }));

describe("layoutGrouped", () => {
  const desk = { width: 1000, height: 560 };

  it("puts each category's tools inside its box, no two boxes or tools overlapping", () => {
    const groups = groupsOf({ data: 9, content: 5, advertising: 1, management: 0 });
    const layout = layoutGrouped(groups, new Set(), desk);
    expect(layout.groups.map((group) => group.key)).toEqual(["data", "content", "advertising"]);
    for (const group of layout.groups) {
      for (const id of groups.find((g) => g.key === group.key)?.toolIds ?? []) {
        const at = layout.positions.get(id) as { x: number; y: number };
        expect(at.x).toBeGreaterThanOrEqual(group.x);
        expect(at.y).toBeGreaterThanOrEqual(group.y);
        expect(at.x + NODE_WIDTH).toBeLessThanOrEqual(group.x + group.width);
        expect(at.y + NODE_HEIGHT).toBeLessThanOrEqual(group.y + group.height);
      }
    }
    const boxes = layout.groups;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.key} and ${b.key} overlap`).toBe(true);
      }
    }
    expect(layout.width).toBe(Math.max(...boxes.map((box) => box.x + box.width)));
  });

  it("draws a folded category as one box without its tools", () => {
    const layout = layoutGrouped(groupsOf({ data: 40, content: 3 }), new Set(["data"]), desk);
    expect(layout.groups.find((group) => group.key === "data")?.collapsed).toBe(true);
    expect(layout.positions.has("data-0")).toBe(false);
    expect(layout.positions.has("content-2")).toBe(true);
  });

  it("follows the view's shape: taller than wide on a phone, wider than tall on a desk", () => {
    const groups = groupsOf({ a: 6, b: 6, c: 6, d: 6 });
    const phone = layoutGrouped(groups, new Set(), { width: 358, height: 520 });
    const wide = layoutGrouped(groups, new Set(), desk);
    expect(phone.height / phone.width).toBeGreaterThan(wide.height / wide.width);
  });
});

describe("defaultCollapsed", () => {
  it("folds nothing when the whole stack reads at its fitted zoom", () => {
    const groups = groupsOf({ data: 4, content: 3 });
    expect(defaultCollapsed(groups, { width: 1000, height: 560 }).size).toBe(0);
  });

  it("folds the largest categories first until the rest reads, on a desk and on a phone", () => {
    const groups = groupsOf({ data: 300, content: 12, advertising: 6, commerce: 4 });
    for (const view of [
      { width: 1000, height: 560 },
      { width: 358, height: 520 },
    ]) {
      const folded = defaultCollapsed(groups, view);
      expect(folded.has("data")).toBe(true);
      expect(fitZoom(layoutGrouped(groups, folded, view), view)).toBeGreaterThanOrEqual(READABLE_ZOOM);
    }
  });

  it("reads even a thousand tools in six categories once all are folded", () => {
    const groups = groupsOf({ a: 170, b: 170, c: 170, d: 170, e: 160, f: 160 });
    const view = { width: 358, height: 520 };
    const folded = defaultCollapsed(groups, view);
    expect(folded.size).toBe(6);
    expect(fitZoom(layoutGrouped(groups, folded, view), view)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });
});

describe("bundleEdges", () => {
  const edges = [
    { id: "1", source: "a1", target: "b1", twoWay: false },
    { id: "2", source: "a2", target: "b2", twoWay: true },
    { id: "3", source: "a1", target: "a2", twoWay: false },
    { id: "4", source: "c1", target: "a1", twoWay: false },
  ];

  it("keeps every integration as drawn when nothing is folded", () => {
    expect(bundleEdges(edges, (id) => id).map((edge) => edge.id)).toEqual(["1", "2", "3", "4"]);
  });

  it("bundles integrations between folded categories and counts them; those inside one are not drawn", () => {
    const folded = (id: string) => (id.startsWith("c") ? id : `category:${id[0]}`);
    const drawn = bundleEdges(edges, folded);
    expect(drawn).toHaveLength(2);
    const ab = drawn.find((edge) => edge.source === "category:a" && edge.target === "category:b");
    expect(ab).toMatchObject({ count: 2, twoWay: true, memberIds: ["1", "2"] });
    expect(drawn.find((edge) => edge.source === "c1")).toMatchObject({ target: "category:a", count: 1 });
  });
});
