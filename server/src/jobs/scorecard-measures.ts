import type { Database } from "../db/client";
import { recomputeAllWorkspaces } from "../modules/scorecard/scorecard.commands";

/** The queue of the computed-KPI job. */
export const SCORECARD_MEASURES_QUEUE = "scorecard-measures";

/** Recomputes every computed KPI of every workspace from the source modules' reports. */
export async function runScorecardMeasures(database: Database, now: Date) {
  return recomputeAllWorkspaces(database, now);
}
