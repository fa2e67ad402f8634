import { normaliseMerchant } from "./normalise";
import { levenshteinSimilarity, maxEdits } from "./similarity";
import { minCommonTrigrams, trigramsOf } from "./trigrams";
import {
  type CatalogTool,
  type DescriptionMatch,
  DiscoveryDefaults,
  type MatcherOptions,
  type MatchField,
  type MatchMethod,
} from "./types";
import { validateOptions, validateTools } from "./validate";
import { COMMON_WORDS } from "./vocabulary";

const FIELD_RANK: Record<MatchField, number> = { name: 0, alias: 1, vendor: 2 };

/** One normalised catalog text (a tool's name, vendor or an alias). */
interface Phrase {
  tool: number;
  field: MatchField;
  text: string;
  tokens: string[];
  compact: string;
  /** One common word or ≤ 3 letters: matches only as the whole description, or as a domain in it. */
  isWeak: boolean;
  /** Ascending trigram ranks (with multiplicity, see trigramsOf); empty when the phrase takes no part in fuzzy
   * matching. */
  grams: Int32Array;
}

interface MatcherIndex {
  phrases: Phrase[];
  byCompact: Map<string, number[]>;
  byFirstToken: Map<string, number[]>;
  gramRank: Map<string, number>;
  /** Trigram rank → phrases having it in their prefix: their rarest |B| − α + 1 trigrams, where α is the fewest
   * trigrams the phrase shares with any text similar enough to it (q-gram lemma, see phraseBound). */
  prefixIndex: Map<number, number[]>;
  /** Fuzzy phrases for which the lemma guarantees no shared trigram at this threshold: always compared. */
  unfiltered: number[];
  /** Query length → the fewest trigrams it shares with any catalog text similar enough to it (≤ 0: the index
   * cannot help, every fuzzy phrase is compared); absent when no catalog text is within a typo of that length. */
  queryBound: Map<number, number>;
  fuzzyPhrases: number[];
}

/** Working memory of one matching pass: fuzzy candidates per run of words (runs recur across descriptions:
 * "canva" in "canva", "canva dublin" …) and marks that de-duplicate candidates while one run is searched. */
export interface SearchState {
  similar: Map<string, [number, number][]>;
  seen: Int32Array;
  stamp: number;
}

/** Fresh working memory for matching against this matcher. */
export function createSearchState(matcher: Matcher): SearchState {
  return { similar: new Map(), seen: new Int32Array(matcher.index.phrases.length), stamp: 0 };
}

/** A catalog prepared for matching: build once with buildMatcher, use for any number of lines. */
export interface Matcher {
  readonly tools: readonly CatalogTool[];
  readonly fuzzyThreshold: number;
  readonly search: "index" | "scan";
  /** Normalised catalog texts indexed by whole text, first word and trigram prefix. */
  readonly index: MatcherIndex;
}

/** Normalises every tool's name, vendor and aliases and indexes them by text, first word and trigrams (the
 * trigrams only find fuzzy candidates; fuzzyCandidates measures them with fastest-levenshtein). */
export function buildMatcher(tools: CatalogTool[], options: MatcherOptions = {}): Matcher {
  validateTools(tools);
  validateOptions(options);
  const fuzzyThreshold = options.fuzzyThreshold ?? DiscoveryDefaults.fuzzyThreshold;
  const search = options.search ?? "index";

  const phrases: Omit<Phrase, "grams">[] = [];
  tools.forEach((tool, toolIndex) => {
    const texts: [MatchField, string][] = [["name", tool.name]];
    for (const alias of tool.aliases ?? []) texts.push(["alias", alias]);
    if (tool.vendor.trim() !== "") texts.push(["vendor", tool.vendor]);
    const seen = new Set<string>();
    for (const [field, text] of texts) {
      const { tokens } = normaliseMerchant(text);
      const compact = tokens.join("");
      if (compact === "" || seen.has(compact)) continue;
      seen.add(compact);
      const isWeak = tokens.length === 1 && (COMMON_WORDS.has(compact) || compact.length <= 3);
      phrases.push({ tool: toolIndex, field, text, tokens, compact, isWeak });
    }
  });

  const isFuzzy = (phrase: Omit<Phrase, "grams">) =>
    !phrase.isWeak && phrase.compact.length >= DiscoveryDefaults.fuzzyMinLength;
  // Trigrams ranked rarest first (ties by text), the global order prefix filtering needs.
  const frequency = new Map<string, number>();
  const phraseGrams = phrases.map((phrase) => (isFuzzy(phrase) ? trigramsOf(phrase.compact) : []));
  for (const grams of phraseGrams) for (const gram of grams) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
  const ordered = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1));
  const gramRank = new Map(ordered.map((gram, rank) => [gram, rank]));

  const index: MatcherIndex = {
    phrases: [],
    byCompact: new Map(),
    byFirstToken: new Map(),
    gramRank,
    prefixIndex: new Map(),
    unfiltered: [],
    queryBound: new Map(),
    fuzzyPhrases: [],
  };
  const fuzzyLengths = new Set<number>();
  phrases.forEach((base, id) => {
    const grams = Int32Array.from(phraseGrams[id].map((gram) => gramRank.get(gram)!)).sort();
    index.phrases.push({ ...base, grams });
    push(index.byCompact, base.compact, id);
    if (base.tokens.length > 1) push(index.byFirstToken, base.tokens[0], id);
    if (grams.length === 0) return;
    index.fuzzyPhrases.push(id);
    fuzzyLengths.add(base.compact.length);
    const bound = phraseBound(base.compact.length, fuzzyThreshold);
    if (bound <= 0) {
      index.unfiltered.push(id);
      return;
    }
    const prefix = grams.length - bound + 1;
    for (let k = 0; k < prefix; k += 1) push(index.prefixIndex, grams[k], id);
  });
  // Every query length that is within a typo of some catalog text, with its bound over those texts.
  for (const length of fuzzyLengths) {
    const slack = maxLengthDifference(length);
    for (let query = Math.max(MIN_QUERY_LENGTH, length - slack); query <= length + slack; query += 1) {
      const bound = pairBound(query, length, fuzzyThreshold);
      const current = index.queryBound.get(query);
      if (current === undefined || bound < current) index.queryBound.set(query, bound);
    }
  }
  return { tools, fuzzyThreshold, search, index };
}

/** Queries shorter than this are not compared fuzzily (a window of 2 letters names nothing). */
const MIN_QUERY_LENGTH = 3;

/** The fewest trigrams two texts of these lengths share when their Levenshtein similarity reaches `threshold`. */
function pairBound(lengthA: number, lengthB: number, threshold: number): number {
  const longer = Math.max(lengthA, lengthB);
  return minCommonTrigrams(longer, maxEdits(longer, threshold));
}

/** The fewest trigrams a catalog text of this length shares with any query the length rule lets it match. */
function phraseBound(length: number, threshold: number): number {
  const slack = maxLengthDifference(length);
  let bound = Number.POSITIVE_INFINITY;
  for (let query = Math.max(MIN_QUERY_LENGTH, length - slack); query <= length + slack; query += 1) {
    bound = Math.min(bound, pairBound(query, length, threshold));
  }
  return bound;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Candidate {
  phrase: Phrase;
  score: number;
  method: MatchMethod;
  span: string;
}

/** The best candidate of one tool, and the score of its next best (which breaks ties between tools that match
 * equally well on a shared text, e.g. a vendor that sells several of the catalog's tools). */
interface ToolEvidence {
  best: Candidate;
  second: number;
}

/** Whether candidate a beats b for the same tool: higher score, then the longer catalog text, then name over
 * alias over vendor. */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.phrase.compact.length !== b.phrase.compact.length) return a.phrase.compact.length > b.phrase.compact.length;
  return FIELD_RANK[a.phrase.field] < FIELD_RANK[b.phrase.field];
}

/** Whether tool evidence a beats b: the better best candidate, then the better second score, then the smaller
 * tool id — a total order, so the result does not depend on the order of tools or lines. */
function compareEvidence(matcher: Matcher, a: ToolEvidence, b: ToolEvidence): number {
  if (a.best.score !== b.best.score) return a.best.score > b.best.score ? -1 : 1;
  if (a.second !== b.second) return a.second > b.second ? -1 : 1;
  if (isBetter(a.best, b.best)) return -1;
  if (isBetter(b.best, a.best)) return 1;
  const idA = matcher.tools[a.best.phrase.tool].id;
  const idB = matcher.tools[b.best.phrase.tool].id;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * Matches one normalised description (its tokens and the domains seen in it) against the catalog: the best tool,
 * or null when no catalog text matches exactly, as a run of words, or fuzzily above the threshold.
 */
export function matchTokens(
  matcher: Matcher,
  tokens: readonly string[],
  domains: readonly string[] = [],
  state: SearchState = createSearchState(matcher),
): DescriptionMatch | null {
  const n = tokens.length;
  if (n === 0) return null;
  const { index } = matcher;
  const lineLength = tokens.reduce((sum, token) => sum + token.length, 0);
  const domainLabels = new Set(domains.map((domain) => domain.split(".")[0].replace(/-/g, "")));
  const evidence = new Map<number, ToolEvidence>();
  const consider = (candidate: Candidate) => {
    const current = evidence.get(candidate.phrase.tool);
    if (!current) evidence.set(candidate.phrase.tool, { best: candidate, second: 0 });
    else if (isBetter(candidate, current.best)) {
      current.second = current.best.score;
      current.best = candidate;
    } else if (candidate.score > current.second) current.second = candidate.score;
  };

  const visit = (start: number, end: number, compact: string) => {
    const isWhole = start === 0 && end === n;
    const span = () => tokens.slice(start, end).join(" ");
    const coverage = compact.length / lineLength;
    for (const id of index.byCompact.get(compact) ?? []) {
      const phrase = index.phrases[id];
      if (isWhole) {
        consider({ phrase, score: 1, method: "exact", span: span() });
        continue;
      }
      // A common word or a short name among other words is not evidence ("PRET A MANGER MONDAY" is not
      // monday.com), unless the text carried it as a domain, or a short name opens the description.
      if (phrase.isWeak && !domainLabels.has(compact) && !(start === 0 && !COMMON_WORDS.has(compact))) continue;
      consider({ phrase, score: Math.min(0.999, 0.9 + 0.1 * coverage), method: "contains", span: span() });
    }
    // A dictionary word is itself, not a typo of a name ("CANVAS ART SUPPLIES" is not Canva).
    if (end - start === 1 && COMMON_WORDS.has(compact)) return;
    let similar = state.similar.get(compact);
    if (!similar) {
      similar = fuzzyCandidates(matcher, compact, state);
      state.similar.set(compact, similar);
    }
    for (const [id, similarity] of similar) {
      const phrase = index.phrases[id];
      if (phrase.compact === compact) continue;
      consider({
        phrase,
        score: Math.min(0.899, similarity * (0.75 + 0.25 * coverage)),
        method: "fuzzy",
        span: span(),
      });
    }
  };
  const maxSpan = DiscoveryDefaults.maxSpanTokens;
  for (let i = 0; i < n; i += 1) {
    let compact = "";
    for (let j = i + 1; j <= n && j - i <= maxSpan; j += 1) {
      compact += tokens[j - 1];
      visit(i, j, compact);
    }
  }
  // The whole description is always compared, however many words it has.
  if (n > maxSpan) visit(0, n, tokens.join(""));

  // Truncated descriptions ("HUBSPOT MARKETI", "ZOOM VIDEO COMM"): the last words open a longer catalog text,
  // the last one cut short after at least 3 letters.
  const last = tokens[n - 1];
  for (let i = 0; i + 1 < n && last.length >= 3; i += 1) {
    const words = n - i;
    for (const id of index.byFirstToken.get(tokens[i]) ?? []) {
      const phrase = index.phrases[id];
      if (phrase.tokens.length < words) continue;
      const cut = phrase.tokens[words - 1];
      if (cut === last || !cut.startsWith(last)) continue;
      let same = true;
      for (let k = 1; k < words - 1 && same; k += 1) same = phrase.tokens[k] === tokens[i + k];
      if (!same) continue;
      const matched = tokens.slice(i).join("");
      // The run is a prefix of the catalog text, so its Levenshtein similarity is its share of the text's letters.
      const similarity = levenshteinSimilarity(matched, phrase.compact);
      if (similarity < 0.5) continue;
      const coverage = matched.length / lineLength;
      consider({
        phrase,
        score: Math.min(0.899, 0.6 + 0.29 * similarity * coverage),
        method: "fuzzy",
        span: tokens.slice(i).join(" "),
      });
    }
  }

  let winner: ToolEvidence | null = null;
  for (const entry of evidence.values()) if (!winner || compareEvidence(matcher, entry, winner) < 0) winner = entry;
  if (!winner) return null;
  const alternatives: string[] = [];
  for (const entry of evidence.values()) {
    if (entry !== winner && entry.best.score === winner.best.score && entry.second === winner.second) {
      alternatives.push(matcher.tools[entry.best.phrase.tool].id);
    }
  }
  const { best } = winner;
  return {
    toolId: matcher.tools[best.phrase.tool].id,
    score: round(best.score),
    method: best.method,
    field: best.phrase.field,
    matchedText: best.phrase.text,
    matchedSpan: best.span,
    alternatives: alternatives.sort(),
  };
}

/** Catalog texts (by phrase id, ascending) whose Levenshtein similarity to `compact` (fastest-levenshtein, see
 * similarity.ts) reaches the threshold, with that similarity, and whose length is within a typo of it. The
 * trigram index only narrows the texts measured: by the q-gram lemma a text similar enough shares at least
 * `queryBound` trigrams with `compact`, so one of them is among the rarest few of each (prefix filtering). */
export function fuzzyCandidates(
  matcher: Matcher,
  compact: string,
  state: SearchState = createSearchState(matcher),
): [number, number][] {
  if (compact.length < MIN_QUERY_LENGTH) return [];
  const { index, fuzzyThreshold: threshold } = matcher;
  const bound = index.queryBound.get(compact.length);
  if (bound === undefined) return [];
  const found: [number, number][] = [];
  const verify = (id: number) => {
    const phrase = index.phrases[id];
    if (Math.abs(phrase.compact.length - compact.length) > maxLengthDifference(phrase.compact.length)) return;
    const similarity = levenshteinSimilarity(compact, phrase.compact);
    if (similarity >= threshold) found.push([id, similarity]);
  };
  if (matcher.search === "scan" || bound <= 0) {
    for (const id of index.fuzzyPhrases) verify(id);
    return found;
  }
  const known: number[] = [];
  for (const gram of trigramsOf(compact)) {
    const rank = index.gramRank.get(gram);
    if (rank !== undefined) known.push(rank);
  }
  if (known.length < bound) return [];
  const ranks = Int32Array.from(known).sort();
  // Trigrams no catalog text has rank before every known one (frequency 0): they fill the query's prefix first,
  // so of its |A| − bound + 1 rarest trigrams, known.length − bound + 1 are known.
  const prefix = ranks.length - bound + 1;
  const { seen } = state;
  state.stamp = state.stamp === 0x7fffffff ? 1 : state.stamp + 1;
  if (state.stamp === 1) seen.fill(0);
  const stamp = state.stamp;
  const mark = (id: number) => {
    if (seen[id] === stamp) return;
    seen[id] = stamp;
    verify(id);
  };
  for (let k = 0; k < prefix; k += 1) {
    const posting = index.prefixIndex.get(ranks[k]);
    if (posting) for (const id of posting) mark(id);
  }
  for (const id of index.unfiltered) mark(id);
  // The scan's order, so that equally good candidates are considered in the same order either way.
  return found.sort((a, b) => a[0] - b[0]);
}

/** Fuzzy matching is for typos: a letter dropped, doubled or changed per ten. A longer difference is another name
 * ("misiommo" is not "Misiom", "tersiflo" not "Trotersiflo"); cut-off text is the truncation rule's job. */
function maxLengthDifference(length: number): number {
  return 1 + Math.floor(length / 10);
}

/** Matches merchant text as a bank printed it; see matchTokens. */
export function matchDescription(matcher: Matcher, description: string): DescriptionMatch | null {
  const { tokens, domains } = normaliseMerchant(description);
  return matchTokens(matcher, tokens, domains);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
