// Drizzle queries of action items ("commitments") and the completion figures; always scoped by workspace.
import { and, asc, eq, gte, ilike, inArray, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { escapeLike } from "../../db/like";
import { actionItems, meetingAttendees, meetingSeries, meetings, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor, isCursorId, isCursorTime } from "../../lib/cursor";
import { personColumns, type VersionKey } from "./rituals.queries";

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
