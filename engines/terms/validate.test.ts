import { describe, expect, it } from "vitest";
import { buildTermMatcher, parseTerms, TermsInputError } from ".";

function reasonFor(raw: unknown): string {
  try {
    parseTerms(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(TermsInputError);
    return (error as Error).message;
  }
  throw new Error("parseTerms accepted bad terms");
}

describe("parseTerms", () => {
  it("accepts ids as strings or numbers, optional or null acronyms and synonyms, and ignores other fields", () => {
    const terms = parseTerms([
      { id: "a", name: "CMS", acronym: null, synonyms: null, definition: "…" },
      { id: 2, name: "lead", acronym: "L", synonyms: ["prospect"] },
    ]);
    expect(terms).toEqual([
      { id: "a", name: "CMS", acronym: null, synonyms: null },
      { id: 2, name: "lead", acronym: "L", synonyms: ["prospect"] },
    ]);
  });

  it("names what is wrong", () => {
    expect(reasonFor({ id: "a", name: "x" })).toBe("terms must be an array of terms");
    expect(reasonFor(["CMS"])).toMatch(/^terms\[0\] must be an object/);
    expect(reasonFor([{ name: "CMS" }])).toBe("terms[0].id is missing");
    expect(reasonFor([{ id: "", name: "CMS" }])).toBe("terms[0].id must be a non-empty string or a number");
    expect(reasonFor([{ id: true, name: "CMS" }])).toBe("terms[0].id must be a non-empty string or a number");
    expect(reasonFor([{ id: "a" }])).toBe("terms[0].name is missing");
    expect(reasonFor([{ id: "a", name: "  " }])).toBe("terms[0].name is an empty form");
    expect(reasonFor([{ id: "a", name: "x", acronym: "" }])).toBe("terms[0].acronym is an empty form");
    expect(reasonFor([{ id: "a", name: "x", synonyms: ["y", "\n"] }])).toBe("terms[0].synonyms[1] is an empty form");
    expect(reasonFor([{ id: "a", name: "x", synonyms: "y" }])).toBe("terms[0].synonyms must be an array of strings");
    expect(reasonFor([{ id: "a", name: 3 }])).toBe("terms[0].name must be a string");
    expect(
      reasonFor([
        { id: "a", name: "x" },
        { id: "b", name: "y" },
        { id: "a", name: "z" },
      ]),
    ).toBe('terms[2].id duplicates the id of terms[0] ("a")');
  });

  it("is applied by buildTermMatcher too", () => {
    expect(() => buildTermMatcher([{ id: "a", name: "" }])).toThrow("terms[0].name is an empty form");
  });
});
