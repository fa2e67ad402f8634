// Drizzle queries of Health's pulses: the pulses and their items, who is invited and who took part, and the teams
// per side. Always scoped by workspace. The bank is items.queries.ts; responses and released aggregates, responses.queries.ts.
import { and, asc, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import { healthItems, healthParticipation, healthSurveyItems, healthSurveys, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor } from "../../lib/cursor";
import type { ItemRow } from "./items.queries";

export type SurveyRow = typeof healthSurveys.$inferSelect;
/** A pulse with what its answer shows: its items, participation per side and the signed-in person's own state. */
export type PulseRows = SurveyRow & {
  pulseItems: ItemRow[];
  answered: Record<Side, number>;
  invited: Record<Side, number>;
  me: { side: Side | null; canAnswer: boolean; answered: boolean };
};
export type Side = "marketing" | "it";

/** The team kinds answering for each side (security works with IT). */
export const SIDE_KINDS: Record<Side, ("marketing" | "it" | "security")[]> = {
  marketing: ["marketing"],
  it: ["it", "security"],
};

export async function insertSurvey(tx: Tx, values: typeof healthSurveys.$inferInsert) {
  const [row] = await tx.insert(healthSurveys).values(values).returning();
  return row as SurveyRow;
}

export async function findSurvey(tx: Tx, workspaceId: string, id: string): Promise<SurveyRow | null> {
  const [row] = await tx
    .select()
    .from(healthSurveys)
    .where(and(eq(healthSurveys.workspaceId, workspaceId), eq(healthSurveys.id, id)));
  return row ?? null;
}

/** Locks a pulse's row for the rest of the transaction (responses count against a stable state). */
export async function lockSurvey(tx: Tx, workspaceId: string, id: string): Promise<SurveyRow | null> {
  const [row] = await tx
    .select()
    .from(healthSurveys)
    .where(and(eq(healthSurveys.workspaceId, workspaceId), eq(healthSurveys.id, id)))
    .for("no key update");
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a page of pulses continues: after this (created_at, id); a cursor this list did not write is a 400. */
function afterOf(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const position = decodeCursor(cursor, 2);
  if (!position) return null;
  const [at, id] = position;
  // A time as this list writes it (ISO, UTC, years 0000–9999 as four digits), and an id.
  const valid =
    typeof at === "string" &&
    typeof id === "string" &&
    UUID.test(id) &&
    /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) &&
    Number.isFinite(Date.parse(at));
  if (!valid) throw invalidCursor();
  return { createdAt: new Date(at), id };
}

/** A page of pulses, newest first (by creation), keyset by (created_at, id). */
export async function pageSurveys(
  tx: Tx,
  workspaceId: string,
  query: { limit: number; cursor?: string; status?: SurveyRow["status"]; q?: string },
): Promise<{ items: SurveyRow[]; nextCursor: string | null }> {
  const conditions = [eq(healthSurveys.workspaceId, workspaceId)];
  if (query.status) conditions.push(eq(healthSurveys.status, query.status));
  if (query.q) conditions.push(sql`${healthSurveys.title} ilike ${`%${query.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  const after = afterOf(query.cursor);
  if (after) {
    const older = or(
      lt(healthSurveys.createdAt, after.createdAt),
      and(eq(healthSurveys.createdAt, after.createdAt), lt(healthSurveys.id, after.id)),
    );
    if (older) conditions.push(older);
  }
  const rows = await tx
    .select()
    .from(healthSurveys)
    .where(and(...conditions))
    .orderBy(desc(healthSurveys.createdAt), desc(healthSurveys.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** Edits a pulse if its version still matches; false when someone changed it meanwhile. */
export function updateSurvey(
  tx: Tx,
  key: { workspaceId: string; id: string; version: number },
  changes: PgUpdateSetSource<typeof healthSurveys>,
): Promise<boolean> {
  return updateVersioned(tx, healthSurveys, key, changes);
}

/** Pulses whose results count: open or closed, oldest first by launch. */
export async function listLaunchedSurveys(tx: Tx, workspaceId: string): Promise<SurveyRow[]> {
  return tx
    .select()
    .from(healthSurveys)
    .where(and(eq(healthSurveys.workspaceId, workspaceId), inArray(healthSurveys.status, ["open", "closed"])))
    .orderBy(asc(healthSurveys.launchedOn), asc(healthSurveys.createdAt), asc(healthSurveys.id));
}

export async function surveyItemRows(tx: Tx, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return tx
    .select({ surveyId: healthSurveyItems.surveyId, position: healthSurveyItems.position, item: healthItems })
    .from(healthSurveyItems)
    .innerJoin(healthItems, eq(healthItems.id, healthSurveyItems.itemId))
    .where(inArray(healthSurveyItems.surveyId, [...surveyIds]))
    .orderBy(asc(healthSurveyItems.surveyId), asc(healthSurveyItems.position));
}

export async function setSurveyItems(tx: Tx, surveyId: string, itemIds: readonly string[]) {
  await tx.delete(healthSurveyItems).where(eq(healthSurveyItems.surveyId, surveyId));
  if (itemIds.length === 0) return;
  await tx.insert(healthSurveyItems).values(itemIds.map((itemId, position) => ({ surveyId, itemId, position })));
}

/** The item ids of earlier launched pulses, oldest first (the rotation's history). */
export async function askedHistory(tx: Tx, workspaceId: string): Promise<string[][]> {
  const rows = await tx
    .select({ surveyId: healthSurveys.id, itemId: healthSurveyItems.itemId })
    .from(healthSurveys)
    .innerJoin(healthSurveyItems, eq(healthSurveyItems.surveyId, healthSurveys.id))
    .where(and(eq(healthSurveys.workspaceId, workspaceId), inArray(healthSurveys.status, ["open", "closed"])))
    .orderBy(asc(healthSurveys.launchedOn), asc(healthSurveys.createdAt), asc(healthSurveys.id));
  const bySurvey = new Map<string, string[]>();
  for (const row of rows) {
    const list = bySurvey.get(row.surveyId) ?? [];
    list.push(row.itemId);
    bySurvey.set(row.surveyId, list);
  }
  return [...bySurvey.values()];
}

/** Active people of the workspace per side (who a pulse invites). */
export async function countInvited(tx: Tx, workspaceId: string): Promise<Record<Side, number>> {
  const rows = await tx
    .select({ kind: teams.kind, n: count() })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.status, "active")))
    .groupBy(teams.kind);
  const of = (side: Side) =>
    rows.filter((row) => (SIDE_KINDS[side] as string[]).includes(row.kind)).reduce((sum, row) => sum + row.n, 0);
  return { marketing: of("marketing"), it: of("it") };
}

/** Participation counts per pulse and side. */
export async function participationCounts(tx: Tx, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return tx
    .select({ surveyId: healthParticipation.surveyId, side: healthParticipation.side, n: count() })
    .from(healthParticipation)
    .where(inArray(healthParticipation.surveyId, [...surveyIds]))
    .groupBy(healthParticipation.surveyId, healthParticipation.side);
}

/** The pulses among `surveyIds` the person took part in. */
export async function participatedIn(tx: Tx, userId: string, surveyIds: readonly string[]): Promise<Set<string>> {
  if (surveyIds.length === 0) return new Set();
  const rows = await tx
    .select({ surveyId: healthParticipation.surveyId })
    .from(healthParticipation)
    .where(and(eq(healthParticipation.userId, userId), inArray(healthParticipation.surveyId, [...surveyIds])));
  return new Set(rows.map((row) => row.surveyId));
}

/** Records that a person took part; false when they already had (the one-per-person rule). */
export async function insertParticipation(tx: Tx, surveyId: string, userId: string, side: Side): Promise<boolean> {
  const rows = await tx
    .insert(healthParticipation)
    .values({ surveyId, userId, side })
    .onConflictDoNothing()
    .returning({ userId: healthParticipation.userId });
  return rows.length > 0;
}

/** A team of the workspace with the side it answers for (null for teams of neither side). */
export async function findTeam(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  if (!row) return null;
  const side: Side | null =
    row.kind === "marketing" ? "marketing" : row.kind === "it" || row.kind === "security" ? "it" : null;
  return { ...row, side };
}

/** Open pulses (of every workspace) whose last answering day is before `today`. */
export async function listDuePulses(tx: Tx, today: string) {
  return tx
    .select({ id: healthSurveys.id, workspaceId: healthSurveys.workspaceId, version: healthSurveys.version })
    .from(healthSurveys)
    .where(and(eq(healthSurveys.status, "open"), lt(healthSurveys.closesOn, today)));
}
