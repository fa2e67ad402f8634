// Validation of a work calendar and its compiled form: per local day, the UTC window [first instant the clocks
// read the start time, first instant they read the end time) and a running total of working milliseconds,
// built lazily in blocks of 512 days so any date from 1900 to 2399 costs only the blocks a caller touches.
import { SlaInputError } from "./errors";
import { SlaDefaults, type WorkCalendar } from "./types";
import {
  createOffsetReader,
  DAY,
  findOffsetSegments,
  firstInstantAtOrAfter,
  MINUTE,
  type OffsetSegments,
} from "./zone";

/** A validated calendar with its lazily built day tables; pass it to the engine's functions. */
export interface CompiledCalendar {
  /** The calendar as validated: working days sorted and unique, holidays sorted and unique. */
  readonly calendar: Readonly<WorkCalendar>;
}

const BLOCK_SHIFT = 9;
const BLOCK_DAYS = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK_DAYS - 1;
// Blocks cover local days from before 1900 to after 2399, with a block of margin each side.
const FIRST_BLOCK = Math.floor(SlaDefaults.earliest / DAY / BLOCK_DAYS) - 1;
const LAST_BLOCK = Math.floor(SlaDefaults.latest / DAY / BLOCK_DAYS) + 1;

interface DayBlock {
  /** Working milliseconds of all blocks before this one, relative to the first block built. */
  base: number;
  /** Per day: the UTC instant its working window starts (also for days that are not worked). */
  windowStarts: Float64Array;
  /** cumulative[i]: working milliseconds of days 0 … i − 1 of the block; cumulative[512] is the block's total. */
  cumulative: Float64Array;
}

// Offset segments are the same for every calendar in a zone: kept per zone and block, at most a few hundred.
const segmentCache = new Map<string, OffsetSegments>();
const SEGMENT_CACHE_LIMIT = 2000;

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar and returns its compiled form; throws SlaInputError naming the bad field. */
export function compileCalendar(calendar: WorkCalendar): CompiledCalendar {
  return new CalendarTables(validateCalendar(calendar));
}

/** The compiled tables behind a CompiledCalendar, or SlaInputError when something else was passed. */
export function tablesOf(compiled: CompiledCalendar): CalendarTables {
  if (compiled instanceof CalendarTables) return compiled;
  throw new SlaInputError("calendar", "must be the result of compileCalendar");
}

function validateCalendar(input: unknown): WorkCalendar {
  if (typeof input !== "object" || input === null) throw new SlaInputError("calendar", "must be an object");
  const { timeZone, workingDays, workingHours, holidays } = input as Record<string, unknown>;

  if (typeof timeZone !== "string" || timeZone.trim() === "") {
    throw new SlaInputError("timeZone", "must be an IANA time zone name such as Europe/Berlin");
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new SlaInputError("timeZone", `is not a time zone known to this runtime: ${JSON.stringify(timeZone)}`);
  }

  if (!Array.isArray(workingDays)) throw new SlaInputError("workingDays", "must be a list of ISO weekdays 1–7");
  workingDays.forEach((day, index) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new SlaInputError(`workingDays[${index}]`, "must be an ISO weekday from 1 (Monday) to 7 (Sunday)");
    }
  });
  if (workingDays.length === 0) throw new SlaInputError("workingDays", "must name at least one working day");

  if (typeof workingHours !== "object" || workingHours === null) {
    throw new SlaInputError("workingHours", "must be an object with start and end");
  }
  const { start, end } = workingHours as Record<string, unknown>;
  const startMinute = parseTime(start, "workingHours.start", false);
  const endMinute = parseTime(end, "workingHours.end", true);
  if (startMinute >= endMinute) throw new SlaInputError("workingHours.end", "must be later than workingHours.start");

  if (!Array.isArray(holidays)) throw new SlaInputError("holidays", "must be a list of dates YYYY-MM-DD");
  holidays.forEach((date, index) => {
    parseDate(date, `holidays[${index}]`);
  });

  return {
    timeZone,
    workingDays: [...new Set(workingDays as number[])].sort((a, b) => a - b),
    workingHours: { start: start as string, end: end as string },
    holidays: [...new Set(holidays as string[])].sort(),
  };
}

/** Minutes after local midnight of "HH:MM"; "24:00" only as an end. */
function parseTime(value: unknown, field: string, allowMidnightEnd: boolean): number {
  const match = typeof value === "string" ? TIME.exec(value) : null;
  if (match) {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if (hours < 24 && minutes < 60) return hours * 60 + minutes;
    if (allowMidnightEnd && hours === 24 && minutes === 0) return 24 * 60;
  }
  throw new SlaInputError(field, `must be a 24-hour local time "HH:MM"${allowMidnightEnd ? ' (up to "24:00")' : ""}`);
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" date. */
function parseDate(value: unknown, field: string): number {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  if (match) {
    const date = new Date(0);
    date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])) {
      return Math.round(date.getTime() / DAY);
    }
  }
  throw new SlaInputError(field, 'must be a calendar date "YYYY-MM-DD"');
}

/** ISO weekday (1 = Monday) of a day counted from 1970-01-01, a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export class CalendarTables implements CompiledCalendar {
  readonly calendar: Readonly<WorkCalendar>;
  private readonly startMs: number;
  private readonly endMs: number;
  private readonly weekdayMask: number;
  private readonly holidayDays: Set<number>;
  private readonly offsetAt: (instant: number) => number;
  private readonly blocks: (DayBlock | undefined)[] = [];
  private lowestBlock = 0;
  private highestBlock = -1;

  constructor(calendar: WorkCalendar) {
    this.calendar = calendar;
    this.startMs = parseTime(calendar.workingHours.start, "workingHours.start", false) * MINUTE;
    this.endMs = parseTime(calendar.workingHours.end, "workingHours.end", true) * MINUTE;
    this.weekdayMask = calendar.workingDays.reduce((mask, day) => mask | (1 << day), 0);
    this.holidayDays = new Set(calendar.holidays.map((date, index) => parseDate(date, `holidays[${index}]`)));
    this.offsetAt = createOffsetReader(calendar.timeZone);
  }

  /** Working milliseconds from an origin fixed per compiled calendar up to `instant`; nondecreasing. */
  workingTotalAt(instant: number): number {
    let day = Math.floor((instant - this.startMs) / DAY);
    let block = this.block(day >> BLOCK_SHIFT);
    // The guess is at most a day off (offsets are within ±14 h): step to the last window starting at or before.
    for (;;) {
      const next = day + 1;
      const nextBlock = next & BLOCK_MASK ? block : this.block(next >> BLOCK_SHIFT);
      if (nextBlock.windowStarts[next & BLOCK_MASK] > instant) break;
      day = next;
      block = nextBlock;
    }
    while (block.windowStarts[day & BLOCK_MASK] > instant) {
      day -= 1;
      block = this.block(day >> BLOCK_SHIFT);
    }
    const index = day & BLOCK_MASK;
    const before = block.cumulative[index];
    const length = block.cumulative[index + 1] - before;
    const into = instant - block.windowStarts[index];
    return block.base + before + Math.min(into, length);
  }

  /**
   * The earliest instant whose working total reaches `total`, searching from the block of `hint` (an instant
   * whose total is below `total`); SlaInputError naming `field` when that lies beyond the supported range.
   */
  instantAtTotal(total: number, hint: number, field: string): number {
    let blockIndex = Math.floor((hint - this.startMs) / DAY - 1) >> BLOCK_SHIFT;
    let block = this.block(blockIndex);
    while (block.base + block.cumulative[BLOCK_DAYS] < total) {
      blockIndex += 1;
      if (blockIndex >= LAST_BLOCK) throw new SlaInputError(field, "reaches beyond the year 2399");
      block = this.block(blockIndex);
    }
    const relative = total - block.base;
    const cumulative = block.cumulative;
    // The smallest j with cumulative[j] >= relative; the day j − 1 holds the instant.
    let low = 1;
    let high = BLOCK_DAYS;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] >= relative) high = middle;
      else low = middle + 1;
    }
    const day = low - 1;
    const instant = block.windowStarts[day] + (relative - cumulative[day]);
    if (instant >= SlaDefaults.latest) throw new SlaInputError(field, "reaches beyond the year 2399");
    return instant;
  }

  private block(index: number): DayBlock {
    const existing = this.blocks[index - FIRST_BLOCK];
    if (existing !== undefined) return existing;
    if (index < FIRST_BLOCK || index > LAST_BLOCK) throw new SlaInputError("instant", "is outside 1900–2399");
    // Blocks are built contiguously so each block's base (the total before it) is known.
    if (this.highestBlock < this.lowestBlock) {
      this.store(index, this.buildBlock(index, 0));
      this.lowestBlock = index;
      this.highestBlock = index;
    }
    while (this.highestBlock < index) {
      const previous = this.blocks[this.highestBlock - FIRST_BLOCK]!;
      this.highestBlock += 1;
      this.store(
        this.highestBlock,
        this.buildBlock(this.highestBlock, previous.base + previous.cumulative[BLOCK_DAYS]),
      );
    }
    while (this.lowestBlock > index) {
      const following = this.blocks[this.lowestBlock - FIRST_BLOCK]!;
      this.lowestBlock -= 1;
      const built = this.buildBlock(this.lowestBlock, 0);
      built.base = following.base - built.cumulative[BLOCK_DAYS];
      this.store(this.lowestBlock, built);
    }
    return this.blocks[index - FIRST_BLOCK]!;
  }

  private store(index: number, block: DayBlock): void {
    this.blocks[index - FIRST_BLOCK] = block;
  }

  private buildBlock(index: number, base: number): DayBlock {
    const firstDay = index * BLOCK_DAYS;
    const segments = this.segmentsFor(index);
    const windowStarts = new Float64Array(BLOCK_DAYS);
    const cumulative = new Float64Array(BLOCK_DAYS + 1);
    for (let i = 0; i < BLOCK_DAYS; i += 1) {
      const day = firstDay + i;
      const midnight = day * DAY;
      const start = firstInstantAtOrAfter(segments, midnight + this.startMs);
      windowStarts[i] = start;
      let length = 0;
      if ((this.weekdayMask & (1 << isoWeekday(day))) !== 0 && !this.holidayDays.has(day)) {
        length = firstInstantAtOrAfter(segments, midnight + this.endMs) - start;
      }
      cumulative[i + 1] = cumulative[i] + length;
    }
    return { base, windowStarts, cumulative };
  }

  private segmentsFor(index: number): OffsetSegments {
    const key = `${this.calendar.timeZone}\u0000${index}`;
    let segments = segmentCache.get(key);
    if (segments === undefined) {
      const firstDay = index * BLOCK_DAYS;
      // Windows of the block's days lie within a day of their local dates; two days of margin each side.
      segments = findOffsetSegments(this.offsetAt, (firstDay - 2) * DAY, (firstDay + BLOCK_DAYS + 3) * DAY);
      if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
      segmentCache.set(key, segments);
    }
    return segments;
  }
}
