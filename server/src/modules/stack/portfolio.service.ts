import {
  type ComplianceStatus,
  type DataClass,
  STACK_TAXONOMY,
  type StackCategory,
  type UpdateTaxonomyBody,
} from "#contracts/stack";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { fieldsOf, judgeTool, ownerFactsOf } from "./stack.fields";
import { findTaxonomy, listGraphIntegrations, listGraphTools, listLiveTools, saveTaxonomy } from "./stack.queries";
import {
  assessCompliance,
  COMPLIANCE_RANK,
  cancelByDate,
  daysBetween,
  findOverlaps,
  renewalReminderDates,
  utilisation,
} from "./stack.rules";
import { todayOf } from "./stack.service";

/** The martech taxonomy the catalog offers: the workspace's own subcategories, or the built-in ones. */
export async function getTaxonomy(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  return taxonomyOf(ctx.database.db, ctx.actor.workspaceId);
}

async function taxonomyOf(db: Tx, workspaceId: string) {
  const stored = await findTaxonomy(db, workspaceId);
  const own = stored?.subcategories ?? null;
  return {
    categories: (Object.keys(STACK_TAXONOMY) as StackCategory[]).map((key) => ({
      key,
      label: STACK_TAXONOMY[key].label,
      subcategories: own?.[key] ?? [...STACK_TAXONOMY[key].subcategories],
    })),
    isCustom: stored !== null,
    version: stored?.version ?? 0,
  };
}

/** Replaces the workspace's subcategories (admins); tools keep theirs, as text, whatever the list says. */
export async function editTaxonomy(ctx: Ctx, input: UpdateTaxonomyBody) {
  authorize(ctx.actor, "taxonomy.update");
  return ctx.database.db.transaction(async (tx) => {
    const before = await findTaxonomy(tx, ctx.actor.workspaceId);
    const saved = await saveTaxonomy(tx, ctx.actor.workspaceId, input.version, input.subcategories, ctx.now);
    if (!saved) throw staleEdit("taxonomy", "the");
    await recordAudit(tx, originOf(ctx), {
      action: "taxonomy.updated",
      entityType: "workspace",
      entityId: ctx.actor.workspaceId,
      before: { subcategories: before?.subcategories ?? null },
      after: { subcategories: input.subcategories },
    });
    return taxonomyOf(tx, ctx.actor.workspaceId);
  });
}

/** Every live tool and every integration between them, in one answer, with only what the graph draws. */
export async function getStackGraph(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const [tools, integrations] = await Promise.all([
    listGraphTools(ctx.database.db, ctx.actor.workspaceId),
    listGraphIntegrations(ctx.database.db, ctx.actor.workspaceId),
  ]);
  const today = todayOf(ctx);
  return {
    tools: tools.map(
      ({ dpaSigned, sso, securityReviewDate, securityReviewExpiry, certifications, hasActiveOwner, ...tool }) => {
        const dataClasses = tool.dataClasses as DataClass[];
        const { status, gaps } = assessCompliance(
          {
            status: tool.status,
            dataClasses,
            dpaSigned,
            sso,
            securityReviewDate,
            securityReviewExpiry,
            certifications,
          },
          hasActiveOwner,
          today,
        );
        return { ...tool, dataClasses, compliance: { status, gaps: gaps.map((gap) => ({ message: gap.message })) } };
      },
    ),
    integrations: integrations.map((row) => ({
      id: row.id,
      from: { id: row.fromId },
      to: { id: row.toId },
      direction: row.direction,
    })),
  };
}

/** Groups of live tools that overlap, with combined cost and utilisation. */
export async function listOverlaps(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const rows = await listLiveTools(ctx.database.db, ctx.actor.workspaceId);
  const groups = findOverlaps(rows.map(({ tool }) => ({ ...fieldsOf(tool), id: tool.id })));
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
  const renewals = [];
  for (const row of rows) {
    const tool = fieldsOf(row.tool);
    const cancelBy = cancelByDate(tool.renewalDate, tool.noticeDays);
    if (tool.renewalDate === null || cancelBy === null) continue;
    const daysToCancelBy = daysBetween(today, cancelBy);
    if (daysToCancelBy < -30 || daysToCancelBy > withinDays) continue;
    const business = ownerFactsOf(row.businessOwner);
    const technical = ownerFactsOf(row.technicalOwner);
    renewals.push({
      tool: { id: row.tool.id, name: tool.name, vendor: tool.vendor },
      renewalDate: tool.renewalDate,
      cancelBy,
      daysToCancelBy,
      noticeDays: tool.noticeDays,
      autoRenew: tool.autoRenew,
      annualCost: tool.annualCost,
      businessOwner: business ? { id: business.id, name: business.name } : null,
      technicalOwner: technical ? { id: technical.id, name: technical.name } : null,
      reminderDates: renewalReminderDates(cancelBy),
    });
  }
  return renewals.sort((a, b) => a.cancelBy.localeCompare(b.cancelBy) || a.tool.name.localeCompare(b.tool.name));
}

/** Every live tool's compliance status and gaps, worst first, with counts. */
export async function summariseCompliance(ctx: Ctx) {
  authorize(ctx.actor, "tool.read");
  const today = todayOf(ctx);
  const tools = (await listLiveTools(ctx.database.db, ctx.actor.workspaceId)).map((row) => {
    const { fields, compliance, ownershipGaps } = judgeTool(row, today);
    return {
      tool: { id: row.tool.id, name: fields.name },
      status: compliance.status,
      gaps: compliance.gaps,
      ownershipGaps,
    };
  });
  const count = (status: ComplianceStatus) => tools.filter((tool) => tool.status === status).length;
  return {
    counts: {
      compliant: count("compliant"),
      unknown: count("unknown"),
      atRisk: count("at_risk"),
      nonCompliant: count("non_compliant"),
    },
    tools: tools.sort(
      (a, b) => COMPLIANCE_RANK[a.status] - COMPLIANCE_RANK[b.status] || a.tool.name.localeCompare(b.tool.name),
    ),
  };
}
