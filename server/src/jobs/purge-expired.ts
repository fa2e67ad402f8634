import type { Database } from "../db/client";
import { deleteOldLoginFailures } from "../modules/auth/auth.queries";
import { LOGIN_WINDOW_MS } from "../modules/auth/sign-in-limits";
import { deleteStaleInvitations } from "../modules/invitations/invitations.queries";
import { deleteDeadSessions } from "../modules/sessions/sessions.queries";

/** The queue of the purge job. */
export const PURGE_EXPIRED_QUEUE = "purge-expired";

/** Deletes sessions, invitations and sign-in failures that can no longer matter. */
export async function purgeExpired(database: Database, now: Date) {
  return database.db.transaction(async (tx) => ({
    sessions: await deleteDeadSessions(tx, now),
    invitations: await deleteStaleInvitations(tx, now),
    loginFailures: await deleteOldLoginFailures(tx, new Date(now.getTime() - LOGIN_WINDOW_MS)),
  }));
}
