// Experiments' public door for other modules: what the Scorecard reads of them.

import type { ExperimentListQuery } from "#contracts/experiments";
import type { Ctx } from "../../context";
import { presentExperiment } from "./experiments.presenter";
import { listWorkspaceExperiments, listWorkspaceLearnings } from "./experiments.service";

/** How many experiments were decided between two dates (inclusive), read from the learning library. */
export async function countDecidedExperiments(ctx: Ctx, range: { from: string; to: string }) {
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
  let decided = 0;
  let cursor: string | undefined;
  // The library is ordered by decision, newest first: stop at the first one before the range.
  for (;;) {
    const page = await listWorkspaceLearnings(ctx, { limit: 200, cursor });
    for (const row of page.items) {
      const at = row.experiment.decidedAt;
      if (at === null || at < from) return decided;
      if (at < to) decided += 1;
    }
    if (page.nextCursor === null) return decided;
    cursor = page.nextCursor;
  }
}

/** Experiments as `GET /api/v1/experiments` lists them (its first `limit`), and whether there are more. */
export async function readExperimentList(ctx: Ctx, query: Partial<ExperimentListQuery> & { limit: number }) {
  const page = await listWorkspaceExperiments(ctx, { sort: "-updatedAt", ...query });
  return { items: page.items.map(presentExperiment), more: page.nextCursor !== null };
}
