/** A tool of the Stack catalog, as the matcher sees it. */
export interface CatalogTool {
  /** Unique among the tools given to one matcher. */
  id: string;
  /** Product name as the vendor sells it, e.g. "Sprout Social", "Monday.com". */
  name: string;
  /** The company that bills for it, e.g. "Zoom Video Communications"; may be empty. */
  vendor: string;
  /** Other spellings a bank may print: product codes, former names, domains ("gsuite", "zoom.us"). */
  aliases?: string[];
}

/** One expense or card-statement line. */
export interface ExpenseLine {
  /** The line's number in its file (CSV line of the record); unique among the lines matched together. */
  line: number;
  /** "YYYY-MM-DD". */
  date: string;
  /** Merchant text as the bank printed it, e.g. "PAYPAL *CANVA 4029357733". */
  description: string;
  /** In currency units; negative for refunds. */
  amount: number;
  /** ISO 4217 code, upper case, e.g. "EUR". */
  currency: string;
  /** Cardholder or employee, when the export has one. */
  employee?: string;
  /** Cost centre or department, when the export has one. */
  costCentre?: string;
}

/** A bank description reduced to the words that name the merchant. */
export interface NormalisedMerchant {
  /** Tokens joined by single spaces: lower case, no diacritics, no processor prefix, references, phone numbers,
   * trailing place names, legal suffixes or billing words; "" when nothing is left. */
  key: string;
  tokens: string[];
  /** Domain names seen in the text, lower case ("zoom.us", "monday.com"). */
  domains: string[];
  /** The payment processor whose prefix was removed ("paypal", "square" …), or null. */
  processor: string | null;
  /** Every word of the text before anything was removed, lower case, distinct: the source of software signals. */
  words: string[];
}

/** Which catalog field a match came from. */
export type MatchField = "name" | "vendor" | "alias";

/**
 * How a line matched: `exact` — the whole normalised description equals the field; `contains` — the field's words
 * appear in it as a run (or joined, "sproutsocial"); `fuzzy` — the Levenshtein similarity (fastest-levenshtein) of a
 * run of its words to the field reached the threshold (typos), or its last words open the field, the last one cut
 * short (truncation).
 */
export type MatchMethod = "exact" | "contains" | "fuzzy";

/** What one normalised description matched in the catalog. */
export interface DescriptionMatch {
  toolId: string;
  /** 1 for exact; [0.9, 1) for contains, higher the more of the description the field explains; < 0.9 for fuzzy. */
  score: number;
  method: MatchMethod;
  field: MatchField;
  /** The catalog text that matched, as written in the catalog. */
  matchedText: string;
  /** The run of normalised description words that matched. */
  matchedSpan: string;
  /** Other tools that matched equally well (same text under another tool, e.g. a shared vendor), sorted by id. */
  alternatives: string[];
}

/** One expense line matched to a catalog tool. */
export interface Match extends DescriptionMatch {
  line: number;
  /** The normalised description the match was made on. */
  key: string;
}

/** Spend in one currency. */
export interface CurrencyTotal {
  currency: string;
  /** Sum of the lines' amounts, exact to 4 decimal places. */
  total: number;
  /** Estimated yearly spend: total × 365 / (span × n / (n − 1)) for n ≥ 2 lines dated over `span` days, i.e.
   * the total over the observed span plus one typical interval; the total itself for one line or one day. */
  annualised: number;
  lines: number;
}

/** Whether an unknown merchant looks like software, and why. */
export interface SoftwareSignals {
  isLikely: boolean;
  /** E.g. "known SaaS vendor: figma", "domain .io", "word: subscription", "processor: fastspring",
   * "recurring: 3 months", and negative ones "not software: coffee". */
  signals: string[];
}

/** Lines whose merchant is in no catalog tool, grouped by normalised merchant: a candidate shadow-IT tool. */
export interface UnknownGroup {
  /** The normalised merchant key shared by the lines ("" for lines with no merchant words left). */
  key: string;
  /** A readable name for the candidate: the key's words capitalised, or a domain seen in the lines. */
  label: string;
  /** Line numbers, ascending. */
  lines: number[];
  /** Up to 3 distinct raw descriptions, for people to recognise the merchant. */
  examples: string[];
  totals: CurrencyTotal[];
  firstDate: string;
  lastDate: string;
  /** Distinct calendar months with spend. */
  months: number;
  /** Spend in at least two distinct months. */
  isRecurring: boolean;
  /** Distinct employees, sorted. */
  employees: string[];
  software: SoftwareSignals;
}

export interface MatchStats {
  lines: number;
  matchedLines: number;
  unknownLines: number;
  /** Distinct normalised descriptions: the matcher ran once for each. */
  distinctKeys: number;
  byMethod: Record<MatchMethod, number>;
  unknownGroups: number;
  softwareLikeGroups: number;
}

export interface MatchResult {
  /** One per matched line, by line number. */
  matches: Match[];
  /** Sorted: software-like first, then by line count descending, then key. */
  unknown: UnknownGroup[];
  stats: MatchStats;
}

export interface MatcherOptions {
  /** Minimum Levenshtein similarity, 1 − edit distance / longer length (fastest-levenshtein), for a fuzzy match, in
   * (0, 1]; default 0.85: one edit from 7 letters on, two from 14, three from 20 (see examples.test.ts). */
  fuzzyThreshold?: number;
  /** `index` (default) finds fuzzy candidates through a prefix-filtered trigram index (q-gram lemma), then measures
   * them; `scan` measures every catalog text — the reference that the tests and the benchmark hold the index to. */
  search?: "index" | "scan";
}

export const DiscoveryDefaults = {
  fuzzyThreshold: 0.85,
  /** Fuzzy matching is tried for catalog texts of at least this many letters (shorter ones must match exactly). */
  fuzzyMinLength: 5,
  /** Longest run of description words compared with catalog texts. */
  maxSpanTokens: 6,
} as const;

/** A parse problem in an expense CSV, by line (1 = header) and column. */
export interface CsvError {
  line: number;
  /** The canonical column ("date", "description", "amount", "currency", "employee", "costCentre"),
   * "header" or "row". */
  field: string;
  message: string;
}

export interface ParseExpenseCsvOptions {
  /** Order of slash dates such as 03/04/2026: "DMY" (default) or "MDY". ISO and dotted dates are unambiguous. */
  dateOrder?: "DMY" | "MDY";
  /** Currency for lines when the file has no currency column (or the cell is empty). */
  defaultCurrency?: string;
}

export interface ParsedExpenses {
  lines: ExpenseLine[];
  errors: CsvError[];
  /** The delimiter detected from the header line. */
  delimiter: "," | ";" | "\t";
}
