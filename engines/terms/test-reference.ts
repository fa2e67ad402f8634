// A deliberately naive reference for the tests, written without the engine's automaton, folding tables or offset
// maps: it tries every slice of the text between code-point boundaries, normalises the slice itself, and picks
// leftmost-longest spans by repeated search. Quadratic; only for short texts.
import type { TermDefinition, TermId, TermSpan } from "./types";

const isLetterOrDigit = (character: string) => /^[\p{L}\p{Nd}]$/u.test(character);

/** The reference's reading of "written entirely in capital letters and digits". */
export function referenceIsCaseSensitive(form: string): boolean {
  const characters = [...form.trim()];
  return characters.every((c) => /^[\p{Lu}\p{Nd}]$/u.test(c)) && characters.some((c) => /^\p{Lu}$/u.test(c));
}

/** Whitespace runs as one space, then every code point lower-cased on its own, final sigma as sigma. */
export function referenceFold(text: string): string {
  return Array.from(text.replace(/\s+/g, " "), (c) => (c === "ς" ? "σ" : c.toLowerCase().replace(/ς/g, "σ"))).join("");
}

interface Candidate {
  start: number;
  end: number;
  term: number;
  suffix: number;
  order: number;
  written: string;
}

/** All whole-word occurrences of every form (with its plural endings), before leftmost-longest selection. */
export function referenceOccurrences<Id extends TermId>(terms: readonly TermDefinition<Id>[], text: string) {
  const byInsensitive = new Map<string, Omit<Candidate, "start" | "end">[]>();
  const byExact = new Map<string, Omit<Candidate, "start" | "end">[]>();
  terms.forEach((term, index) => {
    const forms = [term.name, ...(term.acronym ? [term.acronym] : []), ...(term.synonyms ?? [])];
    forms.forEach((written, order) => {
      ["", "s", "es"].forEach((ending, suffix) => {
        const caseSensitive = referenceIsCaseSensitive(written);
        const key = caseSensitive ? written.trim() + ending : referenceFold(written.trim()) + ending;
        const map = caseSensitive ? byExact : byInsensitive;
        const list = map.get(key) ?? [];
        list.push({ term: index, suffix, order, written });
        map.set(key, list);
      });
    });
  });
  // Indices where a code point starts (never between the halves of a surrogate pair), plus the end.
  const boundaries: number[] = [];
  for (let i = 0; i <= text.length; i += 1) {
    const previous = text.charCodeAt(i - 1);
    const current = text.charCodeAt(i);
    const splitsPair = previous >= 0xd800 && previous <= 0xdbff && current >= 0xdc00 && current <= 0xdfff;
    if (!splitsPair) boundaries.push(i);
  }
  const characterBefore = (index: number) => [...text.slice(0, index)].at(-1) ?? "";
  const characterAt = (index: number) => [...text.slice(index)][0] ?? "";
  const found: Candidate[] = [];
  for (const start of boundaries) {
    if (isLetterOrDigit(characterBefore(start))) continue;
    for (const end of boundaries) {
      if (end <= start || isLetterOrDigit(characterAt(end))) continue;
      const slice = text.slice(start, end);
      for (const hit of [...(byExact.get(slice) ?? []), ...(byInsensitive.get(referenceFold(slice)) ?? [])]) {
        found.push({ start, end, ...hit });
      }
    }
  }
  return found;
}

/** The reference annotation: leftmost, then longest, then every term of that range in term order. */
export function referenceAnnotate<Id extends TermId>(
  terms: readonly TermDefinition<Id>[],
  text: string,
): TermSpan<Id>[] {
  const found = referenceOccurrences(terms, text);
  const spans: TermSpan<Id>[] = [];
  let cursor = 0;
  for (;;) {
    const remaining = found.filter((candidate) => candidate.start >= cursor);
    if (remaining.length === 0) return spans;
    const start = Math.min(...remaining.map((candidate) => candidate.start));
    const end = Math.max(...remaining.filter((c) => c.start === start).map((c) => c.end));
    const here = remaining.filter((c) => c.start === start && c.end === end);
    for (let term = 0; term < terms.length; term += 1) {
      const best = here.filter((c) => c.term === term).sort((a, b) => a.suffix - b.suffix || a.order - b.order)[0];
      if (best) spans.push({ start, end, termId: terms[term].id, form: best.written });
    }
    cursor = end;
  }
}
