import { describe, expect, it } from "vitest";
import { chartAmount, formatAmount, formatUnits, isPositiveAmount } from "./labels";

describe("formatAmount", () => {
  it("formats the API's decimal strings as decimals, every cent kept past what a float holds", () => {
    expect(formatAmount("12345678901234567.89", "EUR", true)).toBe("12,345,678,901,234,567.89 EUR");
    expect(formatAmount("1234.50", "EUR")).toBe("1,235 EUR");
    expect(formatUnits("0.10", true)).toBe("0.10");
  });

  it("takes a chart's numbers too", () => {
    expect(formatAmount(chartAmount("1500.00"), "USD")).toBe("1,500 USD");
  });
});

describe("isPositiveAmount", () => {
  it("reads the digits", () => {
    expect(isPositiveAmount("0.00")).toBe(false);
    expect(isPositiveAmount("0.01")).toBe(true);
    expect(isPositiveAmount("-5.00")).toBe(false);
  });
});
