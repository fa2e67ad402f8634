import type { Database } from "../db/client";
import { closeDuePulses } from "../modules/health/health.commands";

/** The queue of the Health job. */
export const HEALTH_PULSES_QUEUE = "health-pulses";

/** Closes the pulses whose last answering day has passed (their results released, the day's signals kept). */
export async function runHealthPulses(database: Database, now: Date) {
  return closeDuePulses(database, now);
}
