import { describe, expect, it } from "vitest";
import type { AnnotatedSpan, TermCard } from "#contracts/glossary";
import { chooseMeaning, chosenFor, clashChoicesOf, formKeyOf, meaningOfSpan, meaningsStillMeant } from "./meanings";

const card = (id: string, name: string, acronym: string | null = null): TermCard => ({
  id,
  name,
  acronym,
  context: "",
  status: "approved",
  canonicalDefinition: "",
  definitions: {},
  clashing: true,
});

const cards = new Map(
  [
    card("content", "Content management system", "CMS"),
    card("config", "Configuration management system", "CMS"),
    card("lead", "Sales qualified lead", "SQL"),
    card("query", "Structured query language", "SQL"),
    card("api", "Application programming interface", "API"),
  ].map((term) => [term.id, term]),
);

const span = (start: number, termId: string, form: string, alternatives: string[] = []): AnnotatedSpan => ({
  start,
  end: start + form.length,
  termId,
  form,
  clashing: alternatives.length > 0,
  alternativeTermIds: alternatives,
});

describe("clashChoicesOf", () => {
  it("asks once per form with several meanings, in text order, naming every term; plain terms are not asked", () => {
    const choices = clashChoicesOf(
      [
        span(0, "query", "SQL", ["lead"]),
        span(10, "api", "API"),
        span(20, "content", "CMS", ["config"]),
        span(30, "lead", "SQL", ["query"]),
      ],
      cards,
    );
    expect(choices.map((choice) => [choice.key, choice.terms.map((term) => term.id)])).toEqual([
      ["sql", ["query", "lead"]],
      ["cms", ["content", "config"]],
    ]);
  });

  it("skips a form whose other meanings have no card", () => {
    expect(clashChoicesOf([span(0, "content", "CMS", ["gone"])], cards)).toEqual([]);
  });
});

describe("choosing a meaning", () => {
  const [cms] = clashChoicesOf([span(0, "content", "CMS", ["config"])], cards);

  it("keeps one meaning per form, replaces it on a new choice and removes it on 'not sure'", () => {
    const first = chooseMeaning([], cms, "config");
    expect(first).toEqual([{ form: "CMS", termId: "config" }]);
    expect(chosenFor(first, cms)).toBe("config");
    const second = chooseMeaning(
      [
        { form: " cms", termId: "config" },
        { form: "SQL", termId: "lead" },
      ],
      cms,
      "content",
    );
    expect(second).toEqual([
      { form: "SQL", termId: "lead" },
      { form: "CMS", termId: "content" },
    ]);
    expect(chooseMeaning(second, cms, "")).toEqual([{ form: "SQL", termId: "lead" }]);
    expect(chosenFor([], cms)).toBe("");
  });

  it("drops meanings whose form left the text or whose term is no longer one of its meanings", () => {
    const meanings = [
      { form: "CMS", termId: "content" },
      { form: "SQL", termId: "lead" },
      { form: "cms", termId: "api" },
    ];
    expect(meaningsStillMeant(meanings, [cms])).toEqual([{ form: "CMS", termId: "content" }]);
  });

  it("finds the meaning intended for a span among its terms, never for a span with one meaning", () => {
    const meanings = [{ termId: "config" }];
    expect(meaningOfSpan(meanings, span(0, "content", "CMS", ["config"]))).toBe("config");
    expect(meaningOfSpan(meanings, span(0, "api", "API"))).toBeUndefined();
    expect(meaningOfSpan(undefined, span(0, "content", "CMS", ["config"]))).toBeUndefined();
  });

  it("reads forms as the recogniser does", () => {
    expect(formKeyOf("  Customer \n data  platform ")).toBe("customer data platform");
  });
});
