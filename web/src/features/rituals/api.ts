import { ritualsCalendarApi } from "#contracts/api/rituals-calendar";
import type { User } from "#contracts/people";
import { api, buildUrl, pathOf } from "../../lib/api";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Active people with their teams, for participant and owner pickers (people have no declared routes yet). */
export async function listPeople(): Promise<User[]> {
  const items: User[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 20; count++) {
    const page = await api<Page<User>>("/users", { query: { status: "active", limit: 200, cursor } });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** The address of a meeting's invite (ICS). */
export function inviteUrl(meetingId: string) {
  return buildUrl(pathOf(ritualsCalendarApi.meetingInvite, { id: meetingId }));
}

/** The address of a series' calendar (ICS, every occurrence). */
export function seriesCalendarUrl(seriesId: string) {
  return buildUrl(pathOf(ritualsCalendarApi.seriesCalendar, { id: seriesId }));
}
