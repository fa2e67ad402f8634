import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Something a person should know about, shown in the app (and emailed when SMTP is configured). */
export const AppNotification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export const NotificationList = z.object({
  items: z.array(AppNotification),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export const MarkReadBody = z.strictObject({ ids: z.array(Id).max(200).optional(), all: z.boolean().optional() });
