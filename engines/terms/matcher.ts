import {
  codePointAt,
  codePointBefore,
  foldCodePoint,
  foldUnit,
  isWhitespaceUnit,
  isWordCodePoint,
  MULTI_UNIT_FOLD,
} from "./fold";
import { parseTerms, prepareForms } from "./forms";
import { buildTrie, childOf, ENDS_ANY_CASE, FIRST_PATTERN, NO_STATE, type Trie } from "./trie";
import type { PreparedForm, TermDefinition, TermId, TermMatcherStats, TermSpan } from "./types";

const SUFFIXES = ["", "s", "es"] as const;
const SPACE = 32;

/** A glossary compiled for annotation: build it once per glossary version and reuse it for every text. */
export interface TermMatcher<Id extends TermId = string> {
  readonly ids: readonly Id[];
  readonly forms: readonly PreparedForm[];
  readonly trie: Trie;
  readonly stats: TermMatcherStats;
}

/**
 * Compiles terms into a matcher. Throws TermsInputError (naming the field) on a missing or duplicate id, a missing
 * or empty name, or an empty acronym or synonym.
 */
export function buildTermMatcher<Id extends TermId>(terms: readonly TermDefinition<Id>[]): TermMatcher<Id> {
  const checked = parseTerms(terms);
  const forms = prepareForms(checked);
  const trie = buildTrie(
    forms.map((form) => form.key),
    forms.map((form) => !form.caseSensitive),
  );
  return {
    ids: terms.map((term) => term.id),
    forms,
    trie,
    stats: { terms: terms.length, forms: forms.length, patterns: forms.length * 3, states: trie.states },
  };
}

/**
 * Finds the glossary's terms in a text: whole words, leftmost-longest and non-overlapping, sorted by `start`.
 * When several terms match the same longest text (a clash: "SQL" in two contexts), each gets a span with that
 * same range, in the order the terms were given; each term reports the form that matched, preferring the one
 * without a plural ending, then name, acronym, synonyms in order.
 */
export function annotate<Id extends TermId>(matcher: TermMatcher<Id>, text: string): TermSpan<Id>[] {
  const spans: TermSpan<Id>[] = [];
  const length = text.length;
  let index = 0;
  let previousIsWord = false;
  while (index < length) {
    if (!previousIsWord && !isWhitespaceUnit(text.charCodeAt(index))) {
      const end = matchAt(matcher, text, index, spans);
      if (end > index) {
        // The scan continues after the match; the next match needs a non-word character before it.
        index = end;
        previousIsWord = isWordCodePoint(codePointBefore(text, end));
        continue;
      }
    }
    const codePoint = codePointAt(text, index);
    previousIsWord = isWordCodePoint(codePoint);
    index += codePoint > 0xffff ? 2 : 1;
  }
  return spans;
}

/**
 * Walks the trie from a word start and, if some form ends there at a word end, adds the spans of the longest such
 * match (one per term) and returns its end; returns -1 when no form matches at `start`.
 */
function matchAt<Id extends TermId>(matcher: TermMatcher<Id>, text: string, start: number, spans: TermSpan<Id>[]) {
  const trie = matcher.trie;
  const length = text.length;
  let state = 0;
  let index = start;
  let bestEnd = -1;
  let bestState = NO_STATE;
  while (index < length) {
    const unit = text.charCodeAt(index);
    if (isWhitespaceUnit(unit)) {
      // A run of whitespace is read as one space, as a form's spaces are; no form ends with one.
      state = childOf(trie, state, SPACE);
      if (state === NO_STATE) break;
      index += 1;
      while (index < length && isWhitespaceUnit(text.charCodeAt(index))) index += 1;
      continue;
    }
    let groupEnd = index + 1;
    let several = "";
    if (unit >= 0xd800 && unit <= 0xdbff && groupEnd < length) {
      const low = text.charCodeAt(groupEnd);
      if (low >= 0xdc00 && low <= 0xdfff) {
        groupEnd += 1;
        several = foldCodePoint((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
      }
    }
    if (groupEnd === index + 1) {
      const folded = foldUnit(unit);
      if (folded === MULTI_UNIT_FOLD) several = foldCodePoint(unit);
      else state = childOf(trie, state, folded);
    }
    // A character that folds to several code units ("İ", astral letters) is matched whole or not at all.
    for (let k = 0; k < several.length && state !== NO_STATE; k += 1)
      state = childOf(trie, state, several.charCodeAt(k));
    if (state === NO_STATE) break;
    index = groupEnd;
    if (trie.nodes[state + FIRST_PATTERN] === NO_STATE) continue;
    const after = codePointAt(text, index);
    if (after >= 0 && isWordCodePoint(after)) continue;
    if (hasMatchingPattern(matcher, text, start, index, state)) {
      bestEnd = index;
      bestState = state;
    }
  }
  if (bestEnd < 0) return -1;
  addSpans(matcher, text, start, bestEnd, bestState, spans);
  return bestEnd;
}

function hasMatchingPattern(matcher: TermMatcher<TermId>, text: string, start: number, end: number, state: number) {
  const { nodes, patternNext } = matcher.trie;
  if (nodes[state + ENDS_ANY_CASE] === 1) return true;
  for (let pattern = nodes[state + FIRST_PATTERN]; pattern !== NO_STATE; pattern = patternNext[pattern]) {
    if (patternMatches(matcher, text, start, end, pattern)) return true;
  }
  return false;
}

function patternMatches(matcher: TermMatcher<TermId>, text: string, start: number, end: number, pattern: number) {
  const form = matcher.forms[matcher.trie.patternForm[pattern]];
  return !form.caseSensitive || matchesAsWritten(text, start, end, form.collapsed, matcher.trie.patternSuffix[pattern]);
}

// Patterns at a state are in form order, hence grouped by term: each term gets one span, with its form that has
// no (or the shorter) plural ending, then the first of name, acronym, synonyms.
function addSpans<Id extends TermId>(
  matcher: TermMatcher<Id>,
  text: string,
  start: number,
  end: number,
  state: number,
  spans: TermSpan<Id>[],
) {
  const { nodes, patternNext, patternForm, patternSuffix } = matcher.trie;
  let chosen: PreparedForm | null = null;
  let chosenSuffix = 0;
  for (let pattern = nodes[state + FIRST_PATTERN]; pattern !== NO_STATE; pattern = patternNext[pattern]) {
    if (!patternMatches(matcher, text, start, end, pattern)) continue;
    const form = matcher.forms[patternForm[pattern]];
    const suffix = patternSuffix[pattern];
    if (chosen !== null && chosen.term !== form.term) {
      spans.push({ start, end, termId: matcher.ids[chosen.term], form: chosen.written });
      chosen = null;
    }
    if (chosen === null || suffix < chosenSuffix || (suffix === chosenSuffix && form.order < chosen.order)) {
      chosen = form;
      chosenSuffix = suffix;
    }
  }
  if (chosen !== null) spans.push({ start, end, termId: matcher.ids[chosen.term], form: chosen.written });
}

// A case-sensitive form has no whitespace (only capitals and digits), so the text must equal it exactly, followed
// by the plural ending in lower case as the rule writes it ("CMSs", "SLAs").
function matchesAsWritten(text: string, start: number, end: number, form: string, suffix: number): boolean {
  const ending = SUFFIXES[suffix];
  return end - start === form.length + ending.length && text.startsWith(form, start) && text.endsWith(ending, end);
}
