import { describe, expect, it } from "vitest";
import {
  elapsedShare,
  formatValue,
  type KpiTerms,
  kpiProblems,
  latestOnOrBefore,
  measuredGaps,
  measurementProblems,
  objectiveSharing,
  periodNoun,
  planValue,
  readKpi,
  topRisks,
} from "./scorecard.rules";

// A quarter of 90 days between start and end: 2026-01-01 → 2026-04-01 would be 90; we use Q1 (89 days span).
const quarter: KpiTerms = {
  baseline: 100,
  target: 200,
  direction: "up",
  thresholds: null,
  unit: "count",
  currency: null,
  periodStart: "2026-01-01",
  periodEnd: "2026-03-31",
};
const span = 89; // days from 2026-01-01 to 2026-03-31

describe("elapsed share", () => {
  it("is 0 at the start, 1 at the end, clamped outside the period", () => {
    expect(elapsedShare("2026-01-01", "2026-03-31", "2026-01-01")).toBe(0);
    expect(elapsedShare("2026-01-01", "2026-03-31", "2026-03-31")).toBe(1);
    expect(elapsedShare("2026-01-01", "2026-03-31", "2025-12-01")).toBe(0);
    expect(elapsedShare("2026-01-01", "2026-03-31", "2026-06-01")).toBe(1);
    expect(elapsedShare("2026-01-01", "2026-03-31", "2026-02-15")).toBeCloseTo(45 / span, 10);
  });

  it("treats a one-day period as gone on its day", () => {
    expect(elapsedShare("2026-05-05", "2026-05-05", "2026-05-05")).toBe(1);
    expect(elapsedShare("2026-05-05", "2026-05-05", "2026-05-04")).toBe(0);
  });

  it("names the period", () => {
    expect(periodNoun("2026-01-01", "2026-03-31")).toBe("quarter");
    expect(periodNoun("2026-01-01", "2026-12-31")).toBe("year");
    expect(periodNoun("2026-02-01", "2026-02-28")).toBe("month");
    expect(periodNoun("2026-01-01", "2026-06-30")).toBe("half-year");
    expect(periodNoun("2026-01-10", "2026-02-01")).toBe("period");
  });
});

describe("status without thresholds", () => {
  it("reads progress against the share of the quarter gone, in words", () => {
    // 70% of the quarter gone: day 62.3 → take the date whose share rounds to 70%.
    const asOf = "2026-03-04"; // 62 days → 69.7%
    const reading = readKpi(quarter, { date: "2026-03-01", value: 162 }, asOf);
    expect(reading.progress).toBeCloseTo(0.62, 10);
    expect(reading.elapsed).toBeCloseTo(62 / span, 10);
    expect(reading.status).toBe("on_track"); // 0.62 ≥ 0.697 − 0.10
    expect(reading.reason).toBe("62% of the way to target with 70% of the quarter gone");
    expect(reading.latest).toEqual({ date: "2026-03-01", value: 162 });
  });

  it("is on track at exactly e − 0.10, at risk just below it and at exactly e − 0.25, off track below that", () => {
    const endTerms = { ...quarter };
    const asOf = "2026-03-31"; // e = 1
    expect(readKpi(endTerms, { date: asOf, value: 190 }, asOf).status).toBe("on_track");
    expect(readKpi(endTerms, { date: asOf, value: 189.9 }, asOf).status).toBe("at_risk");
    expect(readKpi(endTerms, { date: asOf, value: 175 }, asOf).status).toBe("at_risk");
    expect(readKpi(endTerms, { date: asOf, value: 174.9 }, asOf).status).toBe("off_track");
  });

  it("keeps progress finite when the gap from baseline to target is tiny", () => {
    const tiny: KpiTerms = { ...quarter, baseline: 0, target: 1e-300 };
    expect(readKpi(tiny, { date: "2026-02-01", value: 1e15 }, "2026-02-01").progress).toBe(1e6);
    expect(readKpi(tiny, { date: "2026-02-01", value: -1e15 }, "2026-02-01").progress).toBe(-1e6);
  });

  it("calls a target reached early achieved, whatever the time gone", () => {
    const reading = readKpi(quarter, { date: "2026-01-10", value: 230 }, "2026-01-10");
    expect(reading.status).toBe("achieved");
    expect(reading.progress).toBeCloseTo(1.3, 10);
    expect(reading.reason).toBe("Target reached: 230 on 2026-01-10 against a target of 200");
  });

  it("reads down-is-good KPIs the same way: falling toward the target is progress", () => {
    const down: KpiTerms = { ...quarter, baseline: 48, target: 24, direction: "down", unit: "duration_hours" };
    const asOf = "2026-02-15";
    const reading = readKpi(down, { date: "2026-02-14", value: 36 }, asOf);
    expect(reading.progress).toBeCloseTo(0.5, 10);
    expect(reading.status).toBe("on_track"); // e ≈ 0.506
    expect(readKpi(down, { date: "2026-02-14", value: 20 }, asOf).status).toBe("achieved");
    const worse = readKpi(down, { date: "2026-02-14", value: 60 }, asOf);
    expect(worse.progress).toBeCloseTo(-0.5, 10);
    expect(worse.status).toBe("off_track");
    expect(worse.reason).toBe("50% further from target than the baseline with 51% of the quarter gone");
  });

  it("with no movement from the baseline is on track at the start and off track late in the period", () => {
    expect(readKpi(quarter, { date: "2026-01-01", value: 100 }, "2026-01-05").status).toBe("on_track");
    expect(readKpi(quarter, { date: "2026-01-01", value: 100 }, "2026-01-20").status).toBe("at_risk");
    const late = readKpi(quarter, { date: "2026-01-01", value: 100 }, "2026-03-20");
    expect(late.progress).toBe(0);
    expect(late.status).toBe("off_track");
  });

  it("has no data when asOf is before the first measurement, and says so", () => {
    const points = [
      { date: "2026-02-01", value: 150 },
      { date: "2026-01-15", value: 120 },
    ];
    expect(latestOnOrBefore(points, "2026-01-14")).toBeNull();
    const reading = readKpi(quarter, latestOnOrBefore(points, "2026-01-14"), "2026-01-14");
    expect(reading).toMatchObject({ status: "no_data", progress: null, latest: null });
    expect(reading.reason).toBe("No measurement on or before 2026-01-14, with 15% of the quarter gone");
    expect(latestOnOrBefore(points, "2026-01-15")).toEqual({ date: "2026-01-15", value: 120 });
    expect(latestOnOrBefore(points, "2026-03-01")).toEqual({ date: "2026-02-01", value: 150 });
  });

  it("reads the period's boundaries: a measurement on the first day counts, asOf after the end is all gone", () => {
    const first = readKpi(quarter, { date: "2026-01-01", value: 110 }, "2026-01-01");
    expect(first.elapsed).toBe(0);
    expect(first.status).toBe("on_track");
    const after = readKpi(quarter, { date: "2026-03-31", value: 180 }, "2026-05-01");
    expect(after.elapsed).toBe(1);
    expect(after.status).toBe("at_risk");
    expect(after.reason).toBe("80% of the way to target with 100% of the quarter gone");
  });
});

describe("status with thresholds", () => {
  const up: KpiTerms = { ...quarter, unit: "percent", baseline: 40, target: 80, thresholds: { green: 60, amber: 50 } };

  it("lets the green and amber lines decide for up-is-good", () => {
    const asOf = "2026-03-31"; // e = 1: by progress alone all of these would be off track
    expect(readKpi(up, { date: asOf, value: 60 }, asOf).status).toBe("on_track");
    expect(readKpi(up, { date: asOf, value: 55 }, asOf).status).toBe("at_risk");
    const low = readKpi(up, { date: asOf, value: 49 }, asOf);
    expect(low.status).toBe("off_track");
    expect(low.reason).toBe(
      "49% is below the amber line of 50% (23% of the way to target with 100% of the quarter gone)",
    );
  });

  it("reverses the lines for down-is-good", () => {
    const down: KpiTerms = { ...up, baseline: 30, target: 5, direction: "down", thresholds: { green: 15, amber: 20 } };
    const asOf = "2026-02-01";
    expect(readKpi(down, { date: asOf, value: 15 }, asOf).status).toBe("on_track");
    expect(readKpi(down, { date: asOf, value: 18 }, asOf).status).toBe("at_risk");
    expect(readKpi(down, { date: asOf, value: 20 }, asOf).status).toBe("at_risk");
    expect(readKpi(down, { date: asOf, value: 21 }, asOf).status).toBe("off_track");
    expect(readKpi(down, { date: asOf, value: 18 }, asOf).reason).toMatch(
      /^18% is above the green line of 15% but at or below amber/,
    );
  });

  it("still calls p ≥ 1 achieved", () => {
    const odd: KpiTerms = { ...up, thresholds: { green: 95, amber: 90 } }; // green above the target
    expect(readKpi(odd, { date: "2026-02-01", value: 80 }, "2026-02-01").status).toBe("achieved");
  });
});

describe("plan line and formats", () => {
  it("runs from the baseline at the start to the target at the end", () => {
    expect(planValue(quarter, "2026-01-01")).toBe(100);
    expect(planValue(quarter, "2026-03-31")).toBe(200);
    expect(planValue(quarter, "2026-02-15")).toBeCloseTo(100 + (100 * 45) / span, 10);
  });

  it("shows values in their unit", () => {
    expect(formatValue(12000, "money", "EUR")).toBe("EUR 12,000");
    expect(formatValue(18.456, "duration_hours", null)).toBe("18.46 h");
    expect(formatValue(1, "duration_days", null)).toBe("1 day");
    expect(formatValue(33.3333, "percent", null)).toBe("33.33%");
  });
});

describe("what a KPI may hold", () => {
  const ok = { ...quarter, source: "manual" as const, measure: null };

  it("refuses a target equal to the baseline", () => {
    expect(kpiProblems({ ...ok, target: 100 })).toEqual([{ path: "target", message: "must differ from the baseline" }]);
    expect(kpiProblems(ok)).toEqual([]);
  });

  it("keeps percents within 0–100, money with a currency, thresholds in order, computed with a measure", () => {
    const paths = (shape: Parameters<typeof kpiProblems>[0]) => kpiProblems(shape).map((problem) => problem.path);
    expect(paths({ ...ok, unit: "percent", baseline: -1, target: 101 })).toEqual(["baseline", "target"]);
    expect(paths({ ...ok, unit: "money" })).toEqual(["currency"]);
    expect(paths({ ...ok, currency: "EUR" })).toEqual(["currency"]);
    expect(paths({ ...ok, thresholds: { green: 120, amber: 150 } })).toEqual(["thresholds.green"]);
    expect(paths({ ...ok, direction: "down", target: 50, thresholds: { green: 80, amber: 70 } })).toEqual([
      "thresholds.green",
    ]);
    expect(paths({ ...ok, source: "computed" })).toEqual(["measure"]);
    expect(paths({ ...ok, measure: "tools_with_both_owners" })).toEqual(["measure"]);
    expect(paths({ ...ok, source: "computed", measure: "tools_with_both_owners" })).toEqual(["unit"]);
  });

  it("refuses a measurement outside the period, not finite, or a percent outside 0–100", () => {
    expect(measurementProblems(quarter, { date: "2025-12-31", value: 1 })[0].path).toBe("date");
    expect(measurementProblems(quarter, { date: "2026-04-01", value: 1 })[0].path).toBe("date");
    expect(measurementProblems(quarter, { date: "2026-03-31", value: 1 })).toEqual([]);
    expect(measurementProblems(quarter, { date: "2026-01-01", value: Number.NaN })[0].path).toBe("value");
    expect(measurementProblems({ ...quarter, unit: "percent" }, { date: "2026-01-02", value: 100.5 })).toEqual([
      { path: "value", message: "must be a percent from 0 to 100" },
    ]);
  });
});

describe("sides", () => {
  it("calls an objective shared only with a marketing owner on marketing and an IT owner on IT", () => {
    expect(objectiveSharing("marketing", "it")).toEqual({ shared: true, notSharedReason: null });
    expect(objectiveSharing("marketing", null)).toEqual({ shared: false, notSharedReason: "No IT owner" });
    expect(objectiveSharing("it", "it").notSharedReason).toBe("The marketing owner is not on a marketing team");
  });

  it("names the gaps in words", () => {
    const gaps = measuredGaps([
      { side: "marketing", customerFacing: true, category: "revenue", objectiveShared: true, measure: null },
      { side: "it", customerFacing: false, category: "operations", objectiveShared: false, measure: null },
    ]).map((gap) => gap.message);
    expect(gaps).toEqual([
      "IT owns no customer-facing KPI",
      "No one owns a customer-experience KPI",
      "No KPI measures how quickly IT responds to marketing",
      "1 KPI serves an objective that marketing and IT do not share",
    ]);
    expect(measuredGaps([]).map((gap) => gap.code)).toContain("it_owns_no_kpi");
  });

  it("ranks the top risks: off track first, furthest behind plan first", () => {
    const risks = topRisks([
      { id: "a", status: "at_risk" as const, progress: 0.5, elapsed: 0.7 },
      { id: "b", status: "off_track" as const, progress: 0.1, elapsed: 0.5 },
      { id: "c", status: "off_track" as const, progress: 0.1, elapsed: 0.9 },
      { id: "d", status: "on_track" as const, progress: 0.9, elapsed: 0.5 },
    ]);
    expect(risks.map((risk) => risk.id)).toEqual(["c", "b", "a"]);
  });
});
