/** An id the caller gives a term: a string (the app's UUIDs) or a number. */
export type TermId = string | number;

/** One glossary term as the engine sees it: its forms are the name, the acronym and the synonyms. */
export interface TermDefinition<Id extends TermId = string> {
  id: Id;
  name: string;
  acronym?: string | null;
  synonyms?: readonly string[] | null;
}

/** One recognised occurrence: `start`/`end` are UTF-16 indices into the original text, `end` exclusive. */
export interface TermSpan<Id extends TermId = string> {
  start: number;
  end: number;
  termId: Id;
  /** The term's form that matched, exactly as the term wrote it (the name, the acronym or a synonym). */
  form: string;
}

/** What one form of one term became once prepared for matching. */
export interface PreparedForm {
  /** Position of the term in the input list. */
  term: number;
  /** The form as written in the term (not trimmed). */
  written: string;
  /** 0 for the name, then the acronym (if any), then the synonyms in order. */
  order: number;
  /** Trimmed, every run of whitespace written as one space. */
  collapsed: string;
  /** The folded (lower-cased) key the automaton matches. */
  key: string;
  /** Written entirely in capital letters and digits: matched as written. */
  caseSensitive: boolean;
}

/** Sizes of a built matcher, for logs and benchmarks. */
export interface TermMatcherStats {
  terms: number;
  forms: number;
  /** Forms plus their `s` and `es` variants. */
  patterns: number;
  /** States of the automaton. */
  states: number;
}
