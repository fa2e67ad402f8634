import { describe, expect, it } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  it("forgets the least recently used entries beyond its budget", () => {
    const cache = new LruCache<string>(10, 60_000, (value) => value.length);
    cache.set("a", "aaaa", 0);
    cache.set("b", "bbbb", 0);
    expect(cache.get("a", 1)).toBe("aaaa"); // a is now more recent than b
    cache.set("c", "cccc", 2);
    expect(cache.get("b", 3)).toBeUndefined();
    expect(cache.get("a", 3)).toBe("aaaa");
    expect(cache.get("c", 3)).toBe("cccc");
    expect(cache.usage).toBe(8);
  });

  it("never keeps an entry larger than the whole budget", () => {
    const cache = new LruCache<string>(3, 60_000, (value) => value.length);
    cache.set("a", "ab", 0);
    cache.set("big", "abcd", 0);
    expect(cache.get("big", 0)).toBeUndefined();
    expect(cache.get("a", 0)).toBe("ab");
  });

  it("expires entries after their time to live and accounts for replaced values", () => {
    const cache = new LruCache<string>(100, 1_000, (value) => value.length);
    cache.set("a", "aaaa", 0);
    cache.set("a", "aa", 10);
    expect(cache.usage).toBe(2);
    expect(cache.get("a", 1_010)).toBe("aa");
    expect(cache.get("a", 1_011)).toBeUndefined();
    expect(cache.usage).toBe(0);
    expect(cache.count).toBe(0);
  });
});
