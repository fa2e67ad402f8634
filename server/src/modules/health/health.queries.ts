// Drizzle queries of Health: the item bank, pulses, participation, anonymous answers and released aggregates.
// Always scoped by workspace; answers are only ever read aggregated (or, for the drivers, as unlabelled vectors).
import { and, asc, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import {
  healthAnswers,
  healthItems,
  healthParticipation,
  healthReleases,
  healthResponses,
  healthSurveyItems,
  healthSurveys,
  teams,
  users,
} from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { decodeCursor, encodeCursor, invalidCursor } from "../../lib/cursor";
import { bumpHealthState } from "./cadence.queries";
import { SHIPPED_ITEMS } from "./item-bank";

export type ItemRow = typeof healthItems.$inferSelect;
export type SurveyRow = typeof healthSurveys.$inferSelect;
export type ReleaseRow = typeof healthReleases.$inferSelect;
/** A pulse with what its answer shows: its items, participation per side and the signed-in person's own state. */
export type PulseRows = SurveyRow & {
  pulseItems: ItemRow[];
  answered: Record<Side, number>;
  invited: Record<Side, number>;
  me: { side: Side | null; canAnswer: boolean; answered: boolean };
};
type Side = "marketing" | "it";

/** The team kinds answering for each side (security works with IT). */
export const SIDE_KINDS: Record<Side, ("marketing" | "it" | "security")[]> = {
  marketing: ["marketing"],
  it: ["it", "security"],
};

/** Adds the shipped bank to a workspace that lacks it (idempotent by code). */
export async function ensureBank(tx: Tx, workspaceId: string, now: Date) {
  const [present] = await tx
    .select({ n: count() })
    .from(healthItems)
    .where(and(eq(healthItems.workspaceId, workspaceId), eq(healthItems.shipped, true)));
  if ((present?.n ?? 0) >= SHIPPED_ITEMS.length) return;
  const positions = new Map<string, number>();
  const inserted = await tx
    .insert(healthItems)
    .values(
      SHIPPED_ITEMS.map((item) => {
        const position = positions.get(item.criterion) ?? 0;
        positions.set(item.criterion, position + 1);
        return {
          workspaceId,
          code: item.code,
          criterion: item.criterion,
          textMarketing: item.marketing,
          textIt: item.it,
          shipped: true,
          publishedFigure: item.publishedFigure ?? null,
          position,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: healthItems.id });
  // Not audited (the shipped bank appears on first use): the cached Alignment Index learns of it from here.
  if (inserted.length > 0) await bumpHealthState(tx, workspaceId, now);
}

export async function listItems(tx: Tx, workspaceId: string): Promise<ItemRow[]> {
  return tx
    .select()
    .from(healthItems)
    .where(eq(healthItems.workspaceId, workspaceId))
    .orderBy(asc(healthItems.criterion), asc(healthItems.position), asc(healthItems.id));
}

export async function findItem(tx: Tx, workspaceId: string, id: string): Promise<ItemRow | null> {
  const [row] = await tx
    .select()
    .from(healthItems)
    .where(and(eq(healthItems.workspaceId, workspaceId), eq(healthItems.id, id)));
  return row ?? null;
}

export async function insertItem(tx: Tx, values: typeof healthItems.$inferInsert) {
  const [row] = await tx.insert(healthItems).values(values).returning();
  return row as ItemRow;
}

/** Marks items live (asked in a launched pulse): from then on their wording never changes. */
export async function markItemsLive(tx: Tx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx
    .update(healthItems)
    .set({ live: true })
    .where(and(eq(healthItems.workspaceId, workspaceId), inArray(healthItems.id, [...ids])));
}

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
    .for("update");
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

/** Edits a bank item if its version still matches; false when someone changed it meanwhile. */
export function updateItem(
  tx: Tx,
  key: { workspaceId: string; id: string; version: number },
  changes: PgUpdateSetSource<typeof healthItems>,
): Promise<boolean> {
  return updateVersioned(tx, healthItems, key, changes);
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

/** Stores one anonymous response: a random id, the pulse, the side and team; no person, no time. */
export async function insertResponse(
  tx: Tx,
  response: { surveyId: string; side: Side; teamId: string | null; comment: string | null },
  answers: readonly { itemId: string; value: number }[],
) {
  const [row] = await tx.insert(healthResponses).values(response).returning({ id: healthResponses.id });
  if (!row) throw new Error("response not stored");
  await tx.insert(healthAnswers).values(answers.map((answer) => ({ responseId: row.id, ...answer })));
}

export async function countResponses(tx: Tx, surveyId: string, side: Side): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(healthResponses)
    .where(and(eq(healthResponses.surveyId, surveyId), eq(healthResponses.side, side)));
  return row?.n ?? 0;
}

/**
 * Rewrites the released aggregates of a pulse from its answers: per side (and, when `teams`, per home team),
 * per item. An open pulse releases per side only; a closed one per side and team.
 */
export async function writeRelease(tx: Tx, surveyId: string, scope: { side?: Side; teams: boolean }) {
  const sideFilter = scope.side ? sql`and r.side = ${scope.side}` : sql``;
  await tx.execute(sql`
    delete from health_release
    where survey_id = ${surveyId} ${scope.side ? sql`and side = ${scope.side} and scope = 'side'` : sql``}`);
  await tx.execute(sql`
    insert into health_release (survey_id, scope, group_key, side, item_id, respondents, answers, total, agree)
    select ${surveyId}, 'side', r.side, r.side, a.item_id,
           (select count(*) from health_response r2 where r2.survey_id = ${surveyId} and r2.side = r.side),
           count(*), sum(a.value), count(*) filter (where a.value >= 4)
    from health_response r join health_answer a on a.response_id = r.id
    where r.survey_id = ${surveyId} ${sideFilter}
    group by r.side, a.item_id`);
  if (scope.teams) {
    await tx.execute(sql`
      insert into health_release (survey_id, scope, group_key, side, item_id, respondents, answers, total, agree)
      select ${surveyId}, 'team', r.team_id::text, r.side, a.item_id,
             (select count(*) from health_response r2 where r2.survey_id = ${surveyId} and r2.team_id = r.team_id),
             count(*), sum(a.value), count(*) filter (where a.value >= 4)
      from health_response r join health_answer a on a.response_id = r.id
      where r.survey_id = ${surveyId} and r.team_id is not null
      group by r.team_id, r.side, a.item_id`);
  }
}

/** Team sizes (respondents) per side of a closed pulse, from its released aggregates. */
export async function releasedTeams(tx: Tx, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return tx
    .selectDistinct({
      surveyId: healthReleases.surveyId,
      teamId: healthReleases.groupKey,
      side: healthReleases.side,
      respondents: healthReleases.respondents,
    })
    .from(healthReleases)
    .where(and(inArray(healthReleases.surveyId, [...surveyIds]), eq(healthReleases.scope, "team")));
}

/** Released aggregates of the pulses, for the given scope (and team). */
export async function readReleases(
  tx: Tx,
  surveyIds: readonly string[],
  scope: "side" | "team",
  teamId?: string,
): Promise<ReleaseRow[]> {
  if (surveyIds.length === 0) return [];
  const conditions = [inArray(healthReleases.surveyId, [...surveyIds]), eq(healthReleases.scope, scope)];
  if (teamId) conditions.push(eq(healthReleases.groupKey, teamId));
  return tx
    .select()
    .from(healthReleases)
    .where(and(...conditions));
}

/** The answers of a closed pulse as unlabelled vectors (for the item–outcome association only). */
export async function answerVectors(tx: Tx, surveyId: string): Promise<Record<string, number>[]> {
  const rows = await tx
    .select({ responseId: healthAnswers.responseId, itemId: healthAnswers.itemId, value: healthAnswers.value })
    .from(healthAnswers)
    .innerJoin(healthResponses, eq(healthResponses.id, healthAnswers.responseId))
    .where(eq(healthResponses.surveyId, surveyId));
  const byResponse = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const answers = byResponse.get(row.responseId) ?? {};
    answers[row.itemId] = row.value;
    byResponse.set(row.responseId, answers);
  }
  return [...byResponse.values()];
}

/** A side's comments of a pulse, in random order. */
export async function readComments(tx: Tx, surveyId: string, side: Side): Promise<string[]> {
  const rows = await tx
    .select({ comment: healthResponses.comment })
    .from(healthResponses)
    .where(
      and(
        eq(healthResponses.surveyId, surveyId),
        eq(healthResponses.side, side),
        sql`${healthResponses.comment} is not null`,
      ),
    )
    .orderBy(sql`random()`);
  return rows.flatMap((row) => (row.comment ? [row.comment] : []));
}

/**
 * At close: rewrites the pulse's responses, answers and participation in random order under new ids, so neither
 * row order nor the writing transactions point from an answer to the person who took part.
 */
export async function shuffleAnswers(tx: Tx, surveyId: string) {
  await tx.execute(sql`
    create temporary table if not exists health_shuffle (old_id uuid primary key, new_id uuid not null) on commit drop`);
  await tx.execute(sql`delete from health_shuffle`);
  await tx.execute(sql`
    insert into health_shuffle (old_id, new_id)
    select id, gen_random_uuid() from health_response where survey_id = ${surveyId}`);
  await tx.execute(sql`
    insert into health_response (id, survey_id, side, team_id, comment)
    select s.new_id, r.survey_id, r.side, r.team_id, r.comment
    from health_response r join health_shuffle s on s.old_id = r.id order by random()`);
  await tx.execute(sql`
    insert into health_answer (response_id, item_id, value)
    select s.new_id, a.item_id, a.value
    from health_answer a join health_shuffle s on s.old_id = a.response_id order by random()`);
  await tx.execute(sql`delete from health_response where id in (select old_id from health_shuffle)`);
  await tx.execute(sql`
    create temporary table if not exists health_shuffle_people (user_id uuid, side text) on commit drop`);
  await tx.execute(sql`delete from health_shuffle_people`);
  await tx.execute(sql`
    insert into health_shuffle_people select user_id, side from health_participation where survey_id = ${surveyId}`);
  await tx.execute(sql`delete from health_participation where survey_id = ${surveyId}`);
  await tx.execute(sql`
    insert into health_participation (survey_id, user_id, side)
    select ${surveyId}, user_id, side from health_shuffle_people order by random()`);
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
