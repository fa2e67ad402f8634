import { describe, expect, it } from "vitest";
import {
  completionBySide,
  dateOfDay,
  isLate,
  missingSides,
  nextSlot,
  occurrenceDays,
  overlaps,
  type SeriesTiming,
  slotsBetween,
  zonedInstant,
} from "./rituals.rules";

const weekly: SeriesTiming = {
  cadence: { kind: "weekly", weekday: "tuesday" },
  startDate: "2026-01-01",
  endDate: null,
  startTime: "09:30",
  timeZone: "Europe/Berlin",
  durationMinutes: 45,
};
const dates = (series: SeriesTiming, from: string, count: number) =>
  occurrenceDays(series, Date.parse(`${from}T00:00:00Z`) / 86_400_000, count).map(dateOfDay);

describe("cadence", () => {
  it("meets weekly on the weekday from the start date", () => {
    expect(dates(weekly, "2026-01-01", 3)).toEqual(["2026-01-06", "2026-01-13", "2026-01-20"]);
  });

  it("meets every N weeks counted from the first occurrence, whatever day one asks from", () => {
    const series = {
      ...weekly,
      cadence: { kind: "every_n_weeks" as const, intervalWeeks: 3, weekday: "friday" as const },
    };
    expect(dates(series, "2026-01-01", 3)).toEqual(["2026-01-02", "2026-01-23", "2026-02-13"]);
    expect(dates(series, "2026-01-24", 1)).toEqual(["2026-02-13"]);
  });

  it("meets monthly on the nth or last weekday", () => {
    const first = {
      ...weekly,
      cadence: { kind: "monthly_nth_weekday" as const, nth: 1 as const, weekday: "thursday" as const },
    };
    expect(dates(first, "2026-01-01", 3)).toEqual(["2026-01-01", "2026-02-05", "2026-03-05"]);
    const last = {
      ...weekly,
      cadence: { kind: "monthly_nth_weekday" as const, nth: -1 as const, weekday: "friday" as const },
    };
    expect(dates(last, "2026-01-01", 3)).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"]);
  });

  it("stops at the end date", () => {
    expect(dates({ ...weekly, endDate: "2026-01-13" }, "2026-01-01", 5)).toEqual(["2026-01-06", "2026-01-13"]);
  });

  it("keeps the local time across a daylight-saving change", () => {
    expect(zonedInstant("2026-03-24", "09:30", "Europe/Berlin").toISOString()).toBe("2026-03-24T08:30:00.000Z");
    expect(zonedInstant("2026-03-31", "09:30", "Europe/Berlin").toISOString()).toBe("2026-03-31T07:30:00.000Z");
    expect(zonedInstant("2026-03-31", "09:30", "UTC").toISOString()).toBe("2026-03-31T09:30:00.000Z");
  });

  it("finds the next slot after an instant, skipping slots already taken", () => {
    const after = new Date("2026-01-06T08:30:00Z"); // the first meeting's very start
    expect(nextSlot(weekly, after)?.startsAt.toISOString()).toBe("2026-01-13T08:30:00.000Z");
    const taken = [{ startsAt: new Date("2026-01-13T08:00:00Z"), endsAt: new Date("2026-01-13T09:00:00Z") }];
    expect(nextSlot(weekly, after, taken)?.startsAt.toISOString()).toBe("2026-01-20T08:30:00.000Z");
    expect(nextSlot({ ...weekly, endDate: "2026-01-06" }, after)).toBeNull();
  });

  it("lists the slots of a window", () => {
    const slots = slotsBetween(weekly, new Date("2026-01-01T00:00:00Z"), new Date("2026-02-01T00:00:00Z"));
    expect(slots.map((slot) => slot.startsAt.toISOString().slice(0, 10))).toEqual([
      "2026-01-06",
      "2026-01-13",
      "2026-01-20",
      "2026-01-27",
    ]);
    expect(slots[0].endsAt.getTime() - slots[0].startsAt.getTime()).toBe(45 * 60_000);
  });
});

describe("overlaps, sides and completion", () => {
  const slot = (from: string, to: string) => ({ startsAt: new Date(from), endsAt: new Date(to) });
  it("overlaps only when the times intersect", () => {
    expect(
      overlaps(slot("2026-01-01T09:00Z", "2026-01-01T10:00Z"), slot("2026-01-01T09:59Z", "2026-01-01T11:00Z")),
    ).toBe(true);
    expect(
      overlaps(slot("2026-01-01T09:00Z", "2026-01-01T10:00Z"), slot("2026-01-01T10:00Z", "2026-01-01T11:00Z")),
    ).toBe(false);
  });

  it("names the sides without anyone", () => {
    expect(missingSides(["marketing", "other"])).toEqual(["it"]);
    expect(missingSides(["it", "marketing"])).toEqual([]);
    expect(missingSides([])).toEqual(["marketing", "it"]);
  });

  it("counts late and on-time completion per side", () => {
    const items = [
      {
        side: "marketing" as const,
        status: "done" as const,
        dueDate: "2026-01-10",
        completedAt: new Date("2026-01-09T12:00Z"),
      },
      {
        side: "marketing" as const,
        status: "done" as const,
        dueDate: "2026-01-10",
        completedAt: new Date("2026-01-12T12:00Z"),
      },
      { side: "marketing" as const, status: "open" as const, dueDate: "2026-01-10", completedAt: null },
      {
        side: "it" as const,
        status: "done" as const,
        dueDate: "2026-01-10",
        completedAt: new Date("2026-01-10T23:00Z"),
      },
    ];
    const [marketing, it_, other] = completionBySide(items);
    expect(marketing).toEqual({ side: "marketing", due: 3, done: 2, doneOnTime: 1, completionRate: 2 / 3 });
    expect(it_).toEqual({ side: "it", due: 1, done: 1, doneOnTime: 1, completionRate: 1 });
    expect(other.completionRate).toBeNull();
    expect(isLate(items[2], "2026-01-11")).toBe(true);
    expect(isLate(items[2], "2026-01-10")).toBe(false);
  });
});
