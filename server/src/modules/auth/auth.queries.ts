import { and, count, eq, gt, inArray, lt, max, min } from "drizzle-orm";
import { lockName } from "../../db/advisory";
import type { Tx } from "../../db/client";
import { loginFailures, users } from "../../db/schema";

/** A user by email, any status, with what sign-in needs. */
export async function findUserByEmail(tx: Tx, email: string) {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

/** Stores a new admin of a workspace; the created row. */
export async function insertAdminUser(tx: Tx, values: Omit<typeof users.$inferInsert, "role">) {
  const [user] = await tx
    .insert(users)
    .values({ ...values, role: "admin" })
    .returning();
  return user;
}

/**
 * Takes the account's sign-in lock for the rest of the transaction, so that concurrent attempts on one
 * account are counted one after the other (the reservation that follows sees every earlier one).
 */
export async function lockLoginAccount(tx: Tx, accountKey: string) {
  await lockName(tx, "sign-in", accountKey);
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
