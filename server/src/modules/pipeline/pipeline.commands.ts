// The Pipeline's public door for other modules: what the Scorecard reads of it, and what the Guardrails use to
// create, decide and watch purchase requests.
import type { RequestListQuery } from "../../../../contracts/pipeline";
import type { Ctx } from "../../context";
import { presentSummary } from "./pipeline.presenter";
import { listWorkspaceRequests } from "./pipeline.service";
import { slaReport } from "./sla.service";

export { createRequest, getRequest } from "./pipeline.service";
export {
  addWatchers,
  decideByPolicy,
  readRequestRecord,
  reviewDueAt,
  UNDECIDED_STAGES,
} from "./policy-decision.service";

/** The service-level report for a date range, exactly as `GET /api/v1/sla/report` answers it. */
export async function readServiceLevelReport(ctx: Ctx, range: { from: string; to: string }) {
  return slaReport(ctx, range);
}

/** A list of requests as `GET /api/v1/requests` answers it (its first `limit`), and whether there are more. */
export async function readRequestList(ctx: Ctx, query: Partial<RequestListQuery> & { limit: number }) {
  const page = await listWorkspaceRequests(ctx, { sort: "rank", ...query });
  return { items: page.items.map(presentSummary), more: page.nextCursor !== null };
}
