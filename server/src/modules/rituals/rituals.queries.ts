// Drizzle queries of meeting series, meetings, agenda items, outcomes and action items; always scoped by workspace.
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import {
  actionItems,
  agendaItems,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetingSeriesParticipants,
  meetings,
  requests,
  teams,
  users,
} from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor, isCursorId, isCursorTime } from "../../lib/cursor";

type VersionKey = { workspaceId: string; id: string; version: number };

/** A person with their home team. */
export type PersonRow = {
  id: string;
  name: string;
  status: "active" | "deactivated";
  teamId: string | null;
  teamName: string | null;
  teamKind: "marketing" | "it" | "security" | "legal" | "finance" | "other" | null;
};

const personColumns = {
  id: users.id,
  name: users.name,
  status: users.status,
  teamId: teams.id,
  teamName: teams.name,
  teamKind: teams.kind,
};

/** The people of the workspace with these ids, with their teams. */
export async function listPeople(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<PersonRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return tx
    .select(personColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, unique)));
}

// ---------- series ----------

export type SeriesRow = typeof meetingSeries.$inferSelect;

export async function insertSeries(tx: Tx, values: typeof meetingSeries.$inferInsert) {
  const [row] = await tx.insert(meetingSeries).values(values).returning();
  return row;
}

/** One series of the workspace (locked for the transaction when asked), or null. */
export async function findSeries(tx: Tx, workspaceId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.workspaceId, workspaceId), eq(meetingSeries.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Series by title then id, after a (title, id) position. */
export async function listSeries(
  tx: Tx,
  workspaceId: string,
  filter: { q?: string; status: "active" | "ended" | "all"; participantId?: string; limit: number },
  after: { title: string; id: string } | null,
) {
  return tx
    .select()
    .from(meetingSeries)
    .where(
      and(
        eq(meetingSeries.workspaceId, workspaceId),
        filter.status === "all" ? undefined : eq(meetingSeries.status, filter.status),
        filter.q ? ilike(meetingSeries.title, `%${escapeLike(filter.q)}%`) : undefined,
        filter.participantId
          ? sql`EXISTS (SELECT 1 FROM ${meetingSeriesParticipants} p WHERE p.series_id = ${meetingSeries.id}
              AND p.user_id = ${filter.participantId})`
          : undefined,
        after ? sql`(${meetingSeries.title}, ${meetingSeries.id}) > (${after.title}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(meetingSeries.title), asc(meetingSeries.id))
    .limit(filter.limit);
}

/** A page of series by title: `{ items, nextCursor }`. */
export async function pageSeries(
  tx: Tx,
  workspaceId: string,
  filter: { q?: string; status: "active" | "ended" | "all"; participantId?: string; limit: number; cursor?: string },
) {
  const position = decodeCursor(filter.cursor, 2);
  if (position && !(typeof position[0] === "string" && isCursorId(position[1]))) throw invalidCursor();
  const after = position ? { title: position[0] as string, id: position[1] as string } : null;
  const rows = await listSeries(tx, workspaceId, { ...filter, limit: filter.limit + 1 }, after);
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > filter.limit ? encodeCursor([last.title, last.id]) : null };
}

/** Series with their participants and next meeting, as the presenter takes them. */
export async function loadSeriesViews(tx: Tx, rows: readonly SeriesRow[], now: Date) {
  const ids = rows.map((row) => row.id);
  const [participants, next] = await Promise.all([listParticipants(tx, ids), listNextMeetings(tx, ids, now)]);
  return rows.map((series) => ({
    series,
    participants: participants.filter((person) => person.seriesId === series.id),
    next: next.find((meeting) => meeting.seriesId === series.id) ?? null,
  }));
}

export type SeriesView = Awaited<ReturnType<typeof loadSeriesViews>>[number];

/** Updates a series if its version still matches (false: someone changed it meanwhile). */
export function updateSeriesVersioned(tx: Tx, key: VersionKey, changes: Partial<typeof meetingSeries.$inferInsert>) {
  return updateVersioned(tx, meetingSeries, key, changes);
}

/** Every active series (the job's round), oldest first. */
export async function listActiveSeries(tx: Tx) {
  return tx.select().from(meetingSeries).where(eq(meetingSeries.status, "active")).orderBy(asc(meetingSeries.id));
}

/** The participants of some series. */
export async function listParticipants(tx: Tx, seriesIds: readonly string[]) {
  if (seriesIds.length === 0) return [];
  return tx
    .select({ seriesId: meetingSeriesParticipants.seriesId, ...personColumns })
    .from(meetingSeriesParticipants)
    .innerJoin(users, eq(users.id, meetingSeriesParticipants.userId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(inArray(meetingSeriesParticipants.seriesId, [...seriesIds]))
    .orderBy(asc(users.name), asc(users.id));
}

/** Replaces a series' participants. */
export async function replaceParticipants(
  tx: Tx,
  workspaceId: string,
  seriesId: string,
  userIds: readonly string[],
  now: Date,
) {
  await tx.delete(meetingSeriesParticipants).where(eq(meetingSeriesParticipants.seriesId, seriesId));
  if (userIds.length === 0) return;
  await tx
    .insert(meetingSeriesParticipants)
    .values(userIds.map((userId) => ({ workspaceId, seriesId, userId, createdAt: now, updatedAt: now })));
}

/** Updates a series without a version check (the service checked it). */
export async function updateSeries(tx: Tx, id: string, values: Partial<typeof meetingSeries.$inferInsert>) {
  await tx.update(meetingSeries).set(values).where(eq(meetingSeries.id, id));
}

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
  const [attendees, participants] = await Promise.all([
    listAttendees(tx, recorded),
    listParticipants(tx, [
      ...new Set(rows.filter((row) => !row.meeting.attendanceRecorded).map((row) => row.series.id)),
    ]),
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

/** Each series' next meeting: scheduled (not held, not cancelled) and not ended. */
export async function listNextMeetings(tx: Tx, seriesIds: readonly string[], now: Date) {
  if (seriesIds.length === 0) return [];
  return tx
    .selectDistinctOn([meetings.seriesId], {
      seriesId: meetings.seriesId,
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
    })
    .from(meetings)
    .where(and(inArray(meetings.seriesId, [...seriesIds]), eq(meetings.status, "scheduled"), gt(meetings.endsAt, now)))
    .orderBy(meetings.seriesId, asc(meetings.startsAt));
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

// ---------- agenda items ----------

const itemOutcomes = sql<number>`(SELECT count(*)::int FROM ${meetingOutcomes} WHERE ${meetingOutcomes.agendaItemId} = ${agendaItems.id})`;

/** A meeting's agenda items in order, with their owners and outcome counts. */
export async function listAgendaItems(tx: Tx, meetingId: string) {
  return tx
    .select({
      item: agendaItems,
      owner: personColumns,
      outcomeCount: itemOutcomes,
    })
    .from(agendaItems)
    .leftJoin(users, eq(users.id, agendaItems.ownerId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
}

export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItems>>[number];

/** One agenda item of a meeting of the workspace, or null. */
export async function findAgendaItem(tx: Tx, workspaceId: string, meetingId: string, id: string) {
  const [row] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.workspaceId, workspaceId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, id)));
  return row ?? null;
}

/** Updates an agenda item if its version still matches (false: someone changed it meanwhile). */
export function updateAgendaItemVersioned(tx: Tx, key: VersionKey, changes: Partial<typeof agendaItems.$inferInsert>) {
  return updateVersioned(tx, agendaItems, key, changes);
}

export async function insertAgendaItems(tx: Tx, rows: (typeof agendaItems.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(agendaItems).values(rows).returning({ id: agendaItems.id });
}

export async function updateAgendaItem(tx: Tx, id: string, values: Partial<typeof agendaItems.$inferInsert>) {
  await tx.update(agendaItems).set(values).where(eq(agendaItems.id, id));
}

export async function deleteAgendaItems(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx.delete(agendaItems).where(inArray(agendaItems.id, [...ids]));
}

/** Which of these agenda items have outcomes. */
export async function itemsWithOutcomes(tx: Tx, meetingId: string) {
  const rows = await tx
    .selectDistinct({ id: meetingOutcomes.agendaItemId })
    .from(meetingOutcomes)
    .where(and(eq(meetingOutcomes.meetingId, meetingId), sql`${meetingOutcomes.agendaItemId} IS NOT NULL`));
  return new Set(rows.map((row) => row.id as string));
}

// ---------- outcomes ----------

export async function insertOutcome(tx: Tx, values: typeof meetingOutcomes.$inferInsert) {
  const [row] = await tx.insert(meetingOutcomes).values(values).returning({ id: meetingOutcomes.id });
  return row;
}

/** A meeting's outcomes, oldest first, with the decided request and the recorder. */
export async function listOutcomes(tx: Tx, meetingId: string) {
  return tx
    .select({
      outcome: meetingOutcomes,
      request: { id: requests.id, number: requests.number, title: requests.title },
      createdBy: personColumns,
    })
    .from(meetingOutcomes)
    .leftJoin(requests, eq(requests.id, meetingOutcomes.requestId))
    .leftJoin(users, eq(users.id, meetingOutcomes.createdById))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(meetingOutcomes.meetingId, meetingId))
    .orderBy(asc(meetingOutcomes.createdAt), asc(meetingOutcomes.id));
}

/** A request of the workspace (a decision's), or null. */
export async function findRequestRef(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ id: requests.id, number: requests.number, title: requests.title })
    .from(requests)
    .where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)));
  return row ?? null;
}

// ---------- action items ----------

const sourceMeeting = {
  id: meetings.id,
  startsAt: meetings.startsAt,
  title: meetingSeries.title,
};

function selectActionItems(tx: Tx) {
  return tx
    .select({ item: actionItems, owner: personColumns, source: sourceMeeting })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(meetings, eq(meetings.id, actionItems.sourceMeetingId))
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId));
}

export type ActionItemRow = Awaited<ReturnType<typeof findActionItem>> & {};

export async function findActionItem(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectActionItems(tx).where(
    and(eq(actionItems.workspaceId, workspaceId), eq(actionItems.id, id)),
  );
  return row ?? null;
}

export async function insertActionItem(tx: Tx, values: typeof actionItems.$inferInsert) {
  const [row] = await tx.insert(actionItems).values(values).returning({ id: actionItems.id });
  return row;
}

/** Action items by due date then id, after a (dueDate, id) position. */
export async function listActionItems(
  tx: Tx,
  workspaceId: string,
  filter: {
    ownerId?: string;
    status: "open" | "done" | "all";
    side?: "marketing" | "it" | "other";
    sourceMeetingId?: string;
    dueBy?: string;
    q?: string;
    limit: number;
  },
  after: { dueDate: string; id: string } | null,
) {
  return selectActionItems(tx)
    .where(
      and(
        eq(actionItems.workspaceId, workspaceId),
        filter.ownerId ? eq(actionItems.ownerId, filter.ownerId) : undefined,
        filter.status === "all" ? undefined : eq(actionItems.status, filter.status),
        filter.side ? eq(actionItems.side, filter.side) : undefined,
        filter.sourceMeetingId ? eq(actionItems.sourceMeetingId, filter.sourceMeetingId) : undefined,
        filter.dueBy ? and(eq(actionItems.status, "open"), lte(actionItems.dueDate, filter.dueBy)) : undefined,
        filter.q ? ilike(actionItems.title, `%${escapeLike(filter.q)}%`) : undefined,
        after ? sql`(${actionItems.dueDate}, ${actionItems.id}) > (${after.dueDate}::date, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(filter.limit);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A real calendar day ("2026-13-45" matches the pattern but is no date the database takes).
const isDay = (value: unknown) =>
  typeof value === "string" &&
  DATE.test(value) &&
  isCursorTime(`${value}T00:00:00Z`) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** A page of action items by due date: `{ items, nextCursor }`. */
export async function pageActionItems(
  tx: Tx,
  workspaceId: string,
  filter: Parameters<typeof listActionItems>[2] & { cursor?: string },
) {
  const position = decodeCursor(filter.cursor, 2);
  if (position && !(isDay(position[0]) && isCursorId(position[1]))) throw invalidCursor();
  const after = position ? { dueDate: position[0] as string, id: position[1] as string } : null;
  const rows = await listActionItems(tx, workspaceId, { ...filter, limit: filter.limit + 1 }, after);
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > filter.limit ? encodeCursor([last.item.dueDate, last.item.id]) : null };
}

/** Updates an action item if its version still matches (false: someone changed it meanwhile). */
export function updateActionItemVersioned(tx: Tx, key: VersionKey, changes: Partial<typeof actionItems.$inferInsert>) {
  return updateVersioned(tx, actionItems, key, changes);
}

/** The workspace's open action items with the series they came from (the agenda's snapshot). */
export async function listOpenActionItems(tx: Tx, workspaceId: string) {
  return tx
    .select({
      id: actionItems.id,
      title: actionItems.title,
      ownerId: actionItems.ownerId,
      dueDate: actionItems.dueDate,
      priority: actionItems.priority,
      seriesId: meetings.seriesId,
      sourceStartsAt: meetings.startsAt,
    })
    .from(actionItems)
    .leftJoin(meetings, eq(meetings.id, actionItems.sourceMeetingId))
    .where(and(eq(actionItems.workspaceId, workspaceId), eq(actionItems.status, "open")))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id));
}

/** Counts one more carry-over for each of these action items. */
export async function countCarryOver(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx
    .update(actionItems)
    .set({ carriedOverCount: sql`${actionItems.carriedOverCount} + 1` })
    .where(inArray(actionItems.id, [...ids]));
}

/** Open action items due on or before a date whose reminder for that due date was not sent (all workspaces). */
export async function listActionItemsToRemind(tx: Tx, dueBy: string) {
  return tx
    .select({
      id: actionItems.id,
      workspaceId: actionItems.workspaceId,
      title: actionItems.title,
      ownerId: actionItems.ownerId,
      dueDate: actionItems.dueDate,
    })
    .from(actionItems)
    .where(
      and(
        eq(actionItems.status, "open"),
        lte(actionItems.dueDate, dueBy),
        or(sql`${actionItems.remindedForDue} IS NULL`, ne(actionItems.remindedForDue, actionItems.dueDate)),
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(1000);
}

/** Claims an action item's reminder for its due date; false when another process sent it. */
export async function claimActionReminder(tx: Tx, id: string, dueDate: string) {
  const rows = await tx
    .update(actionItems)
    .set({ remindedForDue: dueDate })
    .where(
      and(
        eq(actionItems.id, id),
        eq(actionItems.dueDate, dueDate),
        eq(actionItems.status, "open"),
        or(sql`${actionItems.remindedForDue} IS NULL`, ne(actionItems.remindedForDue, dueDate)),
      ),
    )
    .returning({ id: actionItems.id });
  return rows.length > 0;
}

// ---------- figures ----------

/** Action items due in a window (inclusive dates), for completion per side. */
export async function listActionItemsDueBetween(tx: Tx, workspaceId: string, from: string, to: string) {
  return tx
    .select({
      side: actionItems.side,
      status: actionItems.status,
      dueDate: actionItems.dueDate,
      completedAt: actionItems.completedAt,
    })
    .from(actionItems)
    .where(and(eq(actionItems.workspaceId, workspaceId), gte(actionItems.dueDate, from), lte(actionItems.dueDate, to)));
}

/** Held meetings starting in a window, and how many were attended by both sides. */
export async function countHeldMeetings(tx: Tx, workspaceId: string, from: Date, to: Date) {
  const [row] = await tx
    .select({
      held: sql<number>`count(*)::int`,
      both: sql<number>`count(*) FILTER (WHERE
        EXISTS (SELECT 1 FROM ${meetingAttendees} a WHERE a.meeting_id = ${meetings.id} AND a.side = 'marketing')
        AND EXISTS (SELECT 1 FROM ${meetingAttendees} a WHERE a.meeting_id = ${meetings.id} AND a.side = 'it'))::int`,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.workspaceId, workspaceId),
        eq(meetings.status, "held"),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    );
  return { held: Number(row?.held ?? 0), both: Number(row?.both ?? 0) };
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
