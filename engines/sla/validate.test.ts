import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutes,
  type CompiledCalendar,
  clock,
  compileCalendar,
  SlaInputError,
  type WorkCalendar,
} from ".";

const valid: WorkCalendar = {
  timeZone: "Europe/Berlin",
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: "09:00", end: "17:30" },
  holidays: ["2026-12-25"],
};

function expectField(run: () => unknown, field: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SlaInputError);
    expect((error as SlaInputError).field).toBe(field);
    expect((error as SlaInputError).message.startsWith(field)).toBe(true);
    return;
  }
  throw new Error(`expected SlaInputError naming ${field}`);
}

const withCalendar = (change: Record<string, unknown>) => () =>
  compileCalendar({ ...valid, ...change } as WorkCalendar);

describe("compileCalendar", () => {
  it("accepts a valid calendar, sorting and de-duplicating days and holidays", () => {
    const compiled = compileCalendar({
      ...valid,
      workingDays: [5, 1, 1, 3],
      holidays: ["2026-12-26", "2026-12-25", "2026-12-26"],
    });
    expect(compiled.calendar.workingDays).toEqual([1, 3, 5]);
    expect(compiled.calendar.holidays).toEqual(["2026-12-25", "2026-12-26"]);
    expect(() => compileCalendar({ ...valid, workingHours: { start: "00:00", end: "24:00" } })).not.toThrow();
  });

  it("names timeZone for an unknown, empty or non-string zone", () => {
    expectField(withCalendar({ timeZone: "Mars/Olympus_Mons" }), "timeZone");
    expectField(withCalendar({ timeZone: "" }), "timeZone");
    expectField(withCalendar({ timeZone: 42 }), "timeZone");
  });

  it("names the working hours field that is wrong", () => {
    expectField(withCalendar({ workingHours: { start: "17:30", end: "09:00" } }), "workingHours.end");
    expectField(withCalendar({ workingHours: { start: "09:00", end: "09:00" } }), "workingHours.end");
    expectField(withCalendar({ workingHours: { start: "9:00", end: "17:00" } }), "workingHours.start");
    expectField(withCalendar({ workingHours: { start: "25:00", end: "26:00" } }), "workingHours.start");
    expectField(withCalendar({ workingHours: { start: "24:00", end: "24:00" } }), "workingHours.start");
    expectField(withCalendar({ workingHours: { start: "09:00", end: "17:60" } }), "workingHours.end");
    expectField(withCalendar({ workingHours: { start: "09:00" } }), "workingHours.end");
    expectField(withCalendar({ workingHours: null }), "workingHours");
  });

  it("names the working day that is not an ISO weekday", () => {
    expectField(withCalendar({ workingDays: [1, 0] }), "workingDays[1]");
    expectField(withCalendar({ workingDays: [8] }), "workingDays[0]");
    expectField(withCalendar({ workingDays: [1, 2.5] }), "workingDays[1]");
    expectField(withCalendar({ workingDays: [] }), "workingDays");
    expectField(withCalendar({ workingDays: "1-5" }), "workingDays");
  });

  it("names the malformed holiday", () => {
    expectField(withCalendar({ holidays: ["2026-12-25", "2026-02-30"] }), "holidays[1]");
    expectField(withCalendar({ holidays: ["2026-2-3"] }), "holidays[0]");
    expectField(withCalendar({ holidays: [20261225] }), "holidays[0]");
    expectField(withCalendar({ holidays: "2026-12-25" }), "holidays");
  });

  it("names calendar when there is none", () => {
    expectField(() => compileCalendar(null as unknown as WorkCalendar), "calendar");
  });
});

describe("businessMinutes, addBusinessMinutes and clock", () => {
  const calendar = compileCalendar(valid);
  const monday = Date.parse("2026-06-01T07:00:00Z");

  it("refuse a calendar that was not compiled", () => {
    expectField(() => businessMinutes(valid as unknown as CompiledCalendar, monday, monday + 1), "calendar");
  });

  it("name the bad instant", () => {
    expectField(() => businessMinutes(calendar, Number.NaN, monday), "from");
    expectField(() => businessMinutes(calendar, monday, Number.POSITIVE_INFINITY), "to");
    expectField(() => businessMinutes(calendar, Date.parse("2500-01-01T00:00:00Z"), monday), "from");
    expectField(() => addBusinessMinutes(calendar, Date.parse("1899-12-31T00:00:00Z"), 1), "from");
  });

  it("name the bad pause", () => {
    const pauses = [
      { start: monday, end: monday + 1 },
      { start: monday + 5, end: monday + 3 },
    ];
    expectField(() => businessMinutes(calendar, monday, monday + 100, pauses), "pauses[1].end");
    expectField(() => businessMinutes(calendar, monday, monday, pauses), "pauses[1].end");
    expectField(() => addBusinessMinutes(calendar, monday, 5, [{ start: "x", end: 1 } as never]), "pauses[0].start");
    expectField(() => addBusinessMinutes(calendar, monday, 5, [null as never]), "pauses[0]");
  });

  it("name bad minutes, and minutes that run past 2399", () => {
    expectField(() => addBusinessMinutes(calendar, monday, -1), "minutes");
    expectField(() => addBusinessMinutes(calendar, monday, Number.NaN), "minutes");
    const rare = compileCalendar({ ...valid, workingDays: [3], workingHours: { start: "12:00", end: "12:01" } });
    expectField(() => addBusinessMinutes(rare, monday, 100_000), "minutes");
  });

  it("name the bad clock field", () => {
    const input = { start: monday, stop: null, pauses: [], now: monday + 1000, targetMinutes: 60 };
    expectField(() => clock(calendar, { ...input, targetMinutes: -5 }), "targetMinutes");
    expectField(() => clock(calendar, { ...input, atRiskRatio: 1.5 }), "atRiskRatio");
    expectField(() => clock(calendar, { ...input, stop: Number.NaN }), "stop");
    expectField(() => clock(calendar, { ...input, now: undefined as never }), "now");
    expectField(() => clock(calendar, { ...input, start: "2026-06-01" as never }), "start");
    expectField(() => clock(calendar, { ...input, pauses: [{ start: monday + 9, end: monday }] }), "pauses[0].end");
  });
});
