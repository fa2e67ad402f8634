// iCalendar (RFC 5545) for Rituals, written by ical-generator: an invite per occurrence (METHOD:REQUEST, or
// METHOD:CANCEL to take it out of calendars), a series invite with its RRULE, and the per-person feed that carries
// the Stack's renewals and the person's meetings. Times are written in the series' time zone with its VTIMEZONE
// block (from @touch4it/ical-timezones), or in UTC for a zone it does not know. Pure: data in, text out.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
  ICalWeekday,
} from "ical-generator";
import type { Cadence, Weekday } from "#contracts/rituals";

/** Someone on an invite. */
export interface IcsPerson {
  name: string;
  email: string;
}

/** One line of the agenda an invite carries in its description. */
export interface IcsAgendaLine {
  section: string;
  title: string;
  minutes: number;
  owner: string | null;
}

/** One occurrence as an invite shows it. */
export interface IcsMeeting {
  /**
   * Stable across edits: the series' UID for an occurrence that stands for an instance of the series' RRULE (then
   * with `recurrenceId`), else the occurrence's own (`meeting-<id>@tandem` style).
   */
  uid: string;
  /** The start of the RRULE instance it stands for (RECURRENCE-ID), or null for a single event. */
  recurrenceId: Date | null;
  /** Bumped on every change a calendar should take (time, status, attendees). */
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  cancelled: boolean;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
  agenda: IcsAgendaLine[];
  /** The meeting's page in Tandem (absolute URL), or null. */
  url: string | null;
}

/** A series as one recurring event. */
export interface IcsSeries {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  cadence: Cadence;
  /** The first occurrence's local date (`YYYY-MM-DD`) and time (`HH:MM`) in `timeZone`. */
  firstDate: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number;
  /** The last day it may meet (inclusive, local), or null. */
  endDate: string | null;
  /** Local start instants of occurrences that were cancelled (EXDATE), as `YYYY-MM-DD`. */
  cancelledDates: string[];
  /**
   * Occurrences the RRULE alone does not describe: moved instances (with `recurrenceId`, the series' UID) and
   * occurrences off the cadence (their own UID), each as its invite shows it.
   */
  exceptions: IcsMeeting[];
  ended: boolean;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
  url: string | null;
}

/** An all-day entry of the feed (the Stack's renewals). */
export interface IcsDayEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  /** Days before the date a calendar app should remind, or null for none. */
  alarmDaysBefore: number | null;
}

const PRODID = { company: "Tandem", product: "Rituals", language: "EN" } as const;

const WEEKDAYS: Record<Weekday, ICalWeekday> = {
  monday: ICalWeekday.MO,
  tuesday: ICalWeekday.TU,
  wednesday: ICalWeekday.WE,
  thursday: ICalWeekday.TH,
  friday: ICalWeekday.FR,
  saturday: ICalWeekday.SA,
  sunday: ICalWeekday.SU,
};

// The zone blocks are files read from disk: each zone's is read once per process.
const zoneBlocks = new Map<string, string | null>();
function vtimezoneOf(timeZone: string) {
  if (!zoneBlocks.has(timeZone)) zoneBlocks.set(timeZone, timeZone === "UTC" ? null : getVtimezoneComponent(timeZone));
  return zoneBlocks.get(timeZone) ?? null;
}

/** Whether a VTIMEZONE block is known for the zone (otherwise times are written in UTC). */
export function hasVtimezone(timeZone: string) {
  return vtimezoneOf(timeZone) !== null;
}

function newCalendar(name: string, method: ICalCalendarMethod | null): ICalCalendar {
  return ical({
    name,
    prodId: PRODID,
    method: method ?? undefined,
    // No calendar-wide zone (DTSTAMP stays UTC): each event names its own, and the generator adds its VTIMEZONE.
    timezone: { name: null, generator: vtimezoneOf },
  });
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

// The wall clock of an instant in a zone, read from Intl (no zone data of our own; one formatter per zone).
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The instant a local date and time in a zone names (the later reading in a repeated hour, shifted past a gap). */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const seen = wallClockOf(new Date(guess), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

// ical-generator writes a Temporal PlainDateTime as the wall clock in the event's TZID; this stub carries the wall
// clock we computed (a plain Date would be read in the server process's own zone).
function plainDateTime(wall: WallClock, timeZone: string): ICalTemporalPlainDateTimeStub {
  const text = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  const instant = instantOf(text.slice(0, 10), text.slice(11, 16), timeZone);
  const plain: ICalTemporalPlainDateTimeStub = {
    ...wall,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => ({
      year: wall.year,
      month: wall.month,
      day: wall.day,
      toJSON: () => text.slice(0, 10),
      toString: () => text.slice(0, 10),
    }),
    toZonedDateTime: () => zoned,
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...wall,
    timeZoneId: timeZone,
    toJSON: () => `${text}[${timeZone}]`,
    toString: () => `${text}[${timeZone}]`,
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => instant.toISOString(),
      toString: () => instant.toISOString(),
      toZonedDateTimeISO: () => zoned,
    }),
  };
  return plain;
}

// Start and end of a timed event: in the zone with its VTIMEZONE, or in UTC.
function times(startsAt: Date, endsAt: Date, timeZone: string): Pick<ICalEventData, "start" | "end" | "timezone"> {
  if (!hasVtimezone(timeZone)) return { start: startsAt, end: endsAt };
  return {
    start: plainDateTime(wallClockOf(startsAt, timeZone), timeZone),
    end: plainDateTime(wallClockOf(endsAt, timeZone), timeZone),
    timezone: timeZone,
  };
}

function people(organizer: IcsPerson | null, attendees: IcsPerson[], cancelled: boolean) {
  return {
    organizer: organizer ? { name: organizer.name, email: organizer.email } : null,
    attendees: attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancelled,
    })),
  };
}

/** The agenda as plain text: one line per item with its time box and owner, grouped by section. */
export function agendaText(agenda: IcsAgendaLine[]): string {
  if (agenda.length === 0) return "The agenda is built from the partnership's live data before the meeting.";
  const lines: string[] = ["Agenda"];
  let section: string | null = null;
  for (const item of agenda) {
    if (item.section !== section) {
      section = item.section;
      lines.push("", section);
    }
    lines.push(`- ${item.title} (${item.minutes} min${item.owner ? `, ${item.owner}` : ""})`);
  }
  return lines.join("\n");
}

function meetingDescription(meeting: IcsMeeting) {
  const text = agendaText(meeting.agenda);
  return meeting.url ? `${text}\n\n${meeting.url}` : text;
}

// A RECURRENCE-ID names the instance as the RRULE writes it: in the series' zone (with its VTIMEZONE) or in UTC.
function recurrenceIdOf(meeting: IcsMeeting) {
  if (meeting.recurrenceId === null) return {};
  return {
    recurrenceId: hasVtimezone(meeting.timeZone)
      ? plainDateTime(wallClockOf(meeting.recurrenceId, meeting.timeZone), meeting.timeZone)
      : meeting.recurrenceId,
  };
}

function addMeetingEvent(calendar: ICalCalendar, meeting: IcsMeeting, now: Date) {
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: now,
    ...times(meeting.startsAt, meeting.endsAt, meeting.timeZone),
    ...recurrenceIdOf(meeting),
    summary: meeting.title,
    description: meetingDescription(meeting),
    status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: meeting.url,
    ...people(meeting.organizer, meeting.attendees, meeting.cancelled),
  });
}

/** The invite of one occurrence: METHOD:REQUEST, or METHOD:CANCEL once it is cancelled. */
export function renderMeetingInvite(meeting: IcsMeeting, now: Date): string {
  const calendar = newCalendar(
    meeting.title,
    meeting.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  );
  addMeetingEvent(calendar, meeting, now);
  return calendar.toString();
}

// RRULE parts of a cadence.
function recurrence(series: IcsSeries) {
  const byDay = WEEKDAYS[series.cadence.weekday];
  const until = series.endDate ? instantOf(series.endDate, series.startTime, series.timeZone) : undefined;
  const exclude = series.cancelledDates.map((date) => {
    const at = instantOf(date, series.startTime, series.timeZone);
    return hasVtimezone(series.timeZone) ? plainDateTime(wallClockOf(at, series.timeZone), series.timeZone) : at;
  });
  const common = { until, exclude: exclude.length > 0 ? exclude : undefined };
  switch (series.cadence.kind) {
    case "weekly":
      return { freq: ICalEventRepeatingFreq.WEEKLY, interval: 1, byDay: [byDay], ...common };
    case "every_n_weeks":
      return { freq: ICalEventRepeatingFreq.WEEKLY, interval: series.cadence.intervalWeeks, byDay: [byDay], ...common };
    case "monthly_nth_weekday":
      return {
        freq: ICalEventRepeatingFreq.MONTHLY,
        interval: 1,
        byDay: [byDay],
        bySetPos: series.cadence.nth,
        ...common,
      };
  }
}

/**
 * The series as one recurring event (RRULE in its time zone, cancelled instances as EXDATE) and, under the same
 * UID, an override per moved instance (RECURRENCE-ID); occurrences off the cadence follow as events of their own.
 * METHOD:CANCEL once the series ended.
 */
export function renderSeriesInvite(series: IcsSeries, now: Date): string {
  const calendar = newCalendar(series.title, series.ended ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const startsAt = instantOf(series.firstDate, series.startTime, series.timeZone);
  const endsAt = new Date(startsAt.getTime() + series.durationMinutes * 60_000);
  calendar.createEvent({
    id: series.uid,
    sequence: series.sequence,
    stamp: now,
    ...times(startsAt, endsAt, series.timeZone),
    repeating: recurrence(series),
    summary: series.title,
    description: [series.description, series.url].filter(Boolean).join("\n\n"),
    status: series.ended ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: series.url,
    ...people(series.organizer, series.attendees, series.ended),
  });
  for (const meeting of series.exceptions) addMeetingEvent(calendar, meeting, now);
  return calendar.toString();
}

/** A person's subscribable feed: all-day entries (renewals, with their alarm) and their meetings (METHOD:PUBLISH). */
export function renderPersonFeed(input: { name: string; days: IcsDayEvent[]; meetings: IcsMeeting[]; now: Date }) {
  const calendar = newCalendar(input.name, ICalCalendarMethod.PUBLISH);
  for (const day of input.days) {
    const [year, month, date] = day.date.split("-").map(Number);
    calendar.createEvent({
      id: day.uid,
      stamp: input.now,
      allDay: true,
      start: {
        year,
        month,
        day: date,
        toJSON: () => day.date,
        toString: () => day.date,
        toPlainDateTime: () => plainDateTime({ year, month, day: date, hour: 0, minute: 0, second: 0 }, "UTC"),
      } as ICalTemporalPlainDateStub,
      summary: day.summary,
      description: day.description,
      transparency: ICalEventTransparency.TRANSPARENT,
      alarms:
        day.alarmDaysBefore === null
          ? []
          : [{ type: ICalAlarmType.display, trigger: day.alarmDaysBefore * 86_400, description: day.summary }],
    });
  }
  for (const meeting of input.meetings) addMeetingEvent(calendar, meeting, input.now);
  return calendar.toString();
}
