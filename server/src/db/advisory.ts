import { sql } from "drizzle-orm";
import type { Tx } from "./client";

/**
 * Holds a lock on one named thing until the transaction ends, for what has no row of its own to lock: a workspace's
 * first audit event, its next request number, a request's set of KPIs, an account's sign-in attempts. Others asking
 * for the same name wait their turn (on PostgreSQL; PGlite runs one transaction at a time anyway).
 */
export async function lockName(tx: Tx, scope: string, key: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${scope}:${key}`}, 0))`);
}
