import { describe, expect, it } from "vitest";
import { IdParams } from "#contracts/common";
import { defineRoute } from "#contracts/route";
import { keyOf, pathOf } from "./api";

const tool = defineRoute({
  method: "GET",
  path: "/tools/:id/history",
  tags: ["stack"],
  summary: "A tool's history",
  params: IdParams,
  response: {},
});

describe("declared routes on the client", () => {
  it("fills a path's parameters, encoded", () => {
    expect(pathOf(tool, { id: "a b/c" })).toBe("/tools/a%20b%2Fc/history");
  });

  it("refuses a path whose parameter is missing rather than calling the wrong URL", () => {
    expect(() => pathOf(tool, {})).toThrow("missing parameter id");
  });

  it("keys a query by its path's segments and its non-empty query string", () => {
    const list = defineRoute({ method: "GET", path: "/tools", tags: [], summary: "", response: {} });
    expect(keyOf(list)).toEqual(["tools"]);
    expect(keyOf(list, { query: { q: "crm", status: undefined, category: "" } } as never)).toEqual([
      "tools",
      { q: "crm" },
    ]);
    expect(keyOf(tool, { params: { id: "7" } })).toEqual(["tools", "7", "history"]);
  });

  it("stops at the first missing parameter, giving the prefix every query under it shares", () => {
    expect(keyOf(tool)).toEqual(["tools"]);
  });
});
