import { describe, expect, it } from "vitest";
import {
  centsOf,
  centsOfNumber,
  divideRounded,
  formatCents,
  ratioOf,
  scaledOfNumber,
  sumMoney,
  toMoney,
} from "./money";

describe("money in cents", () => {
  it("reads decimal strings and writes them back with two decimals", () => {
    expect(centsOf("1234.5")).toBe(123450n);
    expect(centsOf("0.07")).toBe(7n);
    expect(centsOf("-3")).toBe(-300n);
    expect(formatCents(5n)).toBe("0.05");
    expect(formatCents(-123450n)).toBe("-1234.50");
    expect(toMoney("9999999999999.9")).toBe("9999999999999.90");
    expect(() => centsOf("1.234")).toThrow(RangeError);
    expect(() => centsOf("1e5")).toThrow(RangeError);
  });

  it("sums 0.10 and 0.20 a thousand times to the exact cent, where floats drift", () => {
    const amounts = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? "0.10" : "0.20"));
    expect(amounts.reduce((sum, a) => sum + Number(a), 0)).not.toBe(150);
    expect(sumMoney(amounts)).toBe("150.00");
  });

  it("keeps every cent of sums past 2^53 cents", () => {
    expect(sumMoney(Array.from({ length: 1000 }, () => "9999999999999.99"))).toBe("9999999999999990.00");
  });

  it("rounds numbers to cents as they read, half away from zero", () => {
    expect(centsOfNumber(1.005)).toBe(101n);
    expect(centsOfNumber(0.125)).toBe(13n);
    expect(centsOfNumber(-2.675)).toBe(-268n);
    expect(centsOfNumber(1 / 3)).toBe(33n);
    expect(centsOfNumber(5e-7)).toBe(0n);
    expect(centsOfNumber(1.5e21)).toBe(150000000000000000000000n);
    expect(scaledOfNumber(12.5, 6)).toBe(12500000n);
  });

  it("divides rounding half away from zero", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
  });

  it("gives ratios of exact amounts, null over zero", () => {
    expect(ratioOf(30n, 10n)).toBe(3);
    expect(ratioOf(1n, 3n)).toBe(1 / 3);
    expect(ratioOf(1n, 0n)).toBeNull();
    const big = 10n ** 20n;
    expect(ratioOf(big * 3n + 1n, big)).toBe(3);
    expect(ratioOf(big, big * 4n)).toBe(0.25);
  });
});
