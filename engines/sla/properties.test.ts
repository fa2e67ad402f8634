import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutes,
  clock,
  compileCalendar,
  type Interval,
  SlaDefaults,
  SlaInputError,
  type WorkCalendar,
} from ".";

// The brute-force reference: walks the timeline minute by minute, asking Intl for the local date, weekday and
// time of every minute, and counts a minute as working when its local date is a working day that is not a
// holiday and the wall clock has reached the start time that date but not yet the end time (the running
// maximum of the date's wall times, so a repeated fall-back hour neither restarts nor ends the day early).
// Pauses are subtracted per minute as the measure of their union, found by a sweep. No tables, no offsets.
const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function readLocal(timeZone: string, instant: number) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday],
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinuteOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

function measureOutsidePauses(from: number, to: number, pauses: readonly Interval[]): number {
  const inside = pauses
    .map((pause) => ({ start: Math.max(pause.start, from), end: Math.min(pause.end, to) }))
    .filter((pause) => pause.end > pause.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let cursor = from;
  for (const pause of inside) {
    const start = Math.max(pause.start, cursor);
    if (pause.end > start) {
      covered += pause.end - start;
      cursor = pause.end;
    }
  }
  return to - from - covered;
}

function referenceBusinessMinutes(
  calendar: WorkCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  const start = toMinuteOfDay(calendar.workingHours.start);
  const end = toMinuteOfDay(calendar.workingHours.end);
  let total = 0;
  let date = "";
  let reached = -1;
  // Two days back, so the walk passes the local midnight before `from` and knows the running maximum.
  for (let minute = Math.floor(from / MINUTE) * MINUTE - 2 * DAY; minute < to; minute += MINUTE) {
    const local = readLocal(calendar.timeZone, minute);
    if (local.date !== date) {
      date = local.date;
      reached = -1;
    }
    reached = Math.max(reached, local.minuteOfDay);
    const working =
      calendar.workingDays.includes(local.weekday) &&
      !calendar.holidays.includes(local.date) &&
      reached >= start &&
      reached < end;
    if (working && minute + MINUTE > from) {
      total += measureOutsidePauses(Math.max(minute, from), Math.min(minute + MINUTE, to), pauses);
    }
  }
  return total / MINUTE;
}

// Zones with DST (north and south), half- and quarter-hour offsets, a 30-minute DST shift, and none.
const zones = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Europe/London",
  "UTC",
];
// Days around the 2026 transitions of those zones, so the generated spans often contain one.
const transitionDays = [
  "2026-03-29",
  "2026-10-25",
  "2026-03-08",
  "2026-11-01",
  "2026-04-05",
  "2026-10-04",
  "2026-09-27",
  "1996-10-27",
  "2100-03-28",
].map((date) => Date.parse(`${date}T00:00:00Z`));

const toTime = (minute: number) =>
  minute === 1440
    ? "24:00"
    : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

const workingHours = fc.oneof(
  // Office hours, and windows around the small hours where the transitions fall.
  fc.constantFrom(
    { start: "09:00", end: "17:30" },
    { start: "08:00", end: "18:00" },
    { start: "00:00", end: "24:00" },
    { start: "01:30", end: "03:30" },
    { start: "02:30", end: "05:00" },
    { start: "00:00", end: "02:30" },
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
    .map(([a, b]) => ({ start: toTime(Math.min(a, 1439)), end: toTime(Math.max(Math.min(a, 1439) + 1, b)) }))
    .filter(({ start, end }) => toMinuteOfDay(start) < toMinuteOfDay(end)),
);

const anchor = fc.oneof(
  fc.constantFrom(...transitionDays).chain((day) => fc.integer({ min: -3 * DAY, max: 2 * DAY }).map((d) => day + d)),
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 11, 1) }),
);

const scenario = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    workingHours,
    from: anchor,
    span: fc.oneof(fc.integer({ min: 0, max: 4 * DAY }), fc.integer({ min: 0, max: 3 * 60 * MINUTE })),
    holidayOffsets: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }),
    pauseSpecs: fc.array(
      fc.record({ offset: fc.integer({ min: -DAY, max: 5 * DAY }), length: fc.integer({ min: 0, max: 2 * DAY }) }),
      { maxLength: 4 },
    ),
  })
  .map(({ timeZone, workingDays, workingHours, from, span, holidayOffsets, pauseSpecs }) => {
    const holidays = holidayOffsets.map((days) => new Date(from + days * DAY).toISOString().slice(0, 10));
    const calendar: WorkCalendar = { timeZone, workingDays, workingHours, holidays };
    const pauses = pauseSpecs.map(({ offset, length }) => ({ start: from + offset, end: from + offset + length }));
    return { calendar, from, to: from + span, pauses };
  });

const toMs = (minutes: number) => Math.round(minutes * MINUTE);

/** The computed value, or null when it lies beyond the engine's range (SlaInputError naming `field`). */
function dueOrBeyondRange<T>(compute: () => T, field: string): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof SlaInputError && error.field === field && error.message.includes("beyond")) return null;
    throw error;
  }
}

describe("businessMinutes against the minute-by-minute reference", () => {
  it("equals the reference, without pauses and with them", () => {
    fc.assert(
      fc.property(scenario, ({ calendar, from, to, pauses }) => {
        const compiled = compileCalendar(calendar);
        expect(businessMinutes(compiled, from, to)).toBe(referenceBusinessMinutes(calendar, from, to));
        expect(businessMinutes(compiled, from, to, pauses)).toBe(referenceBusinessMinutes(calendar, from, to, pauses));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it("equals the reference on whole days that contain a DST change", () => {
    const cases: [string, string][] = [
      ["Europe/Berlin", "2026-03-29"],
      ["Europe/Berlin", "2026-10-25"],
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
      ["Australia/Sydney", "2026-04-05"],
      ["Australia/Sydney", "2026-10-04"],
      ["Australia/Lord_Howe", "2026-04-05"],
      ["America/St_Johns", "2026-03-08"],
    ];
    const hours = [
      { start: "00:00", end: "24:00" },
      { start: "01:00", end: "04:00" },
      { start: "02:30", end: "03:30" },
      { start: "01:45", end: "02:15" },
    ];
    for (const [timeZone, date] of cases) {
      for (const workingHours of hours) {
        const calendar = { timeZone, workingDays: [1, 2, 3, 4, 5, 6, 7], workingHours, holidays: [] };
        const from = Date.parse(`${date}T00:00:00Z`) - DAY;
        const to = from + 3 * DAY;
        expect(businessMinutes(compileCalendar(calendar), from, to), `${timeZone} ${date} ${workingHours.start}`).toBe(
          referenceBusinessMinutes(calendar, from, to),
        );
      }
    }
  }, 60_000);
});

// Wider calendars and spans (up to years) for the properties that need no reference.
const wide = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    workingHours,
    holidays: fc.array(
      fc
        .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
        .map((t) => new Date(t).toISOString().slice(0, 10)),
      { maxLength: 20 },
    ),
    a: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
    spans: fc.tuple(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 0, max: 400 * DAY })),
    pauseSpecs: fc.array(
      fc.record({
        offset: fc.integer({ min: -10 * DAY, max: 500 * DAY }),
        length: fc.integer({ min: 0, max: 40 * DAY }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ timeZone, workingDays, workingHours, holidays, a, spans, pauseSpecs }) => ({
    calendar: { timeZone, workingDays, workingHours, holidays },
    a,
    b: a + spans[0],
    c: a + spans[0] + spans[1],
    pauses: pauseSpecs.map(({ offset, length }) => ({ start: a + offset, end: a + offset + length })),
  }));

describe("businessMinutes invariants", () => {
  it("is never negative, and 0 when to <= from", () => {
    fc.assert(
      fc.property(wide, ({ calendar, a, c, pauses }) => {
        const compiled = compileCalendar(calendar);
        expect(businessMinutes(compiled, a, c, pauses)).toBeGreaterThanOrEqual(0);
        expect(businessMinutes(compiled, c, a, pauses)).toBe(0);
        expect(businessMinutes(compiled, a, a, pauses)).toBe(0);
        expect(businessMinutes(compiled, a, c, pauses)).toBeLessThanOrEqual((c - a) / MINUTE);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("is additive: (a, c) = (a, b) + (b, c), with and without pauses", () => {
    fc.assert(
      fc.property(wide, ({ calendar, a, b, c, pauses }) => {
        const compiled = compileCalendar(calendar);
        expect(toMs(businessMinutes(compiled, a, c))).toBe(
          toMs(businessMinutes(compiled, a, b)) + toMs(businessMinutes(compiled, b, c)),
        );
        expect(toMs(businessMinutes(compiled, a, c, pauses))).toBe(
          toMs(businessMinutes(compiled, a, b, pauses)) + toMs(businessMinutes(compiled, b, c, pauses)),
        );
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("never double-counts a pause: overlapping pauses subtract their union once", () => {
    fc.assert(
      fc.property(wide, ({ calendar, a, c, pauses }) => {
        const compiled = compileCalendar(calendar);
        // The union by hand: sorted, merged, and each piece subtracted on its own.
        const sorted = [...pauses].sort((x, y) => x.start - y.start);
        const union: Interval[] = [];
        for (const pause of sorted) {
          const last = union[union.length - 1];
          if (last && pause.start <= last.end) last.end = Math.max(last.end, pause.end);
          else union.push({ ...pause });
        }
        const paused = union.reduce(
          (sum, piece) => sum + toMs(businessMinutes(compiled, Math.max(a, piece.start), Math.min(c, piece.end))),
          0,
        );
        const withPauses = toMs(businessMinutes(compiled, a, c, pauses));
        expect(withPauses).toBe(toMs(businessMinutes(compiled, a, c)) - paused);
        expect(toMs(businessMinutes(compiled, a, c, [...pauses, ...pauses]))).toBe(withPauses);
        expect(toMs(businessMinutes(compiled, a, c, union))).toBe(withPauses);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("addBusinessMinutes", () => {
  it("is the inverse of businessMinutes and returns the earliest such instant", () => {
    fc.assert(
      fc.property(wide, fc.integer({ min: 0, max: 30 * 24 * 60 * MINUTE }), ({ calendar, a, pauses }, budget) => {
        const compiled = compileCalendar(calendar);
        const minutes = budget / MINUTE;
        const due = dueOrBeyondRange(() => addBusinessMinutes(compiled, a, minutes, pauses), "minutes");
        // A narrow calendar may not hold that much business time before 2400: then it truly does not.
        if (due === null) {
          expect(businessMinutes(compiled, a, SlaDefaults.latest - 1, pauses)).toBeLessThan(minutes);
          return;
        }
        expect(due).toBeGreaterThanOrEqual(a);
        expect(businessMinutes(compiled, a, due, pauses)).toBe(minutes);
        if (budget > 0) expect(businessMinutes(compiled, a, due - 1, pauses)).toBeLessThan(minutes);
        else expect(due).toBe(a);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("agrees with the reference near DST changes", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 600 }), ({ calendar, from, pauses }, minutes) => {
        const compiled = compileCalendar(calendar);
        const due = addBusinessMinutes(compiled, from, minutes, pauses);
        fc.pre(due - from < 6 * DAY);
        expect(referenceBusinessMinutes(calendar, from, due, pauses)).toBe(minutes);
        expect(referenceBusinessMinutes(calendar, from, due - 1, pauses)).toBeLessThan(minutes);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("clock", () => {
  it("reports statuses consistent with elapsed against target", () => {
    fc.assert(
      fc.property(
        wide,
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ calendar, a, pauses }, span, stopped, targetMinutes, atRiskRatio) => {
          const compiled = compileCalendar(calendar);
          const end = a + span;
          const input = {
            start: a,
            stop: stopped ? end : null,
            pauses,
            now: stopped ? end + DAY : end,
            targetMinutes,
            atRiskRatio,
          };
          const result = dueOrBeyondRange(() => clock(compiled, input), "targetMinutes");
          fc.pre(result !== null);
          expect(result.elapsedMinutes).toBeGreaterThanOrEqual(0);
          expect(result.elapsedMinutes).toBe(businessMinutes(compiled, a, end, pauses));
          expect(result.dueAt).toBe(addBusinessMinutes(compiled, a, targetMinutes, pauses));
          expect(result.status === "breached").toBe(result.elapsedMinutes > targetMinutes);
          expect(result.breachedAt).toBe(result.status === "breached" ? result.dueAt : null);
          if (result.status === "breached") expect(end).toBeGreaterThan(result.dueAt);
          if (stopped) expect(result.status).toBe(result.elapsedMinutes <= targetMinutes ? "met" : "breached");
          else {
            expect(result.status).not.toBe("met");
            if (result.status === "at_risk")
              expect(result.elapsedMinutes).toBeGreaterThanOrEqual(atRiskRatio * targetMinutes);
            if (result.status === "running") expect(result.elapsedMinutes).toBeLessThan(atRiskRatio * targetMinutes);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
