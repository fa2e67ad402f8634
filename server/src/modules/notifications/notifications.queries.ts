import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client";
import { type NotificationAttachment, notifications } from "../../db/schema";

export type { NotificationAttachment };

export async function insertNotifications(tx: Tx, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(notifications).values(rows);
}

/** A person's notifications, newest first, keyset-paged by (created_at, id). */
export function listNotifications(tx: Tx, userId: string, limit: number, after: { at: Date; id: string } | null) {
  return tx
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.unread ?? 0);
}

export async function markRead(tx: Tx, userId: string, ids: string[] | "all", at: Date) {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    );
}

/** A notification claimed for email, with its person and workspace. */
export interface ClaimedEmail {
  id: string;
  title: string;
  body: string;
  link: string | null;
  attachment: NotificationAttachment | null;
  email: string;
  name: string;
  workspace: string;
}

/**
 * Claims a batch of unsent notifications of active people who want them emailed (counting an attempt); several
 * processes never claim the same one (SKIP LOCKED). The people are chosen inside the batch, so notifications nobody
 * will receive by email never fill it.
 */
export function claimUnsentEmails(database: Database, limits: { maxAttempts: number; since: Date; batch: number }) {
  return database.query<ClaimedEmail>(
    `UPDATE notification AS n SET email_attempts = n.email_attempts + 1
     FROM app_user AS u, workspace AS w
     WHERE n.id IN (
       SELECT waiting.id FROM notification AS waiting JOIN app_user AS person ON person.id = waiting.user_id
       WHERE waiting.emailed_at IS NULL AND waiting.email_attempts < $1 AND waiting.created_at >= $2::timestamptz
         AND person.status = 'active' AND person.email_notifications
       ORDER BY waiting.created_at LIMIT $3 FOR UPDATE OF waiting SKIP LOCKED)
       AND u.id = n.user_id AND w.id = n.workspace_id
     RETURNING n.id, n.title, n.body, n.link, n.attachment, u.email, u.name, w.name AS workspace`,
    [limits.maxAttempts, limits.since.toISOString(), limits.batch],
  );
}

export async function markEmailed(database: Database, id: string, at: Date) {
  await database.query("UPDATE notification SET emailed_at = $2::timestamptz WHERE id = $1", [id, at.toISOString()]);
}
