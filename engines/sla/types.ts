/** A workspace's working calendar. */
export interface WorkCalendar {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekdays that are worked: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local "HH:MM" 24-hour times, start < end ("09:00"–"17:30"); end may be "24:00". */
  workingHours: { start: string; end: string };
  /** Local dates "YYYY-MM-DD" that are not worked. */
  holidays: string[];
}

/** A half-open span of time [start, end) in epoch milliseconds, start <= end. */
export interface Interval {
  start: number;
  end: number;
}

export type ClockStatus = "met" | "breached" | "running" | "at_risk";

/** One service-level clock: from `start` to `stop` (or `now` while it runs), paused during `pauses`. */
export interface ClockInput {
  /** When the clock started (the request was submitted). */
  start: number;
  /** When the target event happened; null while it has not. */
  stop: number | null;
  /** While waiting on the requester; may overlap each other and extend past stop/now; an open one ends at `now`. */
  pauses: readonly Interval[];
  now: number;
  /** Business minutes allowed. */
  targetMinutes: number;
  /** A running clock with elapsed >= ratio × target is at_risk; default 0.75. */
  atRiskRatio?: number;
}

export interface ClockResult {
  /** Business minutes used up to stop ?? now, pauses excluded; never negative. */
  elapsedMinutes: number;
  /** met: stopped within target; breached: elapsed beyond target (stopped late, or running past it). */
  status: ClockStatus;
  /** The instant the target is or was reached: addBusinessMinutes from start with the given pauses. */
  dueAt: number;
  /** dueAt when breached, else null. */
  breachedAt: number | null;
}

export const SlaDefaults = {
  atRiskRatio: 0.75,
  /** Instants the engine accepts: 1900-01-01T00:00Z (inclusive) to 2400-01-01T00:00Z (exclusive). */
  earliest: Date.UTC(1900, 0, 1),
  latest: Date.UTC(2400, 0, 1),
} as const;
