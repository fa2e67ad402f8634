import { IdParams } from "../common";
import { MeetingMinutes } from "../minutes";
import { defineRoute } from "../route";
import { CalendarFeedQuery } from "../stack";

const tags = ["rituals"];

/**
 * The calendar side of Rituals: an occurrence's invite, a series' calendar, the person's feed, and the minutes.
 * The three calendars answer text/calendar, so they declare no JSON answer (only their errors are documented).
 */
export const ritualsCalendarApi = {
  meetingInvite: defineRoute({
    method: "GET",
    path: "/meetings/:id/invite.ics",
    tags,
    summary: "An occurrence's invite (METHOD:REQUEST, or METHOD:CANCEL once cancelled)",
    params: IdParams,
    response: {},
  }),
  seriesCalendar: defineRoute({
    method: "GET",
    path: "/meeting-series/:id/calendar.ics",
    tags,
    summary: "A series as one recurring event (RRULE in its time zone)",
    params: IdParams,
    response: {},
  }),
  minutes: defineRoute({
    method: "GET",
    path: "/meetings/:id/minutes",
    tags,
    summary: "A meeting's minutes: decisions with reasons, action items, information, notes and links",
    params: IdParams,
    response: { 200: MeetingMinutes },
  }),
  personCalendar: defineRoute({
    method: "GET",
    path: "/calendar.ics",
    tags,
    summary: "My calendar feed: the Stack's renewals and my meetings (the secret address from POST /me/calendar-feed)",
    query: CalendarFeedQuery,
    response: {},
  }),
};
