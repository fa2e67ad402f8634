// Character classes and case folding shared by forms and texts. Folding is Unicode lower-casing applied one
// code point at a time (so it never depends on the neighbouring letters), with final sigma "ς" folded like "σ":
// the whole-string toLowerCase writes "ΛΌΓΟΣ" as "λόγος", and a form written "λόγος" must find it. The only code
// point whose lower case is longer than itself is "İ" (U+0130 → "i̇", two code units); offsets are mapped back to
// the original text by the annotator, never taken from the folded one.

const WORD_CHAR = /^[\p{L}\p{Nd}]$/u;
const WHITESPACE = /^\s$/;
const NON_ASCII = /[\u0080-\uffff]/;
// 0 = not yet known, 1 = a letter or decimal digit, 2 = anything else. Filled lazily, one code point at a time.
const wordClass = new Uint8Array(0x110000);
// For BMP code units: 0 = not yet known, else the folded code unit + 1; MULTI when the fold is longer.
const foldedUnit = new Uint32Array(0x10000);
const MULTI = 0xffffffff;
const multiFolds = new Map<number, string>();

/** True when the code point is a Unicode letter (L*) or decimal digit (Nd): what whole-word edges test. */
export function isWordCodePoint(codePoint: number): boolean {
  let known = wordClass[codePoint];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint)) ? 1 : 2;
    wordClass[codePoint] = known;
  }
  return known === 1;
}

/** True when the UTF-16 code unit is whitespace (JavaScript's `\s`: spaces, tabs, line breaks, NBSP, …). */
export function isWhitespaceUnit(unit: number): boolean {
  return unit === 32 || (unit >= 9 && unit <= 13) || (unit > 127 && WHITESPACE.test(String.fromCharCode(unit)));
}

/** The code point that ends just before `index` (a surrogate pair read whole), or -1 at the text's start. */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point that starts at `index` (a surrogate pair read whole), or -1 at the text's end. */
export function codePointAt(text: string, index: number): number {
  return index >= text.length ? -1 : (text.codePointAt(index) ?? -1);
}

/** The folded (lower-cased) form of one code point, as a string of one or more code units. */
export function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x10000) {
    const unit = foldUnit(codePoint);
    return unit === MULTI ? (multiFolds.get(codePoint) ?? "") : String.fromCharCode(unit);
  }
  return foldAstral(codePoint);
}

/** Folds a BMP code unit; returns the folded unit, or MULTI when it folds to several (see foldCodePoint). */
export function foldUnit(unit: number): number {
  const known = foldedUnit[unit];
  if (known !== 0) return known === MULTI ? MULTI : known - 1;
  let folded: number;
  if (unit >= 65 && unit <= 90) folded = unit + 32;
  else if (unit < 128 || (unit >= 0xd800 && unit <= 0xdfff)) folded = unit;
  else if (unit === 0x3c2) folded = 0x3c3;
  else {
    const lower = String.fromCharCode(unit).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
    else {
      multiFolds.set(unit, lower);
      foldedUnit[unit] = MULTI;
      return MULTI;
    }
  }
  foldedUnit[unit] = folded + 1;
  return folded;
}

export { MULTI as MULTI_UNIT_FOLD };

const astralFolds = new Map<number, string>();
function foldAstral(codePoint: number): string {
  let folded = astralFolds.get(codePoint);
  if (folded === undefined) {
    folded = String.fromCodePoint(codePoint).toLowerCase();
    astralFolds.set(codePoint, folded);
  }
  return folded;
}

/** Folds a whole string code point by code point (see the file comment); whitespace is kept as it is. */
export function foldString(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let folded = "";
  for (const character of text) folded += foldCodePoint(character.codePointAt(0) ?? 0);
  return folded;
}
