// Drizzle queries of meetings' agenda items and outcomes; always scoped by workspace.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { agendaItems, meetingOutcomes, requests, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { personColumns, type VersionKey } from "./rituals.queries";

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
