import type { Database } from "../db/client";
import { closeDuePulses, launchScheduledPulses } from "../modules/health/health.commands";

/** The queue of the Health job. */
export const HEALTH_PULSES_QUEUE = "health-pulses";

/**
 * Closes the pulses whose last answering day has passed (their results released, the day's signals kept), then
 * launches each workspace's pulse due today by its cadence (once, however many processes run the job).
 */
export async function runHealthPulses(database: Database, now: Date) {
  const { closed } = await closeDuePulses(database, now);
  const { launched, failed } = await launchScheduledPulses(database, now);
  return { closed, launched, launchFailed: failed };
}
