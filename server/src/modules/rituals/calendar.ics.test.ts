// The iCalendar Rituals writes (with ical-generator), read back with a different library (ical.js): every field an
// invite, a series and the feed promise is checked as a calendar app would see it.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  type IcsMeeting,
  type IcsSeries,
  instantOf,
  renderMeetingInvite,
  renderPersonFeed,
  renderSeriesInvite,
} from "./calendar.ics";

const now = new Date("2026-11-20T08:00:00Z");

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Register the calendar's own VTIMEZONE blocks: times are read through them, as a calendar app reads them.
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function meeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    uid: "meeting-0b6c2c38@tandem",
    recurrenceId: null,
    sequence: 3,
    title: "CMO–CIO weekly sync",
    // 10:00 in Berlin on the first Tuesday after the switch to summer time.
    startsAt: new Date("2027-03-30T08:00:00Z"),
    endsAt: new Date("2027-03-30T08:45:00Z"),
    timeZone: "Europe/Berlin",
    cancelled: false,
    organizer: { name: "Maria Schmidt", email: "maria@acme.test" },
    attendees: [
      { name: "Maria Schmidt", email: "maria@acme.test" },
      { name: "Omar, IT", email: "omar@acme.test" },
    ],
    agenda: [
      { section: "Numbers", title: "Qualified leads: off track; 61% of target", minutes: 10, owner: "Maria Schmidt" },
      { section: "Waiting on a decision", title: "REQ-12 CDP evaluation", minutes: 20, owner: "Omar, IT" },
      { section: "Other business", title: "Café budget — ünïcödé", minutes: 15, owner: null },
    ],
    url: "https://tandem.acme.test/rituals/meetings/0b6c2c38",
    ...overrides,
  };
}

describe("the invite of one occurrence", () => {
  it("is a METHOD:REQUEST with a stable UID, its SEQUENCE, times in the series' zone, attendees and the agenda", () => {
    const text = renderMeetingInvite(meeting(), now);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Tandem//Rituals//EN");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe("meeting-0b6c2c38@tandem");
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe("CMO–CIO weekly sync");
    expect(event.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(event.startDate.toString()).toBe("2027-03-30T10:00:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-30T08:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-30T08:45:00.000Z");
    expect(event.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-20T08:00:00Z");
    expect(event.organizer).toBe("mailto:maria@acme.test");
    const attendees = event.attendees.map((attendee) => ({
      address: String(attendee.getFirstValue()).toLowerCase(),
      name: attendee.getParameter("cn"),
      status: attendee.getParameter("partstat"),
      rsvp: attendee.getParameter("rsvp"),
    }));
    expect(attendees).toEqual([
      { address: "mailto:maria@acme.test", name: "Maria Schmidt", status: "NEEDS-ACTION", rsvp: "TRUE" },
      { address: "mailto:omar@acme.test", name: "Omar, IT", status: "NEEDS-ACTION", rsvp: "TRUE" },
    ]);
    expect(event.description).toBe(
      [
        "Agenda",
        "",
        "Numbers",
        "- Qualified leads: off track; 61% of target (10 min, Maria Schmidt)",
        "",
        "Waiting on a decision",
        "- REQ-12 CDP evaluation (20 min, Omar, IT)",
        "",
        "Other business",
        "- Café budget — ünïcödé (15 min)",
        "",
        "https://tandem.acme.test/rituals/meetings/0b6c2c38",
      ].join("\n"),
    );
    expect(event.component.getFirstPropertyValue("url")).toBe("https://tandem.acme.test/rituals/meetings/0b6c2c38");
    // RFC 5545: CRLF line ends, no line longer than 75 octets (multi-byte characters never cut).
    expect(text.endsWith("END:VCALENDAR")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("keeps its UID and bumps SEQUENCE when moved, and turns into METHOD:CANCEL when cancelled", () => {
    const moved = parse(
      renderMeetingInvite(
        meeting({
          sequence: 4,
          startsAt: new Date("2027-03-31T12:00:00Z"),
          endsAt: new Date("2027-03-31T13:00:00Z"),
        }),
        now,
      ),
    );
    expect(moved.events[0].uid).toBe("meeting-0b6c2c38@tandem");
    expect(moved.events[0].sequence).toBe(4);
    expect(moved.events[0].startDate.toString()).toBe("2027-03-31T14:00:00");

    const cancelled = parse(renderMeetingInvite(meeting({ sequence: 5, cancelled: true }), now));
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const [event] = cancelled.events;
    expect(event.uid).toBe("meeting-0b6c2c38@tandem");
    expect(event.sequence).toBe(5);
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.attendees.map((attendee) => attendee.getParameter("partstat"))).toEqual(["DECLINED", "DECLINED"]);
  });

  it("writes UTC times for UTC (and any zone without a VTIMEZONE block)", () => {
    const { calendar, events } = parse(renderMeetingInvite(meeting({ timeZone: "UTC" }), now));
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(0);
    expect(events[0].startDate.zone?.tzid).toBe("UTC");
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2027-03-30T08:00:00.000Z");
  });

  it("says the agenda is still to be built when it is empty", () => {
    const { events } = parse(renderMeetingInvite(meeting({ agenda: [], url: null }), now));
    expect(events[0].description).toBe("The agenda is built from the partnership's live data before the meeting.");
    expect(events[0].component.getFirstPropertyValue("url")).toBeNull();
  });
});

function series(overrides: Partial<IcsSeries> = {}): IcsSeries {
  return {
    uid: "series-5f1e@tandem",
    sequence: 1,
    title: "Monthly joint steering",
    description: "Marketing and IT leads, monthly.",
    cadence: { kind: "monthly_nth_weekday", nth: 1, weekday: "thursday" },
    firstDate: "2027-01-07",
    startTime: "09:30",
    timeZone: "America/New_York",
    durationMinutes: 90,
    endDate: null,
    cancelledDates: [],
    exceptions: [],
    ended: false,
    organizer: { name: "Maria Schmidt", email: "maria@acme.test" },
    attendees: [{ name: "Omar", email: "omar@acme.test" }],
    url: "https://tandem.acme.test/rituals/series/5f1e",
    ...overrides,
  };
}

// The first `count` local start times the parsed RRULE yields, read in the event's zone.
function occurrences(event: ICAL.Event, count: number) {
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < count; next = iterator.next()) found.push(next.toString());
  return found;
}

describe("the invite of a series", () => {
  it("repeats monthly on the Nth weekday in the series' zone, across daylight-saving changes", () => {
    const { calendar, events } = parse(renderSeriesInvite(series(), now));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const [event] = events;
    expect(event.uid).toBe("series-5f1e@tandem");
    expect(event.sequence).toBe(1);
    expect(event.isRecurring()).toBe(true);
    const rule = event.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("MONTHLY");
    expect(rule.parts.BYDAY).toEqual(["TH"]);
    expect(rule.parts.BYSETPOS).toEqual([1]);
    expect(event.startDate.zone?.tzid).toBe("America/New_York");
    expect(event.duration.toSeconds()).toBe(90 * 60);
    expect(occurrences(event, 4)).toEqual([
      "2027-01-07T09:30:00",
      "2027-02-04T09:30:00",
      "2027-03-04T09:30:00",
      "2027-04-01T09:30:00",
    ]);
    // 09:30 in New York is 14:30 UTC in winter and 13:30 UTC in summer: the zone's rules travel with the invite.
    const iterator = event.iterator();
    iterator.next();
    const januaryInUtc = event.startDate.toJSDate().toISOString();
    let april = iterator.next();
    for (let i = 0; i < 2; i++) april = iterator.next();
    expect(januaryInUtc).toBe("2027-01-07T14:30:00.000Z");
    expect(april.toJSDate().toISOString()).toBe("2027-04-01T13:30:00.000Z");
    expect(event.description).toBe("Marketing and IT leads, monthly.\n\nhttps://tandem.acme.test/rituals/series/5f1e");
    expect(event.attendees.map((attendee) => attendee.getParameter("cn"))).toEqual(["Omar"]);
  });

  it("repeats on the last weekday of the month with BYSETPOS=-1", () => {
    const { events } = parse(
      renderSeriesInvite(
        series({ cadence: { kind: "monthly_nth_weekday", nth: -1, weekday: "friday" }, firstDate: "2027-01-29" }),
        now,
      ),
    );
    expect(occurrences(events[0], 3)).toEqual(["2027-01-29T09:30:00", "2027-02-26T09:30:00", "2027-03-26T09:30:00"]);
  });

  it("repeats weekly, and every N weeks, until its end date, without the cancelled dates", () => {
    const weekly = parse(
      renderSeriesInvite(
        series({
          cadence: { kind: "weekly", weekday: "tuesday" },
          firstDate: "2027-03-23",
          startTime: "10:00",
          timeZone: "Europe/Berlin",
          endDate: "2027-04-13",
          cancelledDates: ["2027-04-06"],
        }),
        now,
      ),
    ).events[0];
    const rule = weekly.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.interval).toBe(1);
    expect(rule.until?.toJSDate().toISOString()).toBe(instantOf("2027-04-13", "10:00", "Europe/Berlin").toISOString());
    expect(occurrences(weekly, 10)).toEqual(["2027-03-23T10:00:00", "2027-03-30T10:00:00", "2027-04-13T10:00:00"]);

    const quarterly = parse(
      renderSeriesInvite(
        series({
          cadence: { kind: "every_n_weeks", intervalWeeks: 13, weekday: "wednesday" },
          firstDate: "2027-01-06",
          timeZone: "Asia/Kolkata",
        }),
        now,
      ),
    ).events[0];
    const quarterlyRule = quarterly.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(quarterlyRule.interval).toBe(13);
    expect(quarterlyRule.parts.BYDAY).toEqual(["WE"]);
    expect(occurrences(quarterly, 3)).toEqual(["2027-01-06T09:30:00", "2027-04-07T09:30:00", "2027-07-07T09:30:00"]);
  });

  it("is a METHOD:CANCEL once the series ended", () => {
    const { calendar, events } = parse(renderSeriesInvite(series({ ended: true, sequence: 7 }), now));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0].sequence).toBe(7);
    expect(events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("a person's feed", () => {
  it("carries all-day renewal entries with their alarm and the person's meetings", () => {
    const text = renderPersonFeed({
      name: "Tandem · Maria Schmidt",
      days: [
        {
          uid: "tool-1-cancel-by-20261231@tandem",
          date: "2026-12-31",
          summary: "Cancel by: Webinar Co, Inc.",
          description: "Renews on 2027-03-01.",
          alarmDaysBefore: 7,
        },
        {
          uid: "tool-1-renewal-20270301@tandem",
          date: "2027-03-01",
          summary: "Renews: Webinar Co, Inc.",
          description: "Renews on 2027-03-01.",
          alarmDaysBefore: null,
        },
      ],
      meetings: [meeting(), meeting({ uid: "meeting-2@tandem", cancelled: true, sequence: 1 })],
      now,
    });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tandem · Maria Schmidt");
    expect(events.map((event) => event.uid)).toEqual([
      "tool-1-cancel-by-20261231@tandem",
      "tool-1-renewal-20270301@tandem",
      "meeting-0b6c2c38@tandem",
      "meeting-2@tandem",
    ]);
    const [cancelBy, renewal, held, cancelled] = events;
    expect(cancelBy.startDate.isDate).toBe(true);
    expect(cancelBy.startDate.toString()).toBe("2026-12-31");
    expect(cancelBy.summary).toBe("Cancel by: Webinar Co, Inc.");
    const alarms = cancelBy.component.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    expect(alarms[0].getFirstPropertyValue("trigger")?.toString()).toBe("-P7D");
    expect(renewal.component.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(held.startDate.toJSDate().toISOString()).toBe("2027-03-30T08:00:00.000Z");
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
