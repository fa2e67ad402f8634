import { describe, expect, it } from "vitest";
import { annotate, createMatcherCache } from ".";

describe("createMatcherCache", () => {
  it("builds a glossary's matcher once per version and rebuilds when the version changes", () => {
    const cache = createMatcherCache(4);
    let loads = 0;
    const load = (name: string) => () => {
      loads += 1;
      return [{ id: "t", name }];
    };
    const first = cache.get("workspace-1", 1, load("CMS"));
    expect(cache.get("workspace-1", 1, load("ignored"))).toBe(first);
    expect(loads).toBe(1);
    const second = cache.get("workspace-1", 2, load("DAM"));
    expect(second).not.toBe(first);
    expect(annotate(second, "CMS DAM").map((span) => span.form)).toEqual(["DAM"]);
    expect(cache.builds).toBe(2);
    expect(cache.size).toBe(1);
  });

  it("drops the least recently used glossary beyond its size", () => {
    const cache = createMatcherCache(2);
    const terms = () => [{ id: "t", name: "CMS" }];
    const a = cache.get("a", 1, terms);
    cache.get("b", 1, terms);
    expect(cache.get("a", 1, terms)).toBe(a);
    cache.get("c", 1, terms);
    expect(cache.size).toBe(2);
    expect(cache.get("a", 1, terms)).toBe(a);
    cache.get("b", 1, terms);
    expect(cache.builds).toBe(4);
  });
});
