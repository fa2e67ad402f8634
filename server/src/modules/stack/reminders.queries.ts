import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { calendarFeeds, renewalReminders, tools, users } from "../../db/schema";

/** Live tools with a renewal date, across workspaces (the job's work list). */
export function toolsWithRenewals(tx: Tx, workspaceId?: string) {
  return tx
    .select({
      id: tools.id,
      workspaceId: tools.workspaceId,
      name: tools.name,
      vendor: tools.vendor,
      renewalDate: tools.renewalDate,
      noticeDays: tools.noticeDays,
      autoRenew: tools.autoRenew,
      annualCost: tools.annualCost,
      currency: tools.currency,
      businessOwnerId: tools.businessOwnerId,
      technicalOwnerId: tools.technicalOwnerId,
    })
    .from(tools)
    .where(
      and(
        isNull(tools.archivedAt),
        isNotNull(tools.renewalDate),
        workspaceId ? eq(tools.workspaceId, workspaceId) : undefined,
      ),
    );
}

/** Records a reminder as sent; false when it was (another process got there first). */
export async function claimReminder(tx: Tx, values: typeof renewalReminders.$inferInsert) {
  const rows = await tx
    .insert(renewalReminders)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: renewalReminders.id });
  return rows.length > 0;
}

export async function findCalendarFeed(db: Tx, userId: string) {
  const [feed] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return feed ?? null;
}

/** A person's one feed: any previous address stops working (one statement, so two at once leave the later one). */
export async function replaceCalendarFeed(tx: Tx, values: typeof calendarFeeds.$inferInsert) {
  await tx
    .insert(calendarFeeds)
    .values(values)
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { secretHash: values.secretHash, createdAt: values.createdAt ?? new Date() },
    });
}

/** Deletes a person's feed; whether there was one. */
export async function deleteCalendarFeed(tx: Tx, userId: string) {
  const deleted = await tx
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return deleted.length > 0;
}

/** The feed a secret opens, with its owner's status. */
export async function findFeedBySecret(db: Tx, secretHash: string) {
  const [feed] = await db
    .select({
      workspaceId: calendarFeeds.workspaceId,
      userId: calendarFeeds.userId,
      name: users.name,
      status: users.status,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.secretHash, secretHash));
  return feed ?? null;
}
