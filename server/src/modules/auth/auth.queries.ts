import { and, count, eq, gt, inArray, lt, max, min, sql } from "drizzle-orm";
import type { TeamKind } from "../../../../contracts/people";
import type { Tx } from "../../db/client";
import { loginFailures, teams, users, workspaces } from "../../db/schema";
import { insertSlaDefaults } from "../pipeline/pipeline.commands";

/** The teams every new workspace starts with. */
export const DEFAULT_TEAMS: { name: string; kind: TeamKind }[] = [
  { name: "Marketing", kind: "marketing" },
  { name: "IT", kind: "it" },
  { name: "Security", kind: "security" },
  { name: "Legal", kind: "legal" },
  { name: "Finance", kind: "finance" },
];

/** How many workspaces the installation has. */
export async function countWorkspaces(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(workspaces);
  return row.n;
}

/** Creates a workspace with its default teams. */
export async function insertWorkspace(tx: Tx, name: string, now: Date) {
  const [workspace] = await tx.insert(workspaces).values({ name, createdAt: now, updatedAt: now }).returning();
  const created = await tx
    .insert(teams)
    .values(DEFAULT_TEAMS.map((team) => ({ ...team, workspaceId: workspace.id, createdAt: now, updatedAt: now })))
    .returning();
  await insertSlaDefaults(tx, workspace.id, now);
  return { workspace, teams: created };
}

/** A workspace by its name (the CLI addresses workspaces by name). */
export async function findWorkspaceByName(tx: Tx, name: string) {
  const [row] = await tx.select().from(workspaces).where(eq(workspaces.name, name));
  return row ?? null;
}

/** A user by email, any status, with what sign-in needs. */
export async function findUserByEmail(tx: Tx, email: string) {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

// The advisory-lock class of sign-in reservations (the two-key form never meets the one-key setup lock).
const LOGIN_LOCK_CLASS = 7_346_223;

/**
 * Takes the account's sign-in lock for the rest of the transaction, so that concurrent attempts on one
 * account are counted one after the other (the reservation that follows sees every earlier one).
 */
export async function lockLoginAccount(tx: Tx, accountKey: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}, hashtext(${accountKey}))`);
}

/** Recent sign-in failures per key (an account or an IP): how many, the oldest and the newest. */
export async function countLoginFailures(tx: Tx, keys: string[], since: Date) {
  const rows = await tx
    .select({ key: loginFailures.key, n: count(), oldest: min(loginFailures.at), newest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return new Map(rows.map((row) => [row.key, { n: row.n, oldest: row.oldest ?? since, newest: row.newest ?? since }]));
}

/** Records a sign-in failure (or reserves one before the password is checked) under each key. */
export async function insertLoginFailures(tx: Tx, keys: string[], now: Date) {
  const rows = await tx
    .insert(loginFailures)
    .values(keys.map((key) => ({ key, at: now })))
    .returning({ id: loginFailures.id, key: loginFailures.key });
  return rows;
}

/** Withdraws reserved failures (the attempt succeeded). */
export async function deleteLoginFailures(tx: Tx, ids: number[]) {
  if (ids.length > 0) await tx.delete(loginFailures).where(inArray(loginFailures.id, ids));
}

/** Forgets an account's failures after it signs in. */
export async function clearLoginFailures(tx: Tx, key: string) {
  await tx.delete(loginFailures).where(eq(loginFailures.key, key));
}

/** Deletes failures older than the window. */
export async function deleteOldLoginFailures(tx: Tx, before: Date) {
  const deleted = await tx
    .delete(loginFailures)
    .where(lt(loginFailures.at, before))
    .returning({ id: loginFailures.id });
  return deleted.length;
}
