// What the purchase policy may know of the Stack (issue 15 item 4): the tools a purchase would overlap, and the
// tools it must integrate with, with their data classes and compliance status.
import { ToolFields } from "#contracts/stack";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findToolIdByName } from "./purchase-facts.queries";
import { columnsOf, judgeTool } from "./stack.fields";
import { insertTool, listLiveTools, type ToolRow } from "./stack.queries";
import { todayOf } from "./stack.service";

/** A tool the purchase overlaps: same subcategory, at least one shared capability. */
export interface OverlappingTool {
  id: string;
  name: string;
  owners: string[];
  seatsBought: number | null;
  seatsUsed: number | null;
  annualCost: number | null;
  currency: string | null;
}

/** A tool the purchase must connect to. */
export interface IntegrationTool {
  id: string;
  name: string;
  dataClasses: string[];
  compliance: string;
}

// The catalog's live tools as the policy weighs them: retired ones overlap nothing.
function liveTools(ctx: Ctx, rows: ToolRow[]) {
  const today = todayOf(ctx);
  return rows
    .map((row) => ({ id: row.tool.id, ...judgeTool(row, today) }))
    .filter((tool) => tool.fields.lifecycle !== "retired");
}

/** The Stack's facts for a purchase: `overlapping` and `integrations`, as the policy sees them under `stack`. */
export async function readPurchaseFacts(
  ctx: Ctx,
  purchase: { subcategory: string; capabilities: string[]; integratesWith: string[] },
): Promise<{ overlapping: OverlappingTool[]; integrations: IntegrationTool[] }> {
  authorize(ctx.actor, "tool.read");
  const tools = liveTools(ctx, await listLiveTools(ctx.database.db, ctx.actor.workspaceId));
  const wanted = new Set(purchase.capabilities.map((c) => c.toLowerCase()));
  const overlapping = tools
    .filter(
      ({ fields }) =>
        fields.subcategory.toLowerCase() === purchase.subcategory.toLowerCase() &&
        fields.capabilities.some((c) => wanted.has(c.toLowerCase())),
    )
    .map(({ id, fields, business, technical }) => ({
      id,
      name: fields.name,
      owners: [business?.name, technical?.name].filter((x): x is string => Boolean(x)),
      seatsBought: fields.seatsBought,
      seatsUsed: fields.seatsUsed,
      annualCost: fields.annualCost ? Number(fields.annualCost.amount) : null,
      currency: fields.annualCost?.currency ?? null,
    }));
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  const integrations = purchase.integratesWith.flatMap((id) => {
    const tool = byId.get(id);
    return tool
      ? [{ id, name: tool.fields.name, dataClasses: tool.fields.dataClasses, compliance: tool.compliance.status }]
      : [];
  });
  return { overlapping, integrations };
}

/**
 * Puts an approved purchase into the Stack (issue 15 item 8), in the caller's transaction: phase-in from today,
 * sanctioned, owners and contract fields from the request. A tool of the same name already in the catalog is
 * returned instead of a duplicate.
 */
export async function addPurchasedTool(
  tx: Tx,
  ctx: Ctx,
  purchase: {
    product: string;
    vendor: string;
    category: ToolFields["category"];
    subcategory: string;
    capabilities: string[];
    annualCost: string;
    currency: string;
    seats: number | null;
    dataClasses: ToolFields["dataClasses"];
    sso: boolean;
    hostingRegion: string;
    businessOwnerId: string | null;
    technicalOwnerId: string | null;
  },
): Promise<{ id: string; created: boolean }> {
  const existing = await findToolIdByName(tx, ctx.actor.workspaceId, purchase.product);
  if (existing) return { id: existing, created: false };
  const today = todayOf(ctx);
  const fields = ToolFields.parse({
    name: purchase.product,
    vendor: purchase.vendor,
    category: purchase.category,
    subcategory: purchase.subcategory,
    capabilities: purchase.capabilities,
    status: "sanctioned",
    lifecycle: "phase_in",
    lifecycleDates: { phaseIn: today, active: null, phaseOut: null, retired: null },
    businessOwnerId: purchase.businessOwnerId,
    technicalOwnerId: purchase.technicalOwnerId,
    annualCost: { amount: purchase.annualCost, currency: purchase.currency },
    seatsBought: purchase.seats,
    contractStart: today,
    dataClasses: purchase.dataClasses,
    sso: purchase.sso,
    hostingRegion: purchase.hostingRegion,
  });
  const { id } = await insertTool(tx, {
    ...columnsOf(fields),
    workspaceId: ctx.actor.workspaceId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordAudit(tx, originOf(ctx), {
    action: "tool.created",
    entityType: "tool",
    entityId: id,
    after: { ...fields, from: "purchase" },
  });
  return { id, created: true };
}
