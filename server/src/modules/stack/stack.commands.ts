// The Stack's public door: what the Scorecard, Rituals and Guardrails read of the catalog and of discovery, and
// the renewal-reminder job.
import type { Lifecycle, Tool } from "#contracts/stack";
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { listCandidates } from "./discovery-candidates.service";
import { listRenewals, summariseCompliance } from "./portfolio.service";
import { presentTool } from "./stack.presenter";
import { listRenewalsBetween } from "./stack.queries";
import { listWorkspaceTools, todayOf } from "./stack.service";

export { addPurchasedTool, readPurchaseFacts } from "./purchase-facts.service";
/** Revokes a person's calendar feed (their password changed or they were deactivated), in the caller's transaction. */
export { deleteCalendarFeed } from "./reminders.queries";
export {
  openCalendarFeed,
  type RenewalCalendarEntry,
  renewalCalendarEntries as readRenewalCalendarEntries,
  sendRenewalReminders,
} from "./reminders.service";

/** Every live tool of the catalog in the given lifecycle phases, as `GET /api/v1/tools?lifecycle=…` lists them. */
export async function listCatalogTools(ctx: Ctx, phases: readonly Lifecycle[]): Promise<Tool[]> {
  const tools: Tool[] = [];
  for (const lifecycle of phases) {
    let cursor: string | undefined;
    for (;;) {
      const page = await listWorkspaceTools(ctx, { limit: 200, cursor, sort: "name", lifecycle, archived: "false" });
      tools.push(...page.items.map((row) => presentTool(row, todayOf(ctx))));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
  }
  return tools;
}

/** The compliance summary of the live catalog, as `GET /api/v1/stack/compliance` answers it. */
export async function readComplianceSummary(ctx: Ctx) {
  return summariseCompliance(ctx);
}

/** Shadow-IT candidates with their yearly spend, as `GET /api/v1/stack/discovery/candidates` answers them. */
export async function readShadowCandidates(ctx: Ctx) {
  return listCandidates(ctx);
}

/** Renewals whose cancel-by date falls within the days, as `GET /api/v1/stack/renewals?withinDays=…` lists them. */
export async function readRenewals(ctx: Ctx, withinDays: number) {
  return listRenewals(ctx, withinDays);
}

/**
 * Rituals' agenda (issue 16): the live tools whose cancel-by date (renewal date less the notice days) falls on or
 * after `from` and before `before`, as the renewals page shows them, read by one filtered query (the page reads the
 * whole catalog).
 */
export async function readRenewalsBetween(ctx: Ctx, from: string, before: string) {
  authorize(ctx.actor, "tool.read");
  const rows = await listRenewalsBetween(ctx.database.db, ctx.actor.workspaceId, from, before);
  return rows.map((row) => ({
    tool: { id: row.id, name: row.name, vendor: row.vendor },
    renewalDate: row.renewalDate as string,
    cancelBy: row.cancelBy,
    autoRenew: row.autoRenew,
    annualCost:
      row.annualCost !== null && row.currency !== null ? { amount: row.annualCost, currency: row.currency } : null,
    businessOwnerId: row.businessOwnerId,
    technicalOwnerId: row.technicalOwnerId,
  }));
}
