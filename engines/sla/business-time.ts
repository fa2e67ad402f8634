// Business time between instants: a difference of two running totals (each a table look-up), minus the
// working time inside the union of the pauses; and its inverse, the instant a budget of business time runs out.
import { type CalendarTables, type CompiledCalendar, tablesOf } from "./calendar";
import { SlaInputError } from "./errors";
import { type Interval, SlaDefaults } from "./types";
import { MINUTE } from "./zone";

/** Business minutes in [from, to) outside the union of `pauses`; 0 when to <= from. Millisecond precision. */
export function businessMinutes(
  calendar: CompiledCalendar,
  from: number,
  to: number,
  pauses?: readonly Interval[],
): number {
  const tables = tablesOf(calendar);
  checkInstant(from, "from");
  checkInstant(to, "to");
  const count = mergePauses(pauses, "pauses", from, to);
  return to > from ? workingMs(tables, from, to, count) / MINUTE : 0;
}

/**
 * The earliest instant at which `minutes` business minutes (rounded to whole milliseconds) have elapsed since
 * `from`, not counting the working time inside `pauses`; no pauses beyond those given are assumed.
 */
export function addBusinessMinutes(
  calendar: CompiledCalendar,
  from: number,
  minutes: number,
  pauses?: readonly Interval[],
): number {
  const tables = tablesOf(calendar);
  checkInstant(from, "from");
  const budget = toMilliseconds(minutes, "minutes");
  const count = mergePauses(pauses, "pauses", from, SlaDefaults.latest);
  return instantAfter(tables, from, budget, count, "minutes");
}

/** Throws unless `value` is a finite instant in the supported range. */
export function checkInstant(value: unknown, field: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new SlaInputError(field, "must be an instant in epoch milliseconds");
  }
  if (value < SlaDefaults.earliest || value >= SlaDefaults.latest) {
    throw new SlaInputError(field, "must lie between 1900-01-01 and 2399-12-31");
  }
}

/** Whole milliseconds of a non-negative number of minutes. */
export function toMilliseconds(minutes: unknown, field: string): number {
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0) {
    throw new SlaInputError(field, "must be a non-negative number of minutes");
  }
  return Math.round(minutes * MINUTE);
}

// The merged pauses of the current call, sorted and disjoint: pauseStarts[i] < pauseEnds[i] <= pauseStarts[i + 1].
// Module-level scratch, so that 300,000 clocks allocate nothing; the engine is synchronous, so calls cannot interleave.
let pauseStarts = new Float64Array(16);
let pauseEnds = new Float64Array(16);

/**
 * Validates `pauses`, clips them to [low, high] and merges them into the scratch arrays; returns how many.
 * Overlapping and touching pauses become one, so no span is subtracted twice.
 */
export function mergePauses(pauses: readonly Interval[] | undefined, field: string, low: number, high: number): number {
  if (pauses === undefined) return 0;
  if (!Array.isArray(pauses)) throw new SlaInputError(field, "must be a list of {start, end} intervals");
  if (pauses.length > pauseStarts.length) {
    pauseStarts = new Float64Array(pauses.length * 2);
    pauseEnds = new Float64Array(pauses.length * 2);
  }
  let count = 0;
  for (let i = 0; i < pauses.length; i += 1) {
    const pause = pauses[i];
    if (typeof pause !== "object" || pause === null) throw new SlaInputError(`${field}[${i}]`, "must be {start, end}");
    const { start, end } = pause;
    if (typeof start !== "number" || !Number.isFinite(start)) {
      throw new SlaInputError(`${field}[${i}].start`, "must be an instant in epoch milliseconds");
    }
    if (typeof end !== "number" || !Number.isFinite(end)) {
      throw new SlaInputError(`${field}[${i}].end`, "must be an instant in epoch milliseconds");
    }
    if (end < start) throw new SlaInputError(`${field}[${i}].end`, "must not be before its start");
    const clippedStart = Math.max(start, low);
    const clippedEnd = Math.min(end, high);
    if (clippedEnd <= clippedStart) continue;
    // Insertion sort by start: pause lists are short.
    let at = count;
    while (at > 0 && pauseStarts[at - 1] > clippedStart) {
      pauseStarts[at] = pauseStarts[at - 1];
      pauseEnds[at] = pauseEnds[at - 1];
      at -= 1;
    }
    pauseStarts[at] = clippedStart;
    pauseEnds[at] = clippedEnd;
    count += 1;
  }
  let merged = 0;
  for (let i = 0; i < count; i += 1) {
    if (merged > 0 && pauseStarts[i] <= pauseEnds[merged - 1]) {
      if (pauseEnds[i] > pauseEnds[merged - 1]) pauseEnds[merged - 1] = pauseEnds[i];
    } else {
      pauseStarts[merged] = pauseStarts[i];
      pauseEnds[merged] = pauseEnds[i];
      merged += 1;
    }
  }
  return merged;
}

/** Working milliseconds in [from, to) outside the first `count` merged pauses (which must lie within [from, ∞)). */
export function workingMs(tables: CalendarTables, from: number, to: number, count: number): number {
  let total = tables.workingTotalAt(to) - tables.workingTotalAt(from);
  for (let i = 0; i < count; i += 1) {
    const start = pauseStarts[i];
    if (start >= to) break;
    const end = Math.min(pauseEnds[i], to);
    total -= tables.workingTotalAt(end) - tables.workingTotalAt(start);
  }
  return Math.max(total, 0);
}

/** The earliest instant with `budget` working ms elapsed since `from` outside the merged pauses (within [from, ∞)). */
export function instantAfter(
  tables: CalendarTables,
  from: number,
  budget: number,
  count: number,
  field: string,
): number {
  if (budget <= 0) return from;
  let current = from;
  let remaining = budget;
  let currentTotal = tables.workingTotalAt(current);
  for (let i = 0; i < count; i += 1) {
    const start = pauseStarts[i];
    const startTotal = tables.workingTotalAt(start);
    if (startTotal - currentTotal >= remaining) break;
    remaining -= startTotal - currentTotal;
    current = pauseEnds[i];
    currentTotal = tables.workingTotalAt(current);
  }
  return tables.instantAtTotal(currentTotal + remaining, current, field);
}
