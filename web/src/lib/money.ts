/** How an amount is shown. */
export interface MoneyOptions {
  /** Keep the currency's minor units at any size ("€12,345.67"); otherwise whole units from 1,000 up. */
  cents?: boolean;
  /** Short form for a chart's axis or a tight tile: "€1.5M", "€12K". */
  compact?: boolean;
  /** Show the ISO code instead of the symbol ("EUR 12,345"): set it where a screen mixes currencies. */
  withCode?: boolean;
  /** A BCP 47 locale; the reader's by default (tests pin one). */
  locale?: string;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, isWhole: boolean, options: MoneyOptions): Intl.NumberFormat {
  const key = [options.locale ?? "", currency, isWhole, options.compact ?? false, options.withCode ?? false].join("|");
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(options.locale, {
      style: "currency",
      currency,
      currencyDisplay: options.withCode ? "code" : "symbol",
      ...(options.compact ? { notation: "compact" } : {}),
      ...(isWhole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** Whether a value is an amount: a finite number, or a decimal string as the API and forms send them. */
function isAmount(amount: string | number): boolean {
  return typeof amount === "string" ? /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(amount) : Number.isFinite(amount);
}

/** Whether an amount is 1,000 or more either side of zero, read from a decimal string's digits (never a float). */
function isThousandsOrMore(amount: string | number): boolean {
  if (typeof amount === "number") return Math.abs(amount) >= 1000;
  const whole = amount.trim().replace(/^[-+]/, "").split(".")[0].replace(/^0+/, "");
  return whole.length >= 4;
}

/**
 * An amount of money in the reader's locale: "€12,345", "€12.50", "EUR 12,345" (`withCode`), "€1.5M" (`compact`);
 * "—" when there is none. The API's decimal strings are formatted as decimals, exact at any size (never through a
 * float); a number is taken only from a chart's axis or tooltip, or a KPI's measured value.
 */
export function formatMoney(
  amount: string | number | null | undefined,
  currency: string,
  options: MoneyOptions = {},
): string {
  if (amount === null || amount === undefined || !isAmount(amount)) return "—";
  const isWhole = !options.cents && (options.compact ? false : isThousandsOrMore(amount));
  try {
    const format = formatterFor(currency, isWhole, options);
    return format.format(typeof amount === "string" ? (amount.trim() as `${number}`) : amount);
  } catch {
    // An unknown currency code: say the amount as it came, with its code.
    return `${amount} ${currency}`;
  }
}

/** A `{ amount, currency }` of the API as `formatMoney` says it; "—" when there is none. */
export function formatMoneyOf(
  money: { amount: string | number; currency: string } | null | undefined,
  options: MoneyOptions = {},
): string {
  return money ? formatMoney(money.amount, money.currency, options) : "—";
}

/** Several currencies' amounts side by side ("EUR 1,200 + USD 300"), each with its code when there are several. */
export function formatMoneyList(
  list: ReadonlyArray<{ amount: string | number; currency: string }>,
  options: MoneyOptions = {},
): string {
  if (list.length === 0) return "—";
  const withCode = options.withCode ?? new Set(list.map((money) => money.currency)).size > 1;
  return list.map((money) => formatMoney(money.amount, money.currency, { ...options, withCode })).join(" + ");
}

/** An amount whose currency is not recorded (a conversion's value): "12,345", or "12,345.67" with `cents`. */
export function formatUnits(amount: string | number, options: Pick<MoneyOptions, "cents" | "locale"> = {}): string {
  if (!isAmount(amount)) return "—";
  const digits = options.cents ? 2 : 0;
  return new Intl.NumberFormat(options.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    typeof amount === "string" ? (amount.trim() as `${number}`) : amount,
  );
}
