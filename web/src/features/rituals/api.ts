import { ritualsCalendarApi } from "#contracts/api/rituals-calendar";
import { buildUrl, pathOf } from "../../lib/api";

/** The address of a meeting's invite (ICS). */
export function inviteUrl(meetingId: string) {
  return buildUrl(pathOf(ritualsCalendarApi.meetingInvite, { id: meetingId }));
}

/** The address of a series' calendar (ICS, every occurrence). */
export function seriesCalendarUrl(seriesId: string) {
  return buildUrl(pathOf(ritualsCalendarApi.seriesCalendar, { id: seriesId }));
}
