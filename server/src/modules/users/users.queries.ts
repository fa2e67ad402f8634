import { and, eq, getTableColumns, ilike, or, sql } from "drizzle-orm";
import type { Role, UserListQuery, UserStatus } from "#contracts/people";
import type { Db, Tx } from "../../db/client";
import { type Keyset, keyset } from "../../db/keyset";
import { escapeLike } from "../../db/like";
import { prepareOnce } from "../../db/prepared";
import { teams, users } from "../../db/schema";
import { takePage } from "../../lib/cursor";

/** A user as the app reads it: every column but the password hash. */
export type UserRecord = Omit<typeof users.$inferSelect, "passwordHash">;

// Every column but the password hash, which only sign-in reads.
const { passwordHash: _passwordHash, ...userColumns } = getTableColumns(users);
const userWithTeam = { user: userColumns, team: { id: teams.id, name: teams.name, kind: teams.kind } };

/** One user of the workspace with their team, or null. */
export async function findUser(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select(userWithTeam)
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

/** A user's password hash and version, for a password change. */
export async function findUserCredentials(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ passwordHash: users.passwordHash, version: users.version })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

const userSortable = { name: users.name, email: users.email, createdAt: users.createdAt };

/** One page of the workspace's users with their teams, filtered, in `sort` order after `cursor`. */
export async function pageUsers(
  db: Db,
  workspaceId: string,
  query: Pick<UserListQuery, "q" | "teamId" | "role" | "status" | "limit" | "sort" | "cursor">,
) {
  const page = keyset(userSortable, users.id, query.sort, query.cursor);
  const rows = await listUsers(db, workspaceId, query, page);
  return takePage(rows, query.limit, (row) => page.cursorAfter(row.user[page.field], row.user.id));
}

/** Users of the workspace with their teams, filtered and keyset-paged (prepared per shape). */
export function listUsers(
  db: Db,
  workspaceId: string,
  filter: { q?: string; teamId?: string; role?: Role; status?: UserStatus; limit: number },
  page: Keyset,
) {
  const shape = [
    page.shape,
    filter.q && "q",
    filter.teamId && "team",
    filter.role && "role",
    filter.status && "status",
  ].join("|");
  const statement = prepareOnce(db, "list_users", shape, (name) =>
    db
      .select(userWithTeam)
      .from(users)
      .innerJoin(teams, eq(teams.id, users.teamId))
      .where(
        and(
          eq(users.workspaceId, sql.placeholder("workspaceId")),
          filter.q ? or(ilike(users.name, sql.placeholder("q")), ilike(users.email, sql.placeholder("q"))) : undefined,
          filter.teamId ? eq(users.teamId, sql.placeholder("teamId")) : undefined,
          filter.role ? eq(users.role, sql.placeholder("role")) : undefined,
          filter.status ? eq(users.status, sql.placeholder("status")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  return statement.execute({
    workspaceId,
    q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
    teamId: filter.teamId,
    role: filter.role,
    status: filter.status,
    limit: filter.limit + 1,
    ...page.params,
  });
}

/** Active admins of the workspace, locked for this transaction (the last one must stay). */
export async function lockActiveAdmins(tx: Tx, workspaceId: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, "admin"), eq(users.status, "active")))
    .for("no key update");
}

/** Updates a user if its version still matches; null when it changed meanwhile. */
export async function updateUser(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  changes: Partial<Pick<typeof users.$inferInsert, "name" | "role" | "teamId" | "status" | "passwordHash">>,
  now: Date,
) {
  const [row] = await tx
    .update(users)
    .set({ ...changes, updatedAt: now, version: version + 1 })
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id), eq(users.version, version)))
    .returning();
  return row ?? null;
}

/** Creates a user. */
export async function insertUser(tx: Tx, values: typeof users.$inferInsert) {
  const [row] = await tx.insert(users).values(values).returning();
  return row;
}
