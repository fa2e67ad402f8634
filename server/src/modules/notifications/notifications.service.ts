import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { decodeCursor, encodeCursor, invalidCursor, isCursorId, isCursorTime } from "../../lib/cursor";
import type { NotificationAttachment } from "./notifications.queries";
import { countUnread, insertNotifications, listNotifications, markRead } from "./notifications.queries";

/** Something to tell people about. */
export interface Notice {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** A file the email carries (a calendar invite); the app never shows it. */
  attachment?: NotificationAttachment | null;
}

/**
 * Tells the people (never the one acting, who knows) about something, in the caller's transaction: the
 * notice exists exactly when the change it reports does.
 */
export async function notify(
  tx: Tx,
  origin: { workspaceId: string; actorId: string | null; now: Date },
  userIds: readonly (string | null | undefined)[],
  notice: Notice,
) {
  const recipients = [...new Set(userIds)].filter(
    (id): id is string => typeof id === "string" && id !== origin.actorId,
  );
  await insertNotifications(
    tx,
    recipients.map((userId) => ({
      workspaceId: origin.workspaceId,
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? "",
      link: notice.link ?? null,
      attachment: notice.attachment ?? null,
      createdAt: origin.now,
    })),
  );
}

/** The signed-in person's notifications, newest first, with the unread count. */
export async function listMyNotifications(ctx: Ctx, query: { limit: number; cursor?: string; unread?: string }) {
  const position = decodeCursor(query.cursor, 2);
  let after: { at: Date; id: string } | null = null;
  if (position) {
    const [at, id] = position;
    if (!isCursorTime(at) || !isCursorId(id)) throw invalidCursor();
    after = { at: new Date(at), id };
  }
  const db = ctx.database.db;
  const [rows, unread] = await Promise.all([
    listNotifications(db, ctx.actor.userId, query.limit + 1, after),
    countUnread(db, ctx.actor.userId),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
  return { items, unread, nextCursor };
}

/** Marks some (or all) of the signed-in person's notifications read. */
export async function markMyNotificationsRead(ctx: Ctx, input: { ids?: string[]; all?: boolean }) {
  await markRead(ctx.database.db, ctx.actor.userId, input.all ? "all" : (input.ids ?? []), ctx.now);
  return { unread: await countUnread(ctx.database.db, ctx.actor.userId) };
}
