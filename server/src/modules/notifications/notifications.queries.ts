import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { notifications } from "../../db/schema";

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
