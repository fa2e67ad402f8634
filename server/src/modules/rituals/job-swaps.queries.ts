// Drizzle queries of job swaps; always scoped by workspace.
import { and, count, countDistinct, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { prepareOnce } from "../../db/prepared";
import { jobSwaps, teams, users } from "../../db/schema";
import { updateVersioned } from "../../db/versioned";
import { takePage } from "../../lib/cursor";

const marketingPerson = alias(users, "swap_marketing_person");
const marketingTeam = alias(teams, "swap_marketing_team");
const itPerson = alias(users, "swap_it_person");
const itTeam = alias(teams, "swap_it_team");

const marketingColumns = {
  id: marketingPerson.id,
  name: marketingPerson.name,
  status: marketingPerson.status,
  teamId: marketingTeam.id,
  teamName: marketingTeam.name,
  teamKind: marketingTeam.kind,
};
const itColumns = {
  id: itPerson.id,
  name: itPerson.name,
  status: itPerson.status,
  teamId: itTeam.id,
  teamName: itTeam.name,
  teamKind: itTeam.kind,
};

function selectSwaps(tx: Tx) {
  return tx
    .select({
      swap: jobSwaps,
      marketingPerson: marketingColumns,
      itPerson: itColumns,
    })
    .from(jobSwaps)
    .innerJoin(marketingPerson, eq(marketingPerson.id, jobSwaps.marketingPersonId))
    .leftJoin(marketingTeam, eq(marketingTeam.id, marketingPerson.teamId))
    .innerJoin(itPerson, eq(itPerson.id, jobSwaps.itPersonId))
    .leftJoin(itTeam, eq(itTeam.id, itPerson.teamId));
}

/** A job swap with its two people and their teams, as the presenter takes it. */
export type JobSwapRow = Awaited<ReturnType<typeof findJobSwap>> & {};

export async function findJobSwap(tx: Tx, workspaceId: string, id: string) {
  const [row] = await selectSwaps(tx).where(and(eq(jobSwaps.workspaceId, workspaceId), eq(jobSwaps.id, id)));
  return row ?? null;
}

export async function insertJobSwap(tx: Tx, values: typeof jobSwaps.$inferInsert) {
  const [row] = await tx.insert(jobSwaps).values(values).returning({ id: jobSwaps.id });
  return row.id;
}

/** Updates a swap if its version still matches (false: someone changed it meanwhile). */
export function updateJobSwapVersioned(
  tx: Tx,
  key: { workspaceId: string; id: string; version: number },
  changes: Partial<typeof jobSwaps.$inferInsert>,
) {
  return updateVersioned(tx, jobSwaps, key, changes);
}

/** The columns a list sorts by. */
export const jobSwapSortable = { startDate: jobSwaps.startDate, endDate: jobSwaps.endDate };

// Each phase in its natural order: what comes next first, what ended latest first.
const SORT = { planned: "startDate", current: "endDate", past: "-endDate", all: "-startDate" } as const;

/** A page of the swaps in a phase as of `today`, optionally one person's: `{ items, nextCursor }`. */
export async function pageJobSwaps(
  db: Db,
  workspaceId: string,
  filter: { phase: keyof typeof SORT; personId: string | null; today: string; limit: number; cursor?: string },
) {
  const page = keyset(jobSwapSortable, jobSwaps.id, SORT[filter.phase], filter.cursor);
  const rows = await listJobSwaps(db, workspaceId, filter, page);
  return takePage(rows, filter.limit, (row) =>
    page.cursorAfter(row.swap[page.field as keyof typeof jobSwapSortable], row.swap.id),
  );
}

/** Swaps of the workspace in a phase as of `today`, optionally one person's, keyset-paged (prepared per shape). */
export function listJobSwaps(
  db: Db,
  workspaceId: string,
  filter: { phase: "planned" | "current" | "past" | "all"; personId: string | null; today: string; limit: number },
  page: Keyset,
) {
  const today = sql.placeholder("today");
  const shape = [page.shape, filter.phase, filter.personId ? "person" : ""].join("|");
  const statement = prepareOnce(db, "list_job_swaps", shape, (name) => {
    const phase = {
      planned: sql`${jobSwaps.startDate} > ${today}`,
      current: sql`${jobSwaps.startDate} <= ${today} AND ${jobSwaps.endDate} >= ${today}`,
      past: sql`${jobSwaps.endDate} < ${today}`,
      all: undefined,
    }[filter.phase];
    const personId = sql.placeholder("personId");
    return selectSwaps(db)
      .where(
        and(
          eq(jobSwaps.workspaceId, sql.placeholder("workspaceId")),
          phase,
          filter.personId ? or(eq(jobSwaps.marketingPersonId, personId), eq(jobSwaps.itPersonId, personId)) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name);
  });
  return statement.execute({
    workspaceId,
    today: filter.today,
    personId: filter.personId ?? undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** The people of the workspace with these ids and their home team's kind (to check each side). */
export async function findPeopleSides(tx: Tx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, status: users.status, teamKind: teams.kind })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids])));
}

/** Swaps whose period overlaps [from, to] and had started by `startedBy`: how many, fully reflected, and people. */
export async function countJobSwapsHeld(tx: Tx, workspaceId: string, from: string, to: string, startedBy: string) {
  const inWindow = and(
    eq(jobSwaps.workspaceId, workspaceId),
    lte(jobSwaps.startDate, to),
    lte(jobSwaps.startDate, startedBy),
    gte(jobSwaps.endDate, from),
  );
  const [totals] = await tx
    .select({
      held: count(),
      reflected: sql<number>`count(*) FILTER (WHERE ${jobSwaps.endDate} <= ${startedBy} AND ${isNotNull(
        jobSwaps.marketingReflection,
      )} AND ${isNotNull(jobSwaps.itReflection)})`.mapWith(Number),
    })
    .from(jobSwaps)
    .where(inWindow);
  const [people] = await tx.select({ people: countDistinct(sql`person`) }).from(
    sql`(SELECT ${jobSwaps.marketingPersonId} AS person FROM ${jobSwaps} WHERE ${inWindow}
           UNION ALL SELECT ${jobSwaps.itPersonId} FROM ${jobSwaps} WHERE ${inWindow}) AS pair`,
  );
  return { held: Number(totals?.held ?? 0), reflected: totals?.reflected ?? 0, people: Number(people?.people ?? 0) };
}
