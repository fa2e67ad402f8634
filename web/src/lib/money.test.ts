import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyList, formatMoneyOf, formatUnits } from "./money";

// Intl separates a code from its amount with a no-break space; the tests read it as a plain one.
const en = (amount: string | number | null | undefined, currency: string, options = {}) =>
  formatMoney(amount, currency, { locale: "en-US", ...options }).replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("formats the API's decimal strings exactly, past what a float holds", () => {
    expect(en("9999999999999.99", "EUR", { cents: true })).toBe("€9,999,999,999,999.99");
    expect(en("12345678901234567.89", "EUR", { cents: true })).toBe("€12,345,678,901,234,567.89");
    expect(en("0.10", "EUR", { cents: true })).toBe("€0.10");
  });

  it("shows whole units from 1,000 up and cents below, unless cents are asked for", () => {
    expect(en("1234.50", "EUR")).toBe("€1,235");
    expect(en("-1234.50", "EUR")).toBe("-€1,235");
    expect(en("999.50", "EUR")).toBe("€999.50");
    expect(en("0999.5", "USD")).toBe("$999.50");
    expect(en("1234.50", "EUR", { cents: true })).toBe("€1,234.50");
    expect(en(1500, "USD")).toBe("$1,500");
  });

  it("rounds a whole amount from its decimal digits, not a float's", () => {
    // 2^53 + 1 has no float: through Number it would read …992.
    expect(en("9007199254740992.4", "EUR")).toBe("€9,007,199,254,740,992");
    expect(en("9007199254740993", "EUR")).toBe("€9,007,199,254,740,993");
  });

  it("shows the currency's code where a screen mixes currencies", () => {
    expect(en("12345", "EUR", { withCode: true })).toBe("EUR 12,345");
    expect(en("12345", "USD", { withCode: true })).toBe("USD 12,345");
    expect(en("12.5", "GBP", { withCode: true })).toBe("GBP 12.50");
  });

  it("shortens a chart's axis with compact", () => {
    expect(en(1_534_000, "EUR", { compact: true })).toBe("€1.5M");
    expect(en("12000", "USD", { compact: true })).toBe("$12K");
    expect(en(12_000, "USD", { compact: true, withCode: true })).toBe("USD 12K");
  });

  it("keeps a currency's own minor units", () => {
    expect(en("1234.5", "JPY", { cents: true })).toBe("¥1,235");
  });

  it("says a dash for nothing, and the amount with its code for a code Intl does not know", () => {
    expect(en(null, "EUR")).toBe("—");
    expect(en(undefined, "EUR")).toBe("—");
    expect(en("", "EUR")).toBe("—");
    expect(en("abc", "EUR")).toBe("—");
    expect(en(Number.NaN, "EUR")).toBe("—");
    expect(en("12.50", "XX")).toBe("12.50 XX");
  });

  it("follows the reader's locale", () => {
    expect(formatMoney("12345.4", "EUR", { locale: "de-DE" }).replace(/\u00a0/g, " ")).toBe("12.345 €");
  });
});

describe("formatMoneyOf and formatMoneyList", () => {
  it("say an API money object, and several currencies each with its code", () => {
    expect(formatMoneyOf({ amount: "1200.00", currency: "EUR" }, { locale: "en-US" })).toBe("€1,200");
    expect(formatMoneyOf(null)).toBe("—");
    const list = [
      { amount: "1200.00", currency: "EUR" },
      { amount: "300.00", currency: "USD" },
    ];
    expect(formatMoneyList(list, { locale: "en-US" }).replace(/\u00a0/g, " ")).toBe("EUR 1,200 + USD 300.00");
    expect(formatMoneyList([list[0]], { locale: "en-US" })).toBe("€1,200");
    expect(formatMoneyList([])).toBe("—");
  });
});

describe("formatUnits", () => {
  it("says an amount without a currency, exactly", () => {
    expect(formatUnits("9999999999999.99", { cents: true, locale: "en-US" })).toBe("9,999,999,999,999.99");
    expect(formatUnits("1234.5", { locale: "en-US" })).toBe("1,235");
    expect(formatUnits("x")).toBe("—");
  });
});
