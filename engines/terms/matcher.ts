import { type Automaton, buildAutomaton, NO_STATE, step } from "./automaton";
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
import type { PreparedForm, TermDefinition, TermId, TermMatcherStats, TermSpan } from "./types";

const SUFFIXES = ["", "s", "es"] as const;
const SPACE = 32;

/** A glossary compiled for annotation: build it once per glossary version and reuse it for every text. */
export interface TermMatcher<Id extends TermId = string> {
  readonly ids: readonly Id[];
  readonly forms: readonly PreparedForm[];
  readonly automaton: Automaton;
  readonly stats: TermMatcherStats;
}

/**
 * Compiles terms into a matcher. Throws TermsInputError (naming the field) on a missing or duplicate id, a missing
 * or empty name, or an empty acronym or synonym.
 */
export function buildTermMatcher<Id extends TermId>(terms: readonly TermDefinition<Id>[]): TermMatcher<Id> {
  const checked = parseTerms(terms);
  const forms = prepareForms(checked);
  const automaton = buildAutomaton(forms.map((form) => form.key));
  return {
    ids: terms.map((term) => term.id),
    forms,
    automaton,
    stats: { terms: terms.length, forms: forms.length, patterns: forms.length * 3, states: automaton.states },
  };
}

/**
 * Finds the glossary's terms in a text: whole words, leftmost-longest and non-overlapping, sorted by `start`.
 * When several terms match the same longest text (a clash: "SQL" in two contexts), each gets a span with that
 * same range, in the order the terms were given; each term reports the form that matched, preferring the one
 * without a plural ending, then name, acronym, synonyms in order.
 */
export function annotate<Id extends TermId>(matcher: TermMatcher<Id>, text: string): TermSpan<Id>[] {
  const candidates = findCandidates(matcher, text);
  return selectLeftmostLongest(matcher, candidates);
}

interface Candidates {
  start: number[];
  end: number[];
  pattern: number[];
}

function findCandidates(matcher: TermMatcher<TermId>, text: string): Candidates {
  const automaton = matcher.automaton;
  const { classOf, outputHead, dictionary, depth, patternNext, patternForm, patternSuffix } = automaton;
  const forms = matcher.forms;
  const found: Candidates = { start: [], end: [], pattern: [] };
  const length = text.length;
  // Folded index → original index of the character it came from; -1 for the second unit of a longer fold ("İ").
  const origin = new Int32Array(length * 2 + 1);
  let folded = 0;
  let state = 0;
  let index = 0;
  while (index < length) {
    const unit = text.charCodeAt(index);
    if (isWhitespaceUnit(unit)) {
      // A run of whitespace is read as one space (a form's spaces are written as one space too).
      let next = index + 1;
      while (next < length && isWhitespaceUnit(text.charCodeAt(next))) next += 1;
      origin[folded] = index;
      folded += 1;
      const cls = classOf[SPACE];
      state = cls === 0 ? 0 : step(automaton, state, cls);
      index = next;
      continue;
    }
    let groupEnd = index + 1;
    let single = -1;
    let several = "";
    if (unit >= 0xd800 && unit <= 0xdbff && groupEnd < length) {
      const low = text.charCodeAt(groupEnd);
      if (low >= 0xdc00 && low <= 0xdfff) {
        groupEnd += 1;
        several = foldCodePoint((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
      } else single = unit;
    } else {
      const foldedUnit = foldUnit(unit);
      if (foldedUnit === MULTI_UNIT_FOLD) several = foldCodePoint(unit);
      else single = foldedUnit;
    }
    if (single >= 0) {
      origin[folded] = index;
      folded += 1;
      const cls = classOf[single];
      state = cls === 0 ? 0 : step(automaton, state, cls);
    } else {
      for (let k = 0; k < several.length; k += 1) {
        origin[folded] = k === 0 ? index : -1;
        folded += 1;
        const cls = classOf[several.charCodeAt(k)];
        state = cls === 0 ? 0 : step(automaton, state, cls);
      }
    }
    index = groupEnd;
    let node = outputHead[state] !== NO_STATE ? state : dictionary[state];
    if (node === NO_STATE) continue;
    // A match must end at the end of a word: the next character is not a letter or digit.
    const after = codePointAt(text, groupEnd);
    if (after >= 0 && isWordCodePoint(after)) continue;
    for (; node !== NO_STATE; node = dictionary[node]) {
      const start = origin[folded - depth[node]];
      if (start < 0) continue;
      const before = codePointBefore(text, start);
      if (before >= 0 && isWordCodePoint(before)) continue;
      for (let pattern = outputHead[node]; pattern !== NO_STATE; pattern = patternNext[pattern]) {
        const form = forms[patternForm[pattern]];
        if (form.caseSensitive && !matchesAsWritten(text, start, groupEnd, form.collapsed, patternSuffix[pattern])) {
          continue;
        }
        found.start.push(start);
        found.end.push(groupEnd);
        found.pattern.push(pattern);
      }
    }
  }
  return found;
}

// A case-sensitive form has no whitespace (only capitals and digits), so the text must equal it exactly, followed
// by the plural ending in lower case as the rule writes it ("CMSs", "SLAs").
function matchesAsWritten(text: string, start: number, end: number, form: string, suffix: number): boolean {
  const ending = SUFFIXES[suffix];
  return end - start === form.length + ending.length && text.startsWith(form, start) && text.endsWith(ending, end);
}

function selectLeftmostLongest<Id extends TermId>(matcher: TermMatcher<Id>, found: Candidates): TermSpan<Id>[] {
  const { patternForm, patternSuffix } = matcher.automaton;
  const forms = matcher.forms;
  const order = Array.from({ length: found.start.length }, (_, i) => i);
  const rank = (candidate: number) => {
    const pattern = found.pattern[candidate];
    const form = forms[patternForm[pattern]];
    return [form.term, patternSuffix[pattern], form.order] as const;
  };
  order.sort((a, b) => {
    const byPlace = found.start[a] - found.start[b] || found.end[b] - found.end[a];
    if (byPlace !== 0) return byPlace;
    const [termA, suffixA, orderA] = rank(a);
    const [termB, suffixB, orderB] = rank(b);
    return termA - termB || suffixA - suffixB || orderA - orderB;
  });
  const spans: TermSpan<Id>[] = [];
  let cursor = 0;
  let i = 0;
  while (i < order.length) {
    const first = order[i];
    const start = found.start[first];
    if (start < cursor) {
      i += 1;
      continue;
    }
    const end = found.end[first];
    let lastTerm = -1;
    for (; i < order.length && found.start[order[i]] === start && found.end[order[i]] === end; i += 1) {
      const form = forms[patternForm[found.pattern[order[i]]]];
      if (form.term === lastTerm) continue;
      lastTerm = form.term;
      spans.push({ start, end, termId: matcher.ids[form.term], form: form.written });
    }
    cursor = end;
  }
  return spans;
}
