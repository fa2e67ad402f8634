// Rituals' pure rules: when a series meets (cadence in its time zone), whether two occurrences overlap, which
// sides a set of people covers, and how commitments are counted. No I/O.
import type { Cadence, RitualSide, Weekday } from "#contracts/rituals";
import { createOffsetReader } from "#engines/sla/zone";

const DAY = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const readers = new Map<string, (instant: number) => number>();
function offsetReader(timeZone: string) {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = createOffsetReader(timeZone);
    readers.set(timeZone, reader);
  }
  return reader;
}

/** The instant a local date and time (HH:MM) is in a time zone (a time in a spring-forward gap moves on). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const offsetAt = offsetReader(timeZone);
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetReader(timeZone)(at.getTime())).toISOString().slice(0, 10);
}

/** What the cadence rules read of a series. */
export interface SeriesTiming {
  cadence: Cadence;
  startDate: string;
  endDate: string | null;
  startTime: string;
  timeZone: string;
  durationMinutes: number;
}

// The nth (1–4) or last (-1) given weekday of a month (year, month 0–11), as a day number.
function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  if (nth > 0) {
    const first = Math.floor(Date.UTC(year, month, 1) / DAY);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  }
  const last = Math.floor(Date.UTC(year, month + 1, 0) / DAY);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The local dates (day numbers) of the series' occurrences from `fromDay` on, at most `count` of them. */
export function occurrenceDays(series: SeriesTiming, fromDay: number, count: number): number[] {
  const start = dayNumber(series.startDate);
  const end = series.endDate ? dayNumber(series.endDate) : Number.POSITIVE_INFINITY;
  const from = Math.max(start, fromDay);
  const weekday = WEEKDAYS.indexOf(series.cadence.weekday);
  const days: number[] = [];
  const { cadence } = series;
  if (cadence.kind === "monthly_nth_weekday") {
    const first = new Date(from * DAY);
    for (let index = 0; days.length < count && index < 1200; index++) {
      const year = first.getUTCFullYear() + Math.floor((first.getUTCMonth() + index) / 12);
      const month = (first.getUTCMonth() + index) % 12;
      const day = nthWeekdayOfMonth(year, month, weekday, cadence.nth);
      if (day > end) break;
      if (day >= from) days.push(day);
    }
    return days;
  }
  const step = cadence.kind === "weekly" ? 7 : 7 * cadence.intervalWeeks;
  // The first occurrence is the first such weekday on or after the start date; then every step days.
  const anchor = start + ((weekday - weekdayOf(start) + 7) % 7);
  let day = from <= anchor ? anchor : anchor + Math.ceil((from - anchor) / step) * step;
  while (days.length < count && day <= end) {
    days.push(day);
    day += step;
  }
  return days;
}

/** An occurrence's start and end. */
export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** The slot of an occurrence on a local date. */
export function slotOn(series: SeriesTiming, day: number): Slot {
  const startsAt = zonedInstant(dateOfDay(day), series.startTime, series.timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + series.durationMinutes * 60_000) };
}

/**
 * The series' first occurrence starting after `after` that overlaps none of `taken`, or null when the series ends
 * first. Looks a few years ahead at most.
 */
export function nextSlot(series: SeriesTiming, after: Date, taken: readonly Slot[] = []): Slot | null {
  // Start a day early: the local date of `after` may be a day behind its UTC date.
  let fromDay = dayNumber(localDate(after, series.timeZone)) - 1;
  for (let round = 0; round < 40; round++) {
    const days = occurrenceDays(series, fromDay, 8);
    if (days.length === 0) return null;
    for (const day of days) {
      const slot = slotOn(series, day);
      if (slot.startsAt.getTime() <= after.getTime()) continue;
      if (taken.some((other) => overlaps(slot, other))) continue;
      return slot;
    }
    fromDay = days[days.length - 1] + 1;
  }
  return null;
}

/** The series' occurrences starting in [from, to) (the demo's year, an invite's list). */
export function slotsBetween(series: SeriesTiming, from: Date, to: Date): Slot[] {
  const slots: Slot[] = [];
  let fromDay = dayNumber(localDate(from, series.timeZone)) - 1;
  for (;;) {
    const days = occurrenceDays(series, fromDay, 16);
    if (days.length === 0) return slots;
    for (const day of days) {
      const slot = slotOn(series, day);
      if (slot.startsAt.getTime() >= to.getTime()) return slots;
      if (slot.startsAt.getTime() >= from.getTime()) slots.push(slot);
    }
    fromDay = days[days.length - 1] + 1;
  }
}

/** Whether two occurrences overlap (touching ends do not). */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The sides (marketing, IT) a set of people leaves without anyone. */
export function missingSides(sides: readonly RitualSide[]): Array<"marketing" | "it"> {
  return (["marketing", "it"] as const).filter((side) => !sides.includes(side));
}

/** A meeting's built agenda stops refreshing once it has started or is no longer scheduled. */
export function isFrozen(meeting: { status: string; startsAt: Date }, now: Date) {
  return meeting.status !== "scheduled" || meeting.startsAt.getTime() <= now.getTime();
}

/** Whether an action item is late: open past its due date, or done after it. */
export function isLate(item: { status: "open" | "done"; dueDate: string; completedAt: Date | null }, today: string) {
  if (item.status === "done")
    return item.completedAt !== null && item.completedAt.toISOString().slice(0, 10) > item.dueDate;
  return item.dueDate < today;
}

/** Whether an open action item falls in the reminder window (due within `days` days) or is overdue. */
export function isDueSoon(item: { status: "open" | "done"; dueDate: string }, today: string, days: number) {
  return item.status === "open" && dayNumber(item.dueDate) - dayNumber(today) <= days;
}

/** Completion per side: of the items due in a window, how many are done and how many were done on time. */
export function completionBySide(
  items: readonly { side: RitualSide; status: "open" | "done"; dueDate: string; completedAt: Date | null }[],
) {
  const sides: RitualSide[] = ["marketing", "it", "other"];
  return sides.map((side) => {
    const mine = items.filter((item) => item.side === side);
    const done = mine.filter((item) => item.status === "done");
    const onTime = done.filter((item) => !isLate(item, item.dueDate));
    return {
      side,
      due: mine.length,
      done: done.length,
      doneOnTime: onTime.length,
      completionRate: mine.length === 0 ? null : done.length / mine.length,
    };
  });
}
