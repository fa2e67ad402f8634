import type { Database } from "../db/client";
import { openDueReviews, scanServiceLevels } from "../modules/pipeline/pipeline.commands";

/** The queue of the service-level job. */
export const PIPELINE_CLOCKS_QUEUE = "pipeline-clocks";

/** Recounts every open clock (breaches and at-risk warnings notified once) and opens the value reviews that fell due. */
export async function runPipelineClocks(database: Database, now: Date) {
  const reviewsOpened = await openDueReviews(database, now);
  const levels = await scanServiceLevels(database, now);
  return { ...levels, reviewsOpened };
}
