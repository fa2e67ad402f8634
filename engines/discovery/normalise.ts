import type { NormalisedMerchant } from "./types";
import {
  BILLING_WORDS,
  LEADING_PROCESSOR_WORDS,
  LEGAL_SUFFIXES,
  PLACE_PHRASES,
  PLACE_WORDS,
  PROCESSOR_PREFIXES,
  REWRITES,
  SECOND_LEVEL_LABELS,
  SOFTWARE_BILLING_WORDS,
  TOP_LEVEL_DOMAINS,
} from "./vocabulary";

const DIACRITICS = /[\u0300-\u036f]/g;
const STAR_SEGMENT = /^\s*([^*]{1,24}?)\s*\*+\s*/;
const DOMAIN = /(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}/g;
const DOTTED_ABBREVIATION = /(?<![a-z0-9])[a-z](?:\.[a-z])+\.?(?![a-z0-9])/g;
// Runs of digits with separators: phone numbers, dates, long references; removed when they hold 7+ digits.
const DIGIT_RUN = /(?<![a-z0-9])\+?\d[\d\s\-()./]{5,}\d(?![a-z0-9])/g;
const APOSTROPHES = /['’`]/g;
const SEPARATORS = /[^a-z0-9]+/;
const TRAILING_DIGITS = /\d{4,}$/;
// Bank boilerplate around the merchant: "RECURRING PAYMENT AUTHORIZED ON 03/01 NETFLIX.COM", "PURCHASE AT …".
const LEADING_WORDS: ReadonlySet<string> = new Set(["on", "at", "to", "from", "for", "via"]);
const CUT_BILLING_WORDS = [...SOFTWARE_BILLING_WORDS].filter((word) => word.length >= 6);
const CUT_LONG_WORDS = [...LEGAL_SUFFIXES, ...PLACE_WORDS].filter((word) => word.length >= 6);

/** Reduces merchant text as banks print it to the words that name the merchant; see NormalisedMerchant. */
export function normaliseMerchant(text: string): NormalisedMerchant {
  let rest = text.normalize("NFKD").replace(DIACRITICS, "").toLowerCase();
  let processor: string | null = null;
  let processorWord: string | null = null;
  for (let round = 0; round < 2; round += 1) {
    const star = STAR_SEGMENT.exec(rest);
    const segment = star ? star[1].replace(/[^a-z0-9]/g, "") : "";
    const name = PROCESSOR_PREFIXES.get(segment);
    if (!star || name === undefined) break;
    processor = name;
    processorWord = segment;
    rest = rest.slice(star[0].length);
  }
  if (processor === null) {
    const first = /^\s*([a-z0-9]+)\s+(?=\S)/.exec(rest);
    if (first && LEADING_PROCESSOR_WORDS.has(first[1])) {
      processor = PROCESSOR_PREFIXES.get(first[1]) ?? first[1];
      processorWord = first[1];
      rest = rest.slice(first[0].length);
    }
  }

  const domains: string[] = [];
  const domainLabels = new Set<string>();
  rest = rest.replace(DOMAIN, (match) => {
    const labels = match.split(".");
    const tld = labels[labels.length - 1];
    if (!TOP_LEVEL_DOMAINS.has(tld)) return match.replace(/\./g, " ");
    let end = labels.length - 1;
    if (end >= 2 && SECOND_LEVEL_LABELS.has(labels[end - 1])) end -= 1;
    const label = labels[end - 1].replace(/-/g, "");
    if (label === "" || /^\d+$/.test(label)) return " ";
    domains.push(labels.slice(end - 1).join("."));
    domainLabels.add(label);
    return ` ${label} `;
  });
  rest = rest
    .replace(DOTTED_ABBREVIATION, (match) => match.replace(/\./g, ""))
    .replace(DIGIT_RUN, (match) => (countDigits(match) >= 7 ? " " : match))
    .replace(APOSTROPHES, "");

  const words: string[] = [];
  let tokens: string[] = [];
  for (const raw of rest.split(SEPARATORS)) {
    if (raw === "") continue;
    words.push(raw);
    const token = cleanToken(raw);
    if (token !== null) tokens.push(token);
  }
  tokens = applyRewrites(tokens);
  tokens = tokens.filter((token) => domainLabels.has(token) || !BILLING_WORDS.has(token));
  while (tokens.length > 1 && LEADING_WORDS.has(tokens[0]) && !domainLabels.has(tokens[0])) tokens.shift();
  trimTrailing(tokens, domainLabels);
  if (tokens.length === 0 && processorWord !== null) tokens.push(processor === "paypal" ? "paypal" : processorWord);
  return { key: tokens.join(" "), tokens, domains, processor, words: [...new Set(words)] };
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}

// "ads1234567" → "ads" (a product code glued to a reference); "t0123", "2k3l45", "e0400abcd", "4029" → dropped;
// "8x8", "1password", "365"-free names like "15five" stay.
function cleanToken(raw: string): string | null {
  let token = raw;
  const tail = TRAILING_DIGITS.exec(token);
  if (tail) {
    token = token.slice(0, tail.index);
    if (token.length <= 1) return null;
  }
  const digits = countDigits(token);
  if (digits === 0) return token;
  if (digits === token.length || digits >= 3) return null;
  return token;
}

function applyRewrites(tokens: string[]): string[] {
  if (tokens.length === 0) return tokens;
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let rewritten = false;
    for (const [from, to] of REWRITES) {
      if (i + from.length > tokens.length) continue;
      let same = true;
      for (let k = 0; k < from.length; k += 1) {
        if (tokens[i + k] !== from[k]) {
          same = false;
          break;
        }
      }
      if (same) {
        out.push(...to);
        i += from.length;
        rewritten = true;
        break;
      }
    }
    if (!rewritten) {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}

// Removes place words, place phrases and company-form suffixes from the end, keeping at least one token.
function trimTrailing(tokens: string[], protectedTokens: ReadonlySet<string>): void {
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1];
    if (protectedTokens.has(last)) return;
    // A lone trailing letter is a word the bank's 22-character field cut short ("FLORRAQOCOR 19338883 L").
    if (last.length === 1) {
      tokens.pop();
      continue;
    }
    if (PLACE_WORDS.has(last) || LEGAL_SUFFIXES.has(last)) {
      tokens.pop();
      continue;
    }
    // Whole, or with the last word cut after 3+ letters ("SAN FRANC").
    const phrase = PLACE_PHRASES.find(
      (words) =>
        words.length < tokens.length &&
        words.every((word, k) => {
          const token = tokens[tokens.length - words.length + k];
          return token === word || (k === words.length - 1 && token.length >= 3 && word.startsWith(token));
        }),
    );
    if (phrase) {
      tokens.length -= phrase.length;
      continue;
    }
    if (!isCutBoilerplate(last)) return;
    tokens.pop();
  }
}

// The bank's fixed-width field cuts the last word: "FIGMA *MONT", "ACME LIMITE", "ACME AMSTERD". A trailing word
// that opens a billing word (3+ letters) or a company form or place (5+ letters) is boilerplate cut short.
function isCutBoilerplate(token: string): boolean {
  if (token.length < 3 || /\d/.test(token)) return false;
  for (const word of CUT_BILLING_WORDS) if (word.length > token.length && word.startsWith(token)) return true;
  if (token.length < 5) return false;
  for (const word of CUT_LONG_WORDS) if (word.length > token.length && word.startsWith(token)) return true;
  return false;
}
