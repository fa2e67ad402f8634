import type { Database } from "../db/client";
import { purgeOldLoginFailures } from "../modules/auth/auth.commands";
import { deleteStaleInvitations } from "../modules/invitations/invitations.commands";
import { deleteDeadSessions } from "../modules/sessions/sessions.commands";

/** The queue of the purge job. */
export const PURGE_EXPIRED_QUEUE = "purge-expired";

/** Deletes sessions, invitations and sign-in failures that can no longer matter. */
export async function purgeExpired(database: Database, now: Date) {
  return database.db.transaction(async (tx) => ({
    sessions: await deleteDeadSessions(tx, now),
    invitations: await deleteStaleInvitations(tx, now),
    loginFailures: await purgeOldLoginFailures(tx, now),
  }));
}
