import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutes, clock, compileCalendar, type WorkCalendar } from ".";

const at = (iso: string) => Date.parse(iso);
const office = (timeZone: string, holidays: string[] = []): WorkCalendar => ({
  timeZone,
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: "09:00", end: "17:30" },
  holidays,
});
const everyDay = (timeZone: string, start: string, end: string): WorkCalendar => ({
  timeZone,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  workingHours: { start, end },
  holidays: [],
});

describe("Europe/Berlin across the 2026 changes", () => {
  const berlin = compileCalendar(office("Europe/Berlin"));

  it("moves Monday's window an hour earlier in UTC after 2026-03-29", () => {
    // Friday 27 March (CET) works 08:00–16:30 UTC, Monday 30 March (CEST) 07:00–15:30 UTC.
    expect(businessMinutes(berlin, at("2026-03-27T11:00:00Z"), at("2026-03-30T10:00:00Z"))).toBe(330 + 180);
    expect(businessMinutes(berlin, at("2026-03-30T06:00:00Z"), at("2026-03-30T07:00:00Z"))).toBe(0);
    expect(addBusinessMinutes(berlin, at("2026-03-27T16:00:00Z"), 60)).toBe(at("2026-03-30T07:30:00Z"));
  });

  it("moves Monday's window an hour later in UTC after 2026-10-25", () => {
    expect(businessMinutes(berlin, at("2026-10-23T10:00:00Z"), at("2026-10-26T10:00:00Z"))).toBe(330 + 120);
    expect(addBusinessMinutes(berlin, at("2026-10-23T15:00:00Z"), 60)).toBe(at("2026-10-26T08:30:00Z"));
  });

  it("counts the real elapsed time when a change falls inside the window", () => {
    const nights = compileCalendar(everyDay("Europe/Berlin", "00:00", "06:00"));
    // 00:00 CET = 23:00 UTC to 06:00 CEST = 04:00 UTC: five hours.
    expect(businessMinutes(nights, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(300);
    // 00:00 CEST = 22:00 UTC to 06:00 CET = 05:00 UTC: seven hours.
    expect(businessMinutes(nights, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(420);
  });

  it("starts a window that begins in the skipped hour when the clocks jump, and in a repeated hour the first time", () => {
    const small = compileCalendar(everyDay("Europe/Berlin", "02:30", "04:00"));
    // 02:30 does not exist on 29 March: work starts at the jump, 03:00 CEST = 01:00 UTC, until 02:00 UTC.
    expect(businessMinutes(small, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(60);
    expect(addBusinessMinutes(small, at("2026-03-28T12:00:00Z"), 1)).toBe(at("2026-03-29T01:01:00Z"));
    // 02:30 happens twice on 25 October: from the first (00:30 UTC) to 04:00 CET (03:00 UTC).
    expect(businessMinutes(small, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(150);
    // A window ending in the repeated hour ends the first time the clocks read its end.
    const short = compileCalendar(everyDay("Europe/Berlin", "01:45", "02:15"));
    expect(businessMinutes(short, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(30);
  });
});

describe("other zones", () => {
  it("New York, 2026-03-08: a 23-hour day and office hours an hour earlier in UTC", () => {
    const nights = compileCalendar(everyDay("America/New_York", "00:00", "06:00"));
    // 00:00 EST = 05:00 UTC to 06:00 EDT = 10:00 UTC.
    expect(businessMinutes(nights, at("2026-03-07T12:00:00Z"), at("2026-03-08T12:00:00Z"))).toBe(300);
    const allDay = compileCalendar(everyDay("America/New_York", "00:00", "24:00"));
    expect(businessMinutes(allDay, at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"))).toBe(23 * 60);
    const newYork = compileCalendar(office("America/New_York"));
    // Friday 6 March works 14:00–22:30 UTC (EST), Monday 9 March 13:00–21:30 UTC (EDT).
    expect(addBusinessMinutes(newYork, at("2026-03-06T22:00:00Z"), 60)).toBe(at("2026-03-09T13:30:00Z"));
    // 2026-11-01: a 25-hour day.
    expect(businessMinutes(allDay, at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"))).toBe(25 * 60);
  });

  it("Sydney, 2026-04-05 and 2026-10-04: the southern changes", () => {
    const nights = compileCalendar(everyDay("Australia/Sydney", "00:00", "06:00"));
    // 00:00 AEDT (+11) = 13:00 UTC to 06:00 AEST (+10) = 20:00 UTC.
    expect(businessMinutes(nights, at("2026-04-04T06:00:00Z"), at("2026-04-05T06:00:00Z"))).toBe(420);
    // 00:00 AEST = 14:00 UTC to 06:00 AEDT = 19:00 UTC.
    expect(businessMinutes(nights, at("2026-10-03T06:00:00Z"), at("2026-10-04T06:00:00Z"))).toBe(300);
  });

  it("Kolkata (+05:30): 09:00–17:30 is 03:30–12:00 UTC", () => {
    const kolkata = compileCalendar(office("Asia/Kolkata"));
    expect(businessMinutes(kolkata, at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z"))).toBe(510);
    expect(addBusinessMinutes(kolkata, at("2026-03-02T03:30:00Z"), 510)).toBe(at("2026-03-02T12:00:00Z"));
    expect(addBusinessMinutes(kolkata, at("2026-03-02T03:30:00Z"), 511)).toBe(at("2026-03-03T03:31:00Z"));
  });

  it("works at millisecond precision", () => {
    const utc = compileCalendar(office("UTC"));
    expect(businessMinutes(utc, at("2026-03-02T09:00:00.000Z"), at("2026-03-02T09:00:00.250Z"))).toBe(250 / 60_000);
    expect(addBusinessMinutes(utc, at("2026-03-02T08:00:00Z"), 0.5)).toBe(at("2026-03-02T09:00:30Z"));
  });

  it("works far from today: 1970, 2200", () => {
    const berlin = compileCalendar(office("Europe/Berlin"));
    // Monday 1970-01-05, CET all year: 08:00–16:30 UTC.
    expect(businessMinutes(berlin, at("1970-01-05T00:00:00Z"), at("1970-01-06T00:00:00Z"))).toBe(510);
    // Tuesday 2200-07-01, CEST under the current rules: 07:00–15:30 UTC.
    expect(addBusinessMinutes(berlin, at("2200-07-01T00:00:00Z"), 10)).toBe(at("2200-07-01T07:10:00Z"));
    // A span of two centuries is a table look-up, not a walk: about 52 weeks × 5 days × 510 minutes a year.
    const minutes = businessMinutes(berlin, at("2000-01-01T00:00:00Z"), at("2200-01-01T00:00:00Z"));
    expect(minutes / 510).toBe(52_177);
  });
});

describe("holidays, weekends and instants outside working hours", () => {
  it("skips Good Friday and Easter Monday 2026", () => {
    const from = at("2026-04-02T15:00:00Z"); // Thursday 17:00 CEST
    const to = at("2026-04-07T08:00:00Z"); // Tuesday 10:00 CEST
    expect(businessMinutes(compileCalendar(office("Europe/Berlin")), from, to)).toBe(30 + 510 + 510 + 60);
    expect(businessMinutes(compileCalendar(office("Europe/Berlin", ["2026-04-03", "2026-04-06"])), from, to)).toBe(90);
  });

  it("adds from a Saturday or a night to the next window", () => {
    const berlin = compileCalendar(office("Europe/Berlin"));
    expect(addBusinessMinutes(berlin, at("2026-06-06T12:00:00Z"), 30)).toBe(at("2026-06-08T07:30:00Z"));
    expect(addBusinessMinutes(berlin, at("2026-06-02T22:00:00Z"), 30)).toBe(at("2026-06-03T07:30:00Z"));
    expect(addBusinessMinutes(berlin, at("2026-06-02T22:00:00Z"), 0)).toBe(at("2026-06-02T22:00:00Z"));
  });
});

describe("pauses", () => {
  const berlin = compileCalendar(office("Europe/Berlin"));
  const monday = at("2026-06-01T07:00:00Z"); // 09:00 CEST
  const friday = at("2026-06-05T15:30:00Z"); // 17:30 CEST

  it("subtracts overlapping pauses once and ignores pauses outside working time", () => {
    expect(businessMinutes(berlin, monday, friday)).toBe(5 * 510);
    const pauses = [
      { start: at("2026-06-02T07:00:00Z"), end: at("2026-06-03T15:30:00Z") }, // Tuesday and Wednesday
      { start: at("2026-06-03T07:00:00Z"), end: at("2026-06-04T07:00:00Z") }, // Wednesday again, to Thursday's start
      { start: at("2026-06-01T18:00:00Z"), end: at("2026-06-02T06:00:00Z") }, // Monday night
    ];
    expect(businessMinutes(berlin, monday, friday, pauses)).toBe(3 * 510);
  });

  it("counts only the part of a pause inside the range, for pauses spanning days and beyond the ends", () => {
    const pauses = [{ start: at("2026-05-29T00:00:00Z"), end: at("2026-06-02T10:00:00Z") }];
    expect(businessMinutes(berlin, monday, friday, pauses)).toBe(5 * 510 - 510 - 180);
    expect(addBusinessMinutes(berlin, monday, 60, pauses)).toBe(at("2026-06-02T11:00:00Z"));
  });
});

describe("clock", () => {
  const berlin = compileCalendar(office("Europe/Berlin"));
  const start = at("2026-06-01T07:00:00Z"); // Monday 09:00 CEST
  const base = { start, pauses: [], targetMinutes: 480 };
  const due = at("2026-06-01T15:00:00Z");

  it("is met when stopped within the target, including exactly at it and after hours with no time used", () => {
    expect(clock(berlin, { ...base, stop: at("2026-06-01T14:00:00Z"), now: at("2026-06-09T00:00:00Z") })).toEqual({
      elapsedMinutes: 420,
      status: "met",
      dueAt: due,
      breachedAt: null,
    });
    expect(clock(berlin, { ...base, stop: due, now: due }).status).toBe("met");
    expect(clock(berlin, { ...base, targetMinutes: 510, stop: at("2026-06-01T20:00:00Z"), now: due }).status).toBe(
      "met",
    );
  });

  it("is breached when stopped late, with breachedAt the due instant", () => {
    expect(clock(berlin, { ...base, stop: at("2026-06-02T08:00:00Z"), now: at("2026-06-09T00:00:00Z") })).toEqual({
      elapsedMinutes: 570,
      status: "breached",
      dueAt: due,
      breachedAt: due,
    });
  });

  it("runs, turns at risk at 75% of the target, and breaches past it", () => {
    expect(clock(berlin, { ...base, stop: null, now: at("2026-06-01T12:00:00Z") }).status).toBe("running");
    expect(clock(berlin, { ...base, stop: null, now: at("2026-06-01T13:00:00Z") }).status).toBe("at_risk");
    expect(clock(berlin, { ...base, stop: null, now: at("2026-06-01T12:00:00Z"), atRiskRatio: 0.5 }).status).toBe(
      "at_risk",
    );
    const late = clock(berlin, { ...base, stop: null, now: at("2026-06-02T07:00:00Z") });
    expect(late).toEqual({ elapsedMinutes: 510, status: "breached", dueAt: due, breachedAt: due });
  });

  it("stops counting during an open pause and moves the due instant by it", () => {
    const now = at("2026-06-01T13:00:00Z");
    const result = clock(berlin, {
      ...base,
      stop: null,
      now,
      pauses: [{ start: at("2026-06-01T09:00:00Z"), end: now }],
    });
    // 120 minutes used; 360 left: 150 until Monday 17:30, 210 on Tuesday from 09:00 CEST.
    expect(result).toEqual({
      elapsedMinutes: 120,
      status: "running",
      dueAt: at("2026-06-02T10:30:00Z"),
      breachedAt: null,
    });
  });

  it("uses no time when stop or now is before start", () => {
    expect(clock(berlin, { ...base, stop: start - 1000, now: start }).elapsedMinutes).toBe(0);
    expect(clock(berlin, { ...base, stop: null, now: start - 1000 })).toEqual({
      elapsedMinutes: 0,
      status: "running",
      dueAt: due,
      breachedAt: null,
    });
  });
});
