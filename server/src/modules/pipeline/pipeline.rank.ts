// Backlog positions are fractional-indexing keys: strings compared byte by byte (the column's collation is "C"),
// with a key strictly between any two however many times someone inserts there (a float midpoint runs out of
// precision after ~50 insertions between the same two neighbours).
import { generateKeyBetween } from "fractional-indexing";

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SIGN = 1n << 63n;
const ALL_BITS = (1n << 64n) - 1n;

/**
 * The key of a number on the backlog's scale, in the numbers' order: a score-derived position, or an old float rank.
 * The double's 64 bits made order-preserving (sign bit set for positives, every bit flipped for negatives) are
 * written as the 11 base-62 digits of a fractional-indexing integer with head "k". The migration that turned float
 * ranks into keys computes the same in SQL.
 */
export function rankKeyOfNumber(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value === 0 ? 0 : value); // −0 and 0 are one position
  const bits = view.getBigUint64(0);
  let ordered = bits & SIGN ? ~bits & ALL_BITS : bits | SIGN;
  let digits = "";
  for (let i = 0; i < 11; i++) {
    digits = DIGITS[Number(ordered % 62n)] + digits;
    ordered /= 62n;
  }
  return `k${digits}`;
}

/** The backlog position of a request nobody ranked by hand: higher scores first, unscored ones last. */
export function rankFromScore(score: number | null): string {
  return rankKeyOfNumber(score === null ? 0 : -score);
}

/** The rank between two neighbours of the backlog (either may be missing: the top or the bottom). */
export function rankBetween(above: string | null, below: string | null): string {
  if (above === null && below === null) return rankKeyOfNumber(0);
  if (above !== null && below !== null && above >= below) {
    throw new Error(`rankBetween needs above < below (got ${above} and ${below})`);
  }
  return generateKeyBetween(above, below);
}

/** The rank of a request added at the bottom of the backlog, below `bottom` (null: the backlog is empty). */
export function rankAtBottom(bottom: string | null): string {
  return bottom === null ? rankKeyOfNumber(1) : rankBetween(bottom, null);
}
