// The similarity of a run of bank words to a catalog text is their Levenshtein similarity, the edit distance
// coming from the fastest-levenshtein library (Myers' bit-parallel algorithm): 1 − distance / longer length, so
// one edit in a name of 7 letters gives 0.857, in 10 letters 0.9. The trigram index (trigrams.ts) only finds the
// catalog texts worth measuring; it never scores them.
import { distance } from "fastest-levenshtein";

/** 1 − Levenshtein distance / the longer string's length, in [0, 1]; 1 for two empty strings. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/** The most edits two strings, the longer `longer` characters long, may differ by and still reach `threshold`:
 * the largest d with 1 − d / longer ≥ threshold, evaluated exactly as levenshteinSimilarity evaluates it, so that
 * the index's bounds and the verification agree to the last bit. */
export function maxEdits(longer: number, threshold: number): number {
  let edits = 0;
  while (edits < longer && 1 - (edits + 1) / longer >= threshold) edits += 1;
  return edits;
}
