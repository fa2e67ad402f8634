import type { Database } from "../db/client";
import { runRitualsRound } from "../modules/rituals/rituals.commands";

/** The queue of the Rituals job. */
export const RITUALS_QUEUE = "rituals";

/** Next occurrences, agendas refreshed until their meetings start, and reminders of commitments due. */
export async function runRituals(database: Database, now: Date) {
  return runRitualsRound(database, now);
}
