// Drizzle queries of meetings (a series' occurrences) and their recorded attendees; always scoped by workspace.
import { and, asc, desc, eq, gt, ilike, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import { readTogether } from "../../db/reads";
import {
  agendaItems,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetingSeriesParticipants,
  meetings,
  teams,
  users,
} from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor, isCursorId, isCursorTime } from "../../lib/cursor";
import { listParticipants, personColumns, type VersionKey } from "./rituals.queries";

// ---------- meetings ----------

const agendaCount = sql<number>`(SELECT count(*)::int FROM ${agendaItems} WHERE ${agendaItems.meetingId} = ${meetings.id})`;
const outcomeCount = sql<number>`(SELECT count(*)::int FROM ${meetingOutcomes} WHERE ${meetingOutcomes.meetingId} = ${meetings.id})`;

const meetingColumns = {
  meeting: meetings,
  series: {
    id: meetingSeries.id,
    title: meetingSeries.title,
    template: meetingSeries.template,
    timeZone: meetingSeries.timeZone,
    durationMinutes: meetingSeries.durationMinutes,
    sections: meetingSeries.sections,
    status: meetingSeries.status,
  },
  agendaItemCount: agendaCount,
  outcomeCount,
  previousMeetingId: sql<string | null>`(SELECT p.id FROM meeting p WHERE p.series_id = ${meetings.seriesId}
    AND p.status <> 'cancelled' AND p.starts_at < ${meetings.startsAt} ORDER BY p.starts_at DESC LIMIT 1)`,
};

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & {};

function selectMeetings(tx: Tx) {
  return tx.select(meetingColumns).from(meetings).innerJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId));
}

/** One meeting with its series, or null (locked for the transaction when asked). */
export async function findMeeting(tx: Tx, workspaceId: string, id: string, lock = false) {
  const query = selectMeetings(tx).where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.id, id)));
  const [row] = lock ? await query.for("update", { of: meetings }) : await query;
  return row ?? null;
}

/** Meetings by start (soonest first for upcoming and all, latest first for past), after a (startsAt, id) position. */
export async function listMeetings(
  tx: Tx,
  workspaceId: string,
  filter: {
    seriesId?: string;
    status?: "scheduled" | "held" | "cancelled";
    when: "upcoming" | "past" | "all";
    participantId?: string;
    q?: string;
    limit: number;
  },
  now: Date,
  after: { startsAt: Date; id: string } | null,
) {
  const descending = filter.when === "past";
  const conditions: Array<SQL | undefined> = [
    eq(meetings.workspaceId, workspaceId),
    filter.seriesId ? eq(meetings.seriesId, filter.seriesId) : undefined,
    filter.status ? eq(meetings.status, filter.status) : undefined,
    filter.when === "upcoming" ? gt(meetings.endsAt, now) : undefined,
    filter.when === "past" ? lte(meetings.endsAt, now) : undefined,
    filter.q ? ilike(meetingSeries.title, `%${escapeLike(filter.q)}%`) : undefined,
    filter.participantId
      ? sql`(EXISTS (SELECT 1 FROM ${meetingSeriesParticipants} p WHERE p.series_id = ${meetings.seriesId}
          AND p.user_id = ${filter.participantId}) OR EXISTS (SELECT 1 FROM ${meetingAttendees} a
          WHERE a.meeting_id = ${meetings.id} AND a.user_id = ${filter.participantId}))`
      : undefined,
    after
      ? descending
        ? sql`(${meetings.startsAt}, ${meetings.id}) < (${after.startsAt.toISOString()}::timestamptz, ${after.id})`
        : sql`(${meetings.startsAt}, ${meetings.id}) > (${after.startsAt.toISOString()}::timestamptz, ${after.id})`
      : undefined,
  ];
  return selectMeetings(tx)
    .where(and(...conditions))
    .orderBy(
      descending ? desc(meetings.startsAt) : asc(meetings.startsAt),
      descending ? desc(meetings.id) : asc(meetings.id),
    )
    .limit(filter.limit);
}

/** A page of meetings by start (latest first for `past`): `{ items, nextCursor }`. */
export async function pageMeetings(
  tx: Tx,
  workspaceId: string,
  filter: Parameters<typeof listMeetings>[2] & { cursor?: string },
  now: Date,
) {
  const position = decodeCursor(filter.cursor, 2);
  // A time a timestamp column holds (years 1–9999: "+275760-09-13" parses in JavaScript, not in the database).
  if (position && !(isCursorTime(position[0]) && isCursorId(position[1]))) throw invalidCursor();
  const after = position ? { startsAt: new Date(position[0] as string), id: position[1] as string } : null;
  const rows = await listMeetings(tx, workspaceId, { ...filter, limit: filter.limit + 1 }, now, after);
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > filter.limit ? encodeCursor([last.meeting.startsAt.toISOString(), last.meeting.id]) : null,
  };
}

/** Meetings with their attendees (recorded ones, else their series' participants), as the presenter takes them. */
export async function loadMeetingViews(tx: Tx, rows: readonly MeetingRow[]) {
  const recorded = rows.filter((row) => row.meeting.attendanceRecorded).map((row) => row.meeting.id);
  const seriesIds = [...new Set(rows.filter((row) => !row.meeting.attendanceRecorded).map((row) => row.series.id))];
  const [attendees, participants] = await readTogether(tx, [
    () => listAttendees(tx, recorded),
    () => listParticipants(tx, seriesIds),
  ]);
  return rows.map((row) => ({
    row,
    attendees: row.meeting.attendanceRecorded
      ? attendees.filter((person) => person.meetingId === row.meeting.id)
      : participants.filter((person) => person.seriesId === row.series.id),
  }));
}

export type MeetingView = Awaited<ReturnType<typeof loadMeetingViews>>[number];

/** Updates a meeting if its version still matches (false: someone changed it meanwhile). */
export function updateMeetingVersioned(tx: Tx, key: VersionKey, changes: Partial<typeof meetings.$inferInsert>) {
  return updateVersioned(tx, meetings, key, changes);
}

/** The slots of a series' meetings that are not cancelled (except one), to refuse overlaps. */
export async function listSeriesSlots(tx: Tx, seriesId: string, exceptId: string | null) {
  return tx
    .select({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt, status: meetings.status })
    .from(meetings)
    .where(
      and(
        eq(meetings.seriesId, seriesId),
        ne(meetings.status, "cancelled"),
        exceptId ? ne(meetings.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** The series' first scheduled meeting starting after a meeting's start (its next occurrence; not `exceptId`), or null. */
export async function findFollowingMeeting(tx: Tx, seriesId: string, after: Date, exceptId: string | null = null) {
  const [row] = await tx
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.seriesId, seriesId),
        ne(meetings.status, "cancelled"),
        gt(meetings.startsAt, after),
        exceptId ? ne(meetings.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

/** The start of the series' latest occurrence (cancelled ones too: the cadence does not make them again). */
export async function findLatestStart(tx: Tx, seriesId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.seriesId, seriesId))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return row?.startsAt ?? null;
}

/** The series' scheduled meetings that have not started (they follow a change of the series). */
export async function listFutureScheduled(tx: Tx, seriesId: string, now: Date) {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.status, "scheduled"), gt(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt));
}

export async function insertMeeting(tx: Tx, values: typeof meetings.$inferInsert) {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row;
}

/** Updates a meeting without a version check (the service checked it or owns the change). */
export async function updateMeeting(tx: Tx, id: string, values: Partial<typeof meetings.$inferInsert>) {
  await tx.update(meetings).set(values).where(eq(meetings.id, id));
}

/** The scheduled meetings starting within a window (the job refreshes their agendas). */
export async function listMeetingsStartingBetween(tx: Tx, from: Date, to: Date) {
  return tx
    .select({ id: meetings.id, workspaceId: meetings.workspaceId })
    .from(meetings)
    .where(and(eq(meetings.status, "scheduled"), gt(meetings.startsAt, from), lte(meetings.startsAt, to)))
    .orderBy(asc(meetings.startsAt));
}

/** The person's next meeting (a series they take part in) that has not ended. */
export async function findNextMeetingOf(tx: Tx, workspaceId: string, userId: string, now: Date) {
  const [row] = await selectMeetings(tx)
    .where(
      and(
        eq(meetings.workspaceId, workspaceId),
        eq(meetings.status, "scheduled"),
        gt(meetings.endsAt, now),
        sql`EXISTS (SELECT 1 FROM ${meetingSeriesParticipants} p WHERE p.series_id = ${meetings.seriesId}
          AND p.user_id = ${userId})`,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(1);
  return row ?? null;
}

// ---------- attendees ----------

/** The recorded attendees of some meetings. */
export async function listAttendees(tx: Tx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return tx
    .select({ meetingId: meetingAttendees.meetingId, side: meetingAttendees.side, ...personColumns })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(inArray(meetingAttendees.meetingId, [...meetingIds]))
    .orderBy(asc(users.name), asc(users.id));
}

/** Replaces a meeting's recorded attendees. */
export async function replaceAttendees(
  tx: Tx,
  workspaceId: string,
  meetingId: string,
  people: readonly { userId: string; side: "marketing" | "it" | "other" }[],
  now: Date,
) {
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (people.length === 0) return;
  await tx
    .insert(meetingAttendees)
    .values(people.map((person) => ({ workspaceId, meetingId, ...person, createdAt: now, updatedAt: now })));
}
