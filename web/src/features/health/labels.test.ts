import { describe, expect, it } from "vitest";
import { deltaColor, formatDelta, levelLabel, suppressedText } from "./labels";

describe("formatDelta", () => {
  it("signs a change with one decimal at most, and a flat change as ±0", () => {
    expect(formatDelta(5.25)).toBe("+5.3");
    expect(formatDelta(-1)).toBe("−1");
    expect(formatDelta(0.04)).toBe("±0");
    expect(formatDelta(-0.04)).toBe("±0");
  });
});

describe("deltaColor", () => {
  it("greens a rise, reds a fall and dims no change", () => {
    expect(deltaColor(2)).toBe("teal");
    expect(deltaColor(-0.2)).toBe("red");
    expect(deltaColor(0.01)).toBe("dimmed");
    expect(deltaColor(null)).toBe("dimmed");
  });
});

describe("suppressedText", () => {
  it("says fewer than k answered, never a count", () => {
    expect(suppressedText("below_k", 5)).toBe("Fewer than 5 answered");
    expect(suppressedText("complement_below_k", 3)).toBe("Hidden: showing it would reveal a group of fewer than 3");
  });
});

describe("levelLabel", () => {
  it("names Luftman's five levels", () => {
    expect(levelLabel(1)).toBe("Initial / ad hoc");
    expect(levelLabel(5)).toBe("Optimized");
    expect(levelLabel(6)).toBe("");
  });
});
