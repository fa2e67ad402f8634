import type { Database } from "../db/client";
import { sendRenewalReminders } from "../modules/stack/stack.commands";

/** The queue of the renewal-reminder job. */
export const RENEWAL_REMINDERS_QUEUE = "renewal-reminders";

/** Tells both owners of each tool whose cancel-by date is 120, 90, 60 or 30 days away (once each). */
export async function runRenewalReminders(database: Database, now: Date) {
  return { sent: await sendRenewalReminders(database, now) };
}
