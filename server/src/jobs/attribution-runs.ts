import type { Database } from "../db/client";
import { resumeStalledRuns } from "../modules/value/value.commands";

/** The queue of the job that takes over attribution runs whose process stopped (queued or stalled). */
export const ATTRIBUTION_RUNS_QUEUE = "attribution-runs";

export async function runStalledAttributionRuns(database: Database, now: Date) {
  return { resumed: await resumeStalledRuns(database, now) };
}
