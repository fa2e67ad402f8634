import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotate, buildTermMatcher, formKey, type TermDefinition, type TermSpan } from ".";
import { referenceAnnotate, referenceFold, referenceIsCaseSensitive, referenceOccurrences } from "./test-reference";

// Letters chosen to trip the rules: case pairs, "İ" (lower-cases to two code units), sigma and final sigma,
// astral letters (surrogate pairs, one with a case pair), CJK, a digit, and the plural letters themselves.
const letter = fc.constantFrom(
  "a",
  "b",
  "A",
  "B",
  "é",
  "É",
  "İ",
  "i",
  "Σ",
  "σ",
  "ς",
  "中",
  "𝐀",
  "𐐀",
  "𐐨",
  "1",
  "s",
  "e",
);
const word = fc.array(letter, { minLength: 1, maxLength: 3 }).map((letters) => letters.join(""));
const form = fc.oneof(
  word,
  word.map((w) => w.toUpperCase()),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a}/${b}`.toUpperCase()),
  // Written with stray whitespace: trimmed, and its inner run read as one space.
  fc.tuple(word, word).map(([a, b]) => ` ${a} \n ${b}\t`),
);
const termsArbitrary = fc
  .array(
    fc.record({
      name: form,
      acronym: fc.option(form, { nil: undefined }),
      synonyms: fc.array(form, { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((terms): TermDefinition[] => terms.map((term, i) => ({ id: `t${i}`, ...term })));
const separator = fc.constantFrom(" ", "  ", "\n", "\t ", ", ", "-", "😀", "", "é", "\u00a0");
const recase = fc.constantFrom<(text: string) => string>(
  (t) => t,
  (t) => t.toUpperCase(),
  (t) => t.toLowerCase(),
);
const ending = fc.constantFrom("", "", "s", "es", "S", "x");

/** A text made of the terms' forms (recased, with endings), random words and separators. */
function textFor(terms: TermDefinition[]) {
  const forms = terms.flatMap((t) => [t.name, ...(t.acronym ? [t.acronym] : []), ...(t.synonyms ?? [])]);
  const piece = fc.oneof(
    fc.tuple(fc.constantFrom(...forms), recase, ending).map(([f, change, end]) => change(f) + end),
    word,
  );
  return fc
    .array(fc.tuple(piece, separator), { maxLength: 12 })
    .map((pieces) => pieces.map(([p, s]) => p + s).join(""));
}
const scenario = termsArbitrary.chain((terms) => fc.tuple(fc.constant(terms), textFor(terms)));

function assertSortedAndDisjoint(spans: TermSpan[]) {
  for (let i = 1; i < spans.length; i += 1) {
    const [previous, span] = [spans[i - 1], spans[i]];
    const sameRange = previous.start === span.start && previous.end === span.end;
    // One range may carry several terms (a clash), never the same term twice; distinct ranges never overlap.
    if (sameRange) expect(previous.termId).not.toBe(span.termId);
    else expect(span.start).toBeGreaterThanOrEqual(previous.end);
  }
}

describe("term recognition properties", () => {
  it("equals the naive reference on random glossaries and texts", () => {
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        expect(annotate(buildTermMatcher(terms), text)).toEqual(referenceAnnotate(terms, text));
      }),
      { numRuns: 400 },
    );
  });

  it("reports every span as a whole-word occurrence of one of its term's forms", () => {
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        const occurrences = referenceOccurrences(terms, text);
        for (const span of annotate(buildTermMatcher(terms), text)) {
          const term = terms.find((t) => t.id === span.termId);
          expect(term).toBeDefined();
          expect([term?.name, term?.acronym, ...(term?.synonyms ?? [])]).toContain(span.form);
          const slice = text.slice(span.start, span.end);
          const written = span.form.trim();
          const matches = ["", "s", "es"].some((end) =>
            referenceIsCaseSensitive(written)
              ? slice === written + end
              : referenceFold(slice) === referenceFold(written) + end,
          );
          expect(matches).toBe(true);
          expect(occurrences.some((o) => o.start === span.start && o.end === span.end)).toBe(true);
          expect(/[\p{L}\p{Nd}]$/u.test(text.slice(0, span.start))).toBe(false);
          expect(/^[\p{L}\p{Nd}]/u.test(text.slice(span.end))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns spans sorted by start that never overlap", () => {
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        assertSortedAndDisjoint(annotate(buildTermMatcher(terms), text));
      }),
      { numRuns: 300 },
    );
  });

  it("never loses a span when an unrelated term (words from other letters) is added", () => {
    const otherWord = fc
      .array(fc.constantFrom("x", "y", "z", "ж", "Ж", "ü"), { minLength: 1, maxLength: 4 })
      .map((l) => l.join(""));
    const otherForm = fc.oneof(
      otherWord,
      fc.tuple(otherWord, otherWord).map(([a, b]) => `${a} ${b}`),
    );
    const withOther = termsArbitrary.chain((terms) =>
      fc.tuple(
        fc.constant(terms),
        otherForm,
        fc.array(fc.tuple(fc.oneof(textFor(terms), otherForm), separator), { maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(withOther, ([terms, other, pieces]) => {
        const text = pieces.map(([p, s]) => p + s).join("");
        const before = annotate(buildTermMatcher(terms), text);
        const after = annotate(buildTermMatcher([...terms, { id: "other", name: other }]), text);
        for (const span of before) expect(after).toContainEqual(span);
      }),
      { numRuns: 300 },
    );
  });

  it("never loses a span of a longer form when a one-word term is added", () => {
    const withWord = scenario.chain(([terms, text]) => fc.tuple(fc.constant(terms), fc.constant(text), word));
    fc.assert(
      fc.property(withWord, ([terms, text, added]) => {
        const before = annotate(buildTermMatcher(terms), text);
        const after = annotate(buildTermMatcher([...terms, { id: "added", name: added }]), text);
        // A match of the added word is at most its folded length plus "es" long.
        const longest = formKey(added).length + 2;
        for (const span of before.filter((s) => s.end - s.start > longest)) expect(after).toContainEqual(span);
      }),
      { numRuns: 300 },
    );
  });
});
