import { and, eq, getTableColumns, ilike, or, type SQL } from "drizzle-orm";
import type { Role, UserStatus } from "../../../../contracts/people";
import type { Tx } from "../../db/client";
import { teams, users } from "../../db/schema";
import { escapeLike } from "../teams/teams.queries";

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

/** Users of the workspace with their teams, filtered and keyset-paged. */
export function listUsers(
  tx: Tx,
  workspaceId: string,
  filter: { q?: string; teamId?: string; role?: Role; status?: UserStatus; after?: SQL; orderBy: SQL[]; limit: number },
) {
  const conditions: (SQL | undefined)[] = [eq(users.workspaceId, workspaceId)];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filter.teamId) conditions.push(eq(users.teamId, filter.teamId));
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.after) conditions.push(filter.after);
  return tx
    .select(userWithTeam)
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(...conditions))
    .orderBy(...filter.orderBy)
    .limit(filter.limit + 1);
}

/** Active admins of the workspace, locked for this transaction (the last one must stay). */
export async function lockActiveAdmins(tx: Tx, workspaceId: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, "admin"), eq(users.status, "active")))
    .for("update");
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
