import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "./columns";
import { users, workspaces } from "./people";

/** A file an emailed notification carries; `calendarMethod` marks an iCalendar invite (REQUEST, CANCEL). */
export interface NotificationAttachment {
  fileName: string;
  content: string;
  calendarMethod: "REQUEST" | "CANCEL" | null;
}

/** In-app notifications (and the email queue's source when SMTP is configured). */
export const notifications = pgTable(
  "notification",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    // A file the email carries (a calendar invite): sent with the email, never shown in the app.
    attachment: jsonb("attachment").$type<NotificationAttachment>(),
    readAt: at("read_at"),
    // Email delivery when SMTP is configured: sent once, retried a few times, then given up.
    emailedAt: at("emailed_at"),
    emailAttempts: smallint("email_attempts").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("notification_user_idx").on(t.userId, t.createdAt, t.id),
    index("notification_unsent_idx").on(t.createdAt).where(sql`${t.emailedAt} IS NULL`),
  ],
);
