import { describe, expect, it } from "vitest";
import { buildMatcher, type CatalogTool, DiscoveryInputError, type ExpenseLine, matchLines } from ".";

function expectField(run: () => unknown, field: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DiscoveryInputError);
    expect((error as DiscoveryInputError).field).toBe(field);
    expect((error as DiscoveryInputError).message.startsWith(field)).toBe(true);
    return;
  }
  throw new Error(`expected DiscoveryInputError naming ${field}`);
}

const tool: CatalogTool = { id: "canva", name: "Canva", vendor: "Canva Pty Ltd" };
const line: ExpenseLine = { line: 2, date: "2026-03-01", description: "PAYPAL *CANVA", amount: 12, currency: "EUR" };
const matcher = buildMatcher([tool]);
const withLine = (change: Record<string, unknown>) => () =>
  matchLines(matcher, [line, { ...line, line: 3, ...change } as ExpenseLine]);
const withTool = (change: Record<string, unknown>) => () =>
  buildMatcher([tool, { ...tool, id: "other", ...change } as CatalogTool]);

describe("buildMatcher", () => {
  it("accepts an empty catalog, which matches nothing", () => {
    expect(matchLines(buildMatcher([]), [line]).matches).toEqual([]);
  });

  it("names the tool field that is wrong", () => {
    expectField(() => buildMatcher(null as unknown as CatalogTool[]), "tools");
    expectField(() => buildMatcher([tool, null as unknown as CatalogTool]), "tools[1]");
    expectField(withTool({ id: "" }), "tools[1].id");
    expectField(withTool({ id: "canva" }), "tools[1].id");
    expectField(withTool({ id: 7 }), "tools[1].id");
    expectField(withTool({ name: "  " }), "tools[1].name");
    expectField(withTool({ vendor: undefined }), "tools[1].vendor");
    expectField(withTool({ aliases: "zoom.us" }), "tools[1].aliases");
    expectField(withTool({ aliases: ["ok", 3] }), "tools[1].aliases[1]");
  });

  it("names a bad option", () => {
    expectField(() => buildMatcher([tool], { fuzzyThreshold: 0 }), "options.fuzzyThreshold");
    expectField(() => buildMatcher([tool], { fuzzyThreshold: 1.5 }), "options.fuzzyThreshold");
    expectField(() => buildMatcher([tool], { fuzzyThreshold: Number.NaN }), "options.fuzzyThreshold");
    expectField(() => buildMatcher([tool], { search: "all" as "scan" }), "options.search");
  });
});

describe("matchLines", () => {
  it("names the line field that is wrong", () => {
    expectField(() => matchLines(matcher, "x" as unknown as ExpenseLine[]), "lines");
    expectField(withLine({ line: 2 }), "lines[1].line");
    expectField(withLine({ line: 0 }), "lines[1].line");
    expectField(withLine({ line: 2.5 }), "lines[1].line");
    expectField(withLine({ date: "2026-02-29" }), "lines[1].date");
    expectField(withLine({ date: "01.03.2026" }), "lines[1].date");
    expectField(withLine({ description: null }), "lines[1].description");
    expectField(withLine({ amount: Number.POSITIVE_INFINITY }), "lines[1].amount");
    expectField(withLine({ amount: "12" }), "lines[1].amount");
    expectField(withLine({ amount: 1e12 }), "lines[1].amount");
    expectField(withLine({ currency: "eur" }), "lines[1].currency");
    expectField(withLine({ employee: 5 }), "lines[1].employee");
    expectField(withLine({ costCentre: false }), "lines[1].costCentre");
  });

  it("accepts a leap day and a refund", () => {
    expect(matchLines(matcher, [{ ...line, date: "2028-02-29", amount: -12 }]).matches).toHaveLength(1);
  });
});
