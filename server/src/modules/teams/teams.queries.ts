import { and, count, eq, ilike, sql } from "drizzle-orm";
import type { TeamKind, TeamListQuery } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { teams, users } from "../../db/schema";
import { takePage } from "../../lib/cursor";

const withMemberCount = {
  team: teams,
  memberCount: count(users.id),
};

/** One team of the workspace, or null. */
export async function findTeam(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  return row ?? null;
}

/** The first team of a kind in the workspace, or null. */
export async function findTeamByKind(tx: Tx, workspaceId: string, kind: TeamKind) {
  const [row] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.kind, kind)))
    .orderBy(teams.createdAt)
    .limit(1);
  return row ?? null;
}

/** One team with its member count, or null. */
export async function findTeamWithCount(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select(withMemberCount)
    .from(teams)
    .leftJoin(users, and(eq(users.teamId, teams.id), eq(users.status, "active")))
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
    .groupBy(teams.id);
  return row ?? null;
}

/** Teams of the workspace with their member counts, keyset-paged (prepared per shape). */
export function listTeams(db: Db, workspaceId: string, filter: { q?: string; limit: number }, page: Keyset) {
  const statement = prepareOnce(db, "list_teams", `${page.shape}|${filter.q ? "q" : ""}`, (name) =>
    db
      .select(withMemberCount)
      .from(teams)
      .leftJoin(users, and(eq(users.teamId, teams.id), eq(users.status, "active")))
      .where(
        and(
          eq(teams.workspaceId, sql.placeholder("workspaceId")),
          filter.q ? ilike(teams.name, sql.placeholder("q")) : undefined,
          page.after,
        ),
      )
      .groupBy(teams.id)
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** Creates a team. */
export async function insertTeam(tx: Tx, values: typeof teams.$inferInsert) {
  const [row] = await tx.insert(teams).values(values).returning();
  return row;
}

/** Creates several teams at once, in the order given. */
export async function insertTeams(tx: Tx, values: (typeof teams.$inferInsert)[]) {
  return tx.insert(teams).values(values).returning();
}

/** Updates a team if its version still matches; null when it changed meanwhile. */
export async function updateTeam(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<Pick<typeof teams.$inferInsert, "name" | "kind">>,
  now: Date,
) {
  const [row] = await tx
    .update(teams)
    .set({ ...changes, updatedAt: now, version: version + 1 })
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id), eq(teams.version, version)))
    .returning();
  return row ?? null;
}

const teamSortable = { name: teams.name, createdAt: teams.createdAt };

/** One page of the workspace's teams with their member counts, in `sort` order after `cursor`. */
export async function pageTeams(
  db: Db,
  workspaceId: string,
  query: Pick<TeamListQuery, "q" | "limit" | "sort" | "cursor">,
) {
  const page = keyset(teamSortable, teams.id, query.sort, query.cursor);
  const rows = await listTeams(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.team[page.field], row.team.id));
}
