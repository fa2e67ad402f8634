// The Pipeline's public door for other modules: what the Scorecard reads of it.
import type { Ctx } from "../../context";
import { slaReport } from "./sla.service";

/** The service-level report for a date range, exactly as `GET /api/v1/sla/report` answers it. */
export async function readServiceLevelReport(ctx: Ctx, range: { from: string; to: string }) {
  return slaReport(ctx, range);
}
