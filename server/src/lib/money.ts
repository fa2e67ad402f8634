// Money as whole cents in a bigint: exact at any size, so sums and ratios never meet a float's rounding.

/** Whole cents of a decimal string with at most two decimals ("1234.5" → 123450n); throws on anything else. */
export function centsOf(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${amount}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -cents : cents;
}

/**
 * A number scaled by 10^scale to the nearest whole (half away from zero), read from its shortest decimal form so
 * 1.005 at scale 2 is 101 as it reads, not 100 as its binary value would round.
 */
export function scaledOfNumber(value: number, scale: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa, exponent = "0"] = Math.abs(value).toString().toLowerCase().split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponent) + scale;
  let scaled: bigint;
  if (point < 0) scaled = 0n;
  else if (point >= digits.length) scaled = BigInt(digits + "0".repeat(point - digits.length));
  else {
    scaled = point === 0 ? 0n : BigInt(digits.slice(0, point));
    if (Number(digits[point]) >= 5) scaled += 1n;
  }
  return value < 0 ? -scaled : scaled;
}

/** Whole cents nearest to money held as a number (an engine's credited value). */
export function centsOfNumber(value: number): bigint {
  return scaledOfNumber(value, 2);
}

/** The decimal string of whole cents, always with two decimals: 123450n → "1234.50". */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A decimal amount in the fixed scale of two: "1234.5" → "1234.50". */
export function toMoney(amount: string): string {
  return formatCents(centsOf(amount));
}

/** The exact sum of decimal amounts, as a decimal string. */
export function sumMoney(amounts: Iterable<string>): string {
  let cents = 0n;
  for (const amount of amounts) cents += centsOf(amount);
  return formatCents(cents);
}

/** `numerator ÷ denominator` rounded half away from zero to a whole number (e.g. cents × share ÷ cents). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A ratio of two exact amounts (return on spend, a share) as the number nearest to it; null when the divisor is
 * zero. Cents within 2^53 divide exactly rounded as floats; larger ones through 20 significant decimal digits.
 */
export function ratioOf(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  if (abs(numerator) <= SAFE && abs(denominator) <= SAFE) return Number(numerator) / Number(denominator);
  const shift = Math.max(0, 20 - (abs(numerator).toString().length - abs(denominator).toString().length));
  return Number.parseFloat(`${(numerator * 10n ** BigInt(shift)) / denominator}e-${shift}`);
}

/** Orders two amounts in cents: negative, zero or positive, as sort comparators take it. */
export function compareCents(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
