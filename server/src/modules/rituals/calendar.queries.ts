// Drizzle queries of the calendar, the invites and the minutes: what an invite, a feed or the minutes read of a
// meeting and its series, and the announcements already sent. Scoped by workspace where a person asks.
import { and, asc, eq, gt, gte, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import {
  actionItems,
  agendaItems,
  meetingAnnouncements,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetingSeriesParticipants,
  meetings,
  requests,
  teams,
  users,
} from "../../db/schema";

const organizer = alias(users, "meeting_organizer");

/** A meeting with its series and the series' creator (the invite's organizer). */
export async function findMeetingWithSeries(tx: Tx, workspaceId: string | null, id: string) {
  const [row] = await tx
    .select({
      meeting: meetings,
      series: meetingSeries,
      organizer: { name: organizer.name, email: organizer.email, status: organizer.status },
    })
    .from(meetings)
    .innerJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .leftJoin(organizer, eq(organizer.id, meetingSeries.createdById))
    .where(and(eq(meetings.id, id), workspaceId ? eq(meetings.workspaceId, workspaceId) : undefined));
  return row ?? null;
}

export type MeetingWithSeries = NonNullable<Awaited<ReturnType<typeof findMeetingWithSeries>>>;

/** A series with its creator, or null. */
export async function findSeriesWithOrganizer(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({
      series: meetingSeries,
      organizer: { name: organizer.name, email: organizer.email, status: organizer.status },
    })
    .from(meetingSeries)
    .leftJoin(organizer, eq(organizer.id, meetingSeries.createdById))
    .where(and(eq(meetingSeries.workspaceId, workspaceId), eq(meetingSeries.id, id)));
  return row ?? null;
}

const person = { id: users.id, name: users.name, email: users.email, status: users.status, teamKind: teams.kind };

/** The participants of a series (name, email), by name. */
export async function listSeriesPeople(tx: Tx, seriesId: string) {
  return tx
    .select(person)
    .from(meetingSeriesParticipants)
    .innerJoin(users, eq(users.id, meetingSeriesParticipants.userId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(meetingSeriesParticipants.seriesId, seriesId))
    .orderBy(asc(users.name), asc(users.id));
}

/** The recorded attendees of a meeting (name, email), by name. */
export async function listMeetingPeople(tx: Tx, meetingId: string) {
  return tx
    .select(person)
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(users.name), asc(users.id));
}

/** A meeting's agenda items with their owners' names, in position order. */
export async function listAgendaLines(tx: Tx, meetingId: string) {
  return tx
    .select({
      id: agendaItems.id,
      kind: agendaItems.kind,
      section: agendaItems.section,
      position: agendaItems.position,
      title: agendaItems.title,
      detail: agendaItems.detail,
      notes: agendaItems.notes,
      status: agendaItems.status,
      link: agendaItems.link,
      timeBoxMinutes: agendaItems.timeBoxMinutes,
      ownerName: users.name,
    })
    .from(agendaItems)
    .leftJoin(users, eq(users.id, agendaItems.ownerId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
}

/** The series' next meeting (not cancelled) starting after an instant, or null. */
export async function findNextMeetingAfter(tx: Tx, seriesId: string, after: Date) {
  const [row] = await tx
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), ne(meetings.status, "cancelled"), gt(meetings.startsAt, after)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

/** A series' occurrences with their calendar identity (the series file's EXDATEs, overrides and single events). */
export async function listSeriesOccurrences(tx: Tx, seriesId: string) {
  return tx
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      icsUid: meetings.icsUid,
      icsSequence: meetings.icsSequence,
      icsRecurrenceAt: meetings.icsRecurrenceAt,
    })
    .from(meetings)
    .where(eq(meetings.seriesId, seriesId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

/** The meetings a person takes part in (participant of the series or recorded attendee) ending after `since`. */
export async function listPersonMeetingIds(tx: Tx, workspaceId: string, userId: string, since: Date, limit: number) {
  const rows = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.workspaceId, workspaceId),
        gt(meetings.endsAt, since),
        or(
          sql`EXISTS (SELECT 1 FROM ${meetingSeriesParticipants} p WHERE p.series_id = ${meetings.seriesId} AND p.user_id = ${userId})`,
          sql`EXISTS (SELECT 1 FROM ${meetingAttendees} a WHERE a.meeting_id = ${meetings.id} AND a.user_id = ${userId})`,
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** A meeting's outcomes with the decided request, oldest first. */
export async function listMinutesOutcomes(tx: Tx, meetingId: string) {
  return tx
    .select({
      id: meetingOutcomes.id,
      type: meetingOutcomes.type,
      summary: meetingOutcomes.summary,
      reason: meetingOutcomes.reason,
      agendaItemId: meetingOutcomes.agendaItemId,
      actionItemId: meetingOutcomes.actionItemId,
      request: { id: requests.id, number: requests.number, title: requests.title },
    })
    .from(meetingOutcomes)
    .leftJoin(requests, eq(requests.id, meetingOutcomes.requestId))
    .where(eq(meetingOutcomes.meetingId, meetingId))
    .orderBy(asc(meetingOutcomes.createdAt), asc(meetingOutcomes.id));
}

/** The action items a meeting produced (by its outcomes or as their source meeting), with their owners. */
export async function listMinutesActionItems(tx: Tx, meetingId: string) {
  return tx
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      priority: actionItems.priority,
      status: actionItems.status,
      ownerId: users.id,
      ownerName: users.name,
    })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .where(
      or(
        eq(actionItems.sourceMeetingId, meetingId),
        inArray(
          actionItems.id,
          tx
            .select({ id: sql<string>`${meetingOutcomes.actionItemId}` })
            .from(meetingOutcomes)
            .where(and(eq(meetingOutcomes.meetingId, meetingId), isNotNull(meetingOutcomes.actionItemId))),
        ),
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.createdAt), asc(actionItems.id));
}

// ---------- announcements ----------

/** Scheduled meetings not yet started whose invite of this SEQUENCE (with or without agenda) was not sent. */
export async function listMeetingsToInvite(tx: Tx, now: Date, limit: number) {
  return tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "scheduled"),
        gt(meetings.startsAt, now),
        sql`NOT EXISTS (SELECT 1 FROM ${meetingAnnouncements} s WHERE s.meeting_id = ${meetings.id} AND s.kind = 'invite'
              AND s.sequence = ${meetings.icsSequence} AND s.with_agenda = (${meetings.preparedAt} IS NOT NULL))`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/** Cancelled meetings not yet over that were invited to and whose cancellation was not sent. */
export async function listMeetingsToCancel(tx: Tx, now: Date, limit: number) {
  return tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "cancelled"),
        gt(meetings.endsAt, now),
        sql`EXISTS (SELECT 1 FROM ${meetingAnnouncements} s WHERE s.meeting_id = ${meetings.id} AND s.kind = 'invite')`,
        sql`NOT EXISTS (SELECT 1 FROM ${meetingAnnouncements} s WHERE s.meeting_id = ${meetings.id} AND s.kind = 'cancel')`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/**
 * Meetings that ended and were closed (held) since `since` whose minutes were not sent: a year of meetings loaded at
 * once (an import, the demo) is not minuted again.
 */
export async function listMeetingsToMinute(tx: Tx, since: Date, limit: number) {
  return tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "held"),
        gte(meetings.updatedAt, since),
        gte(meetings.endsAt, since),
        sql`NOT EXISTS (SELECT 1 FROM ${meetingAnnouncements} s WHERE s.meeting_id = ${meetings.id} AND s.kind = 'minutes')`,
      ),
    )
    .orderBy(asc(meetings.updatedAt))
    .limit(limit);
}

/** Claims one announcement; false when it was sent already (another process got there first). */
export async function claimAnnouncement(tx: Tx, values: typeof meetingAnnouncements.$inferInsert) {
  const rows = await tx
    .insert(meetingAnnouncements)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: meetingAnnouncements.id });
  return rows.length > 0;
}
