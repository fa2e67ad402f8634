// Value's public door for other modules: what the Scorecard reads of it.
import type { WhichHalf } from "#contracts/value";
import type { Ctx } from "../../context";
import { centsOf, ratioOf } from "../../lib/money";
import { getWhichHalf, listWorkspaceRuns } from "./attribution.service";

/** The attribution job: finish the runs a stopped server left half-done. */
export { resumeStalledRuns } from "./attribution.service";

/** The latest finished attribution run's which-half view (its default model), or null without one. */
export async function readLatestWhichHalf(ctx: Ctx) {
  let cursor: string | undefined;
  for (;;) {
    const page = await listWorkspaceRuns(ctx, { limit: 50, cursor, sort: "-createdAt" });
    const done = page.items.find((row) => row.run.status === "done");
    if (done) return getWhichHalf(ctx, done.run.id, {});
    if (page.nextCursor === null) return null;
    cursor = page.nextCursor;
  }
}

/** Attributed value per unit of spend of a which-half view, from its exact amounts; null without spend. */
export function returnOnSpendOf(view: Pick<WhichHalf, "totalValue" | "totalSpend">): number | null {
  return ratioOf(centsOf(view.totalValue), centsOf(view.totalSpend));
}
