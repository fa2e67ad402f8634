// Drizzle queries of the people Rituals shows and of meeting series; always scoped by workspace. Meetings,
// agenda items and outcomes, and action items have their own queries files.
import { and, asc, eq, gt, ilike, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import { readTogether } from "../../db/reads";
import { meetingSeries, meetingSeriesParticipants, meetings, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor, isCursorId } from "../../lib/cursor";

/** The key of a versioned update: the row, and the version the edit was made on. */
export type VersionKey = { workspaceId: string; id: string; version: number };

/** A person with their home team. */
export type PersonRow = {
  id: string;
  name: string;
  status: "active" | "deactivated";
  teamId: string | null;
  teamName: string | null;
  teamKind: "marketing" | "it" | "security" | "legal" | "finance" | "other" | null;
};

/** The columns of a person with their home team (joined as `users` and `teams`). */
export const personColumns = {
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
  const [row] = lock ? await query.for("no key update") : await query;
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
  const [participants, next] = await readTogether(tx, [
    () => listParticipants(tx, ids),
    () => listNextMeetings(tx, ids, now),
  ]);
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

// The records the test factories, the demo seed and the bench write directly.
export { insertActionItem } from "./action-items.queries";
export { insertAgendaItems } from "./agenda.queries";
export { insertMeeting } from "./meetings.queries";
