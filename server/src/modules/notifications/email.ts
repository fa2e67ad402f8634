// Notifications by email when SMTP is configured: the job claims a batch of unsent notifications (several
// processes never claim the same one), sends each to its person, and marks it sent; a failed send is retried on
// later runs, up to three attempts. Only the last day's notifications are sent: configuring SMTP later does not
// flood anyone with old news.
import type { Transporter } from "nodemailer";
import type { Database } from "../../db/client";
import type { NotificationAttachment } from "./notifications.queries";
import { claimUnsentEmails, markEmailed } from "./notifications.queries";

const MAX_ATTEMPTS = 3;
const BATCH = 100;
const MAX_AGE_MS = 24 * 3_600_000;

export interface MailSettings {
  from: string;
  /** Where people reach Tandem, for the links in the emails. */
  publicUrl: string;
}

// A calendar invite goes as nodemailer's iCalendar event (a text/calendar part with its METHOD, which mail apps
// offer to add to the calendar, and the .ics attached); any other file as a plain attachment.
function attachmentOf(attachment: NotificationAttachment | null) {
  if (!attachment) return {};
  if (attachment.calendarMethod) {
    return {
      icalEvent: { method: attachment.calendarMethod, filename: attachment.fileName, content: attachment.content },
    };
  }
  return { attachments: [{ filename: attachment.fileName, content: attachment.content }] };
}

/** Sends the pending notification emails; returns how many were sent and how many failed this time. */
export async function sendNotificationEmails(
  database: Database,
  transport: Transporter,
  settings: MailSettings,
  now: Date,
) {
  const since = new Date(now.getTime() - MAX_AGE_MS);
  // Claim a batch: one attempt is counted now, so a crash between claim and send cannot loop forever.
  const claimed = await claimUnsentEmails(database, { maxAttempts: MAX_ATTEMPTS, since, batch: BATCH });
  let sent = 0;
  let failed = 0;
  for (const notice of claimed) {
    const url = notice.link ? new URL(notice.link, settings.publicUrl).toString() : settings.publicUrl;
    try {
      await transport.sendMail({
        from: settings.from,
        to: { name: notice.name, address: notice.email },
        subject: notice.title,
        ...attachmentOf(notice.attachment),
        text: `${notice.body ? `${notice.body}\n\n` : ""}${url}\n\n— Tandem · ${notice.workspace}\nYou get this because you are part of this work in Tandem; turn these emails off under Your account.`,
      });
      await markEmailed(database, notice.id, now);
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}
