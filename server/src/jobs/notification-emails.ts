import { createTransport } from "nodemailer";
import type { Database } from "../db/client";
import { type MailSettings, sendNotificationEmails } from "../modules/notifications/notifications.commands";

/** The queue of the notification-email job (scheduled only when SMTP is configured). */
export const NOTIFICATION_EMAILS_QUEUE = "notification-emails";

/** A mailer for the SMTP URL; the transport pools connections between runs. */
export function createMailer(smtpUrl: string, settings: MailSettings) {
  const transport = createTransport(smtpUrl);
  return {
    send: (database: Database, now: Date) => sendNotificationEmails(database, transport, settings, now),
    close: () => transport.close(),
  };
}
