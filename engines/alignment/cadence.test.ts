import { describe, expect, it } from "vitest";
import { bankCoverage, CRITERIA, latestOccurrence, nextOccurrence, occurrence, pickPulseItems } from ".";

// The shipped bank's shape: five items per criterion and the outcome item.
const bank = [
  ...CRITERIA.flatMap((criterion) =>
    Array.from({ length: 5 }, (_, position) => ({ id: `${criterion}-${position}`, criterion, position, active: true })),
  ),
  { id: "outcome", criterion: "outcome" as const, position: 0, active: true },
];

describe("the pulse cadence's launch days", () => {
  it("every two weeks counts 14 days from the start", () => {
    const schedule = { cadence: "every_2_weeks" as const, startsOn: "2026-12-07" };
    expect(latestOccurrence(schedule, "2026-12-06")).toBeNull();
    expect(latestOccurrence(schedule, "2026-12-07")).toBe("2026-12-07");
    expect(latestOccurrence(schedule, "2026-12-20")).toBe("2026-12-07");
    expect(latestOccurrence(schedule, "2026-12-21")).toBe("2026-12-21");
    expect(nextOccurrence(schedule, "2026-12-01")).toBe("2026-12-07");
    expect(nextOccurrence(schedule, "2026-12-07")).toBe("2026-12-21");
    expect(nextOccurrence(schedule, "2027-01-03")).toBe("2027-01-04");
  });

  it("monthly keeps the start's day, or the month's last day when the month is shorter", () => {
    expect([0, 1, 2, 3, 12].map((n) => occurrence("monthly", "2026-01-31", n))).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2027-01-31",
    ]);
    const schedule = { cadence: "monthly" as const, startsOn: "2026-01-31" };
    expect(latestOccurrence(schedule, "2026-03-30")).toBe("2026-02-28");
    expect(latestOccurrence(schedule, "2026-03-31")).toBe("2026-03-31");
    expect(nextOccurrence(schedule, "2026-03-31")).toBe("2026-04-30");
  });

  it("launches nothing when off", () => {
    expect(latestOccurrence({ cadence: "off", startsOn: "2026-01-01" }, "2026-06-01")).toBeNull();
    expect(nextOccurrence({ cadence: "off", startsOn: "2026-01-01" }, "2026-06-01")).toBeNull();
  });
});

describe("covering the bank", () => {
  it("every two weeks covers the 30 items within a quarter from six items a pulse", () => {
    for (const size of [6, 7, 8]) {
      const coverage = bankCoverage(bank, size, "every_2_weeks");
      expect(coverage.items).toBe(30);
      expect(coverage.pulsesPerQuarter).toBe(6);
      expect(coverage.coveredInQuarter).toBe(true);
    }
    expect(bankCoverage(bank, 6, "every_2_weeks").pulsesToCover).toBe(5);
  });

  it("monthly cannot cover 30 items in three pulses of at most 8 (24 < 30): it takes four", () => {
    const coverage = bankCoverage(bank, 8, "monthly");
    expect(coverage).toEqual({ items: 30, pulsesToCover: 4, pulsesPerQuarter: 3, coveredInQuarter: false });
    expect(bankCoverage(bank, 6, "monthly").pulsesToCover).toBe(5);
  });

  it("every item comes back within the stated window, and each criterion is in every pulse", () => {
    for (const size of [6, 7, 8]) {
      const { pulsesToCover } = bankCoverage(bank, size, "monthly");
      const history: string[][] = [];
      for (let pulse = 0; pulse < 40; pulse++) history.push(pickPulseItems(bank, history, size));
      for (let start = 0; start + pulsesToCover <= history.length; start++) {
        const window = new Set(history.slice(start, start + pulsesToCover).flat());
        expect(window.size).toBe(bank.length);
      }
      for (const ids of history) {
        expect(ids).toHaveLength(size + 1);
        for (const criterion of CRITERIA) expect(ids.some((id) => id.startsWith(criterion))).toBe(true);
      }
    }
  });
});
