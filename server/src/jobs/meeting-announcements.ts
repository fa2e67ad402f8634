import type { Database } from "../db/client";
import { announceMeetings } from "../modules/rituals/rituals.commands";

/**
 * Rituals' emails, run just before each notification-email batch (only when SMTP is configured): invites of new or
 * changed occurrences with their .ics, cancellations, and the minutes of meetings just closed, each once.
 */
export async function runMeetingAnnouncements(database: Database, now: Date, publicUrl: string) {
  return announceMeetings(database, now, publicUrl);
}
