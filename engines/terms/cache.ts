import { buildTermMatcher, type TermMatcher } from "./matcher";
import type { TermDefinition, TermId } from "./types";

/** Matchers kept per glossary (e.g. per workspace) and rebuilt only when that glossary's version changes. */
export interface MatcherCache<Id extends TermId> {
  /** The matcher of `key` at `version`; `loadTerms` is called (and the matcher built) only on a miss. */
  get(key: string, version: string | number, loadTerms: () => readonly TermDefinition<Id>[]): TermMatcher<Id>;
  /** How many matchers were built since the cache was created. */
  readonly builds: number;
  readonly size: number;
}

/** A cache of at most `maxEntries` glossaries' matchers; the least recently used one is dropped first. */
export function createMatcherCache<Id extends TermId = string>(maxEntries = 64): MatcherCache<Id> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be a positive integer");
  const entries = new Map<string, { version: string | number; matcher: TermMatcher<Id> }>();
  let builds = 0;
  return {
    get(key, version, loadTerms) {
      const entry = entries.get(key);
      entries.delete(key);
      if (entry !== undefined && entry.version === version) {
        entries.set(key, entry);
        return entry.matcher;
      }
      const matcher = buildTermMatcher(loadTerms());
      builds += 1;
      entries.set(key, { version, matcher });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return matcher;
    },
    get builds() {
      return builds;
    },
    get size() {
      return entries.size;
    },
  };
}
