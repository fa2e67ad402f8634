// Trigrams of compact strings (letters and digits, no spaces), padded as PostgreSQL's pg_trgm pads a word: two
// spaces in front and one behind, so "zoom" has "  z", " zo", "zoo", "oom", "om " — a string of n letters has
// n + 1 trigrams. They serve only to find catalog texts worth comparing (the similarity itself is Levenshtein's,
// similarity.ts): by the q-gram lemma, strings a few edits apart share most of their trigrams.

/**
 * The trigrams of a compact string as a set of distinct entries, one per position: a trigram that recurs is
 * numbered by its occurrence ("ana", "ana\u00001"), so that the intersection of two such sets is the number of
 * trigrams two strings share counted with multiplicity, which is what the q-gram lemma bounds.
 */
export function trigramsOf(compact: string): string[] {
  const padded = `  ${compact} `;
  const count = new Map<string, number>();
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const gram = padded.slice(i, i + 3);
    const seen = count.get(gram) ?? 0;
    count.set(gram, seen + 1);
    grams.push(seen === 0 ? gram : `${gram}\u0000${seen}`);
  }
  return grams;
}

/**
 * The q-gram lemma (Ukkonen 1992) for these padded trigrams: two strings at most `edits` edits apart, the longer
 * `longer` letters long, share at least longer + 1 − 3 · edits trigrams (with multiplicity). Each padded string
 * has length + 1 trigrams, the padding is the same on both sides, and one edit changes at most the 3 trigrams
 * that cover its position. Zero or less: the lemma rules nothing out.
 */
export function minCommonTrigrams(longer: number, edits: number): number {
  return longer + 1 - 3 * edits;
}
