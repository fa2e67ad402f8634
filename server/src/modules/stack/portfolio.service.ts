import { STACK_TAXONOMY } from "../../../../contracts/stack";
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { ownerFactsOf, presentIntegration, presentTool } from "./stack.presenter";
import { listLiveIntegrations, listLiveTools } from "./stack.queries";
import { daysBetween, findOverlaps, renewalReminderDates, utilisation } from "./stack.rules";
import { todayOf } from "./stack.service";

/** The martech taxonomy the catalog offers. */
export function getTaxonomy() {
  return {
    categories: Object.entries(STACK_TAXONOMY).map(([key, value]) => ({
      key: key as keyof typeof STACK_TAXONOMY,
      label: value.label,
      subcategories: [...value.subcategories],
    })),
  };
}

/** Every live tool and every integration between them, in one answer (the graph needs both whole). */
export async function getStackGraph(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const [tools, integrations] = await Promise.all([
    listLiveTools(ctx.database.db, ctx.actor.workspaceId),
    listLiveIntegrations(ctx.database.db, ctx.actor.workspaceId),
  ]);
  const today = todayOf(ctx);
  return { tools: tools.map((row) => presentTool(row, today)), integrations: integrations.map(presentIntegration) };
}

/** Groups of live tools that overlap, with combined cost and utilisation. */
export async function listOverlaps(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const rows = await listLiveTools(ctx.database.db, ctx.actor.workspaceId);
  const groups = findOverlaps(
    rows.map(({ tool }) => ({
      ...tool,
      annualCost:
        tool.annualCost !== null && tool.currency !== null
          ? { amount: tool.annualCost, currency: tool.currency }
          : null,
    })),
  );
  return groups.map((group) => ({
    ...group,
    category: group.category as keyof typeof STACK_TAXONOMY,
    tools: group.tools.map((tool) => ({
      id: tool.id,
      name: tool.name,
      status: tool.status,
      annualCost: tool.annualCost,
      utilisation: utilisation(tool.seatsBought, tool.seatsUsed),
    })),
  }));
}

/** Contracts whose cancel-by date falls in the coming days (and the last 30, so none slips by unseen). */
export async function listRenewals(ctx: Ctx, withinDays: number) {
  authorize(ctx.actor, "tool.read");
  const today = todayOf(ctx);
  const rows = await listLiveTools(ctx.database.db, ctx.actor.workspaceId);
  return rows
    .map((row) => ({ row, tool: presentTool(row, today) }))
    .filter(({ tool }) => tool.renewalDate !== null && tool.cancelBy !== null)
    .map(({ row, tool }) => {
      const cancelBy = tool.cancelBy as string;
      const business = ownerFactsOf(row.businessOwner);
      const technical = ownerFactsOf(row.technicalOwner);
      return {
        tool: { id: tool.id, name: tool.name, vendor: tool.vendor },
        renewalDate: tool.renewalDate as string,
        cancelBy,
        daysToCancelBy: daysBetween(today, cancelBy),
        noticeDays: tool.noticeDays,
        autoRenew: tool.autoRenew,
        annualCost: tool.annualCost,
        businessOwner: business ? { id: business.id, name: business.name } : null,
        technicalOwner: technical ? { id: technical.id, name: technical.name } : null,
        reminderDates: renewalReminderDates(cancelBy),
      };
    })
    .filter((renewal) => renewal.daysToCancelBy >= -30 && renewal.daysToCancelBy <= withinDays)
    .sort((a, b) => a.cancelBy.localeCompare(b.cancelBy) || a.tool.name.localeCompare(b.tool.name));
}

/** Every live tool's compliance status and gaps, worst first, with counts. */
export async function summariseCompliance(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const today = todayOf(ctx);
  const tools = (await listLiveTools(ctx.database.db, ctx.actor.workspaceId)).map((row) => presentTool(row, today));
  const rank = { non_compliant: 0, at_risk: 1, compliant: 2 } as const;
  return {
    counts: {
      compliant: tools.filter((t) => t.compliance.status === "compliant").length,
      atRisk: tools.filter((t) => t.compliance.status === "at_risk").length,
      nonCompliant: tools.filter((t) => t.compliance.status === "non_compliant").length,
    },
    tools: tools
      .map((tool) => ({
        tool: { id: tool.id, name: tool.name },
        status: tool.compliance.status,
        gaps: tool.compliance.gaps,
        ownershipGaps: tool.ownershipGaps,
      }))
      .sort((a, b) => rank[a.status] - rank[b.status] || a.tool.name.localeCompare(b.tool.name)),
  };
}
