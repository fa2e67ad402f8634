import { describe, expect, it } from "vitest";
import { isPositiveAmount } from "./labels";

describe("isPositiveAmount", () => {
  it("reads the digits", () => {
    expect(isPositiveAmount("0.00")).toBe(false);
    expect(isPositiveAmount("0.01")).toBe(true);
    expect(isPositiveAmount("-5.00")).toBe(false);
  });
});
