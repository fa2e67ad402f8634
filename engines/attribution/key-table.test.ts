import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteKeyTable } from "./key-table";
import { encodeUtf8 } from "./utf8";

describe("ByteKeyTable", () => {
  it("numbers distinct keys 0, 1, 2 … in order of arrival, like a Map, through growth and collisions", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const table = new ByteKeyTable();
        const reference = new Map<string, number>();
        for (const key of keys) {
          // Embedded in a larger buffer, as a field is in a CSV chunk.
          const bytes = encodeUtf8(`«${key}»`);
          const id = table.idOf(bytes, 2, bytes.length - 2);
          if (!reference.has(key)) reference.set(key, reference.size);
          expect(id).toBe(reference.get(key));
        }
        expect(table.size).toBe(reference.size);
        for (const [key, id] of reference) expect(table.keyOf(id)).toBe(key);
      }),
      { numRuns: 50 },
    );
  });
});
