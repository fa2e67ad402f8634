// Drizzle queries of Health's anonymous answers: responses (no person, no time), the released aggregates computed
// from them, and the shuffle at close. Answers are only ever read aggregated (or, for the drivers, as unlabelled vectors).
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { healthAnswers, healthReleases, healthResponses } from "../../db/schema";
import type { Side } from "./health.queries";

export type ReleaseRow = typeof healthReleases.$inferSelect;

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
