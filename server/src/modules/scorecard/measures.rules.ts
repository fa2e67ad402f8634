// Pure date rules of computed measures: the windows they read and the dates a cadence measures on.
import type { KpiCadence } from "#contracts/scorecard";
import { dateOfDay, dayNumber } from "./scorecard.rules";

/** The first day of the calendar quarter of a date. */
export function quarterStartOf(date: string): string {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

/** The first day of the window of `days` days that ends on a date (inclusive). */
export function trailingStartOf(date: string, days: number): string {
  return dateOfDay(dayNumber(date) - days + 1);
}

/** The day after a date. */
export function dayAfter(date: string): string {
  return dateOfDay(dayNumber(date) + 1);
}

/** The window the Guardrails' measures read for a date, as their report's default: [date − 364 days, date + 1 day). */
export function guardrailWindowOf(date: string): { from: string; to: string } {
  return { from: trailingStartOf(date, GUARDRAIL_WINDOW_DAYS), to: dayAfter(date) };
}

/** The Guardrails' report reads the twelve months (365 days) up to a date. */
export const GUARDRAIL_WINDOW_DAYS = 365;

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The dates a KPI of this cadence is measured on between start and end (inclusive): the end of each week (counted
 * from the start), month or calendar quarter, and the end itself.
 */
export function cadenceDates(start: string, end: string, cadence: KpiCadence): string[] {
  if (end < start) return [];
  const dates: string[] = [];
  if (cadence === "weekly") {
    for (let day = dayNumber(start) + 6; day <= dayNumber(end); day += 7) dates.push(dateOfDay(day));
  } else {
    const step = cadence === "monthly" ? 1 : 3;
    let year = Number(start.slice(0, 4));
    let month = Number(start.slice(5, 7));
    if (cadence === "quarterly") month = Math.floor((month - 1) / 3) * 3 + 3;
    for (;;) {
      const date = lastDayOfMonth(year, month);
      if (date > end) break;
      if (date >= start) dates.push(date);
      month += step;
      if (month > 12) {
        month -= 12;
        year += 1;
      }
    }
  }
  if (dates[dates.length - 1] !== end) dates.push(end);
  return dates;
}
