// Shadow-IT candidates: the software-like merchants of the imported statements that nobody put in the catalog,
// with their yearly spend. Adopting one brings it into the catalog as "shadow" and opens a purchase request in the
// Pipeline so marketing and IT review it together; dismissing one stops proposing it.
import type { StackCategory } from "#contracts/stack";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { openRequest } from "../pipeline/pipeline.commands";
import { assignMerchantToTool, insertDismissal, listCandidateRows } from "./discovery.queries";
import { columnsOf } from "./stack.fields";
import { insertTool } from "./stack.queries";

/**
 * Software-like merchants of the imported statements that match no catalog tool and nobody dismissed, with their
 * spend: recurring ones (spend in two or more months) first, then by estimated yearly spend.
 */
export async function listCandidates(ctx: Ctx) {
  authorize(ctx.actor, "discovery.read");
  const rows = await listCandidateRows(ctx.database.db, ctx.actor.workspaceId);
  const candidates = new Map<string, Candidate>();
  for (const row of rows) {
    const candidate = candidates.get(row.key) ?? {
      merchantKey: row.key,
      label: labelOf(row.key),
      example: row.example,
      lines: 0,
      months: 0,
      employees: 0,
      departments: [] as string[],
      firstDate: row.firstDate,
      lastDate: row.lastDate,
      spend: [] as { currency: string; total: string; yearly: string }[],
    };
    const total = Number(row.total);
    const days = Math.max(1, (Date.parse(row.lastDate) - Date.parse(row.firstDate)) / 86_400_000);
    const count = Number(row.lines);
    // Yearly spend: the total over the span seen plus one typical interval between payments.
    const yearly = count >= 2 && days > 1 ? (total * 365) / (days * (count / (count - 1))) : total;
    candidate.lines += count;
    candidate.months = Math.max(candidate.months, Number(row.months));
    candidate.employees = Math.max(candidate.employees, Number(row.employees));
    candidate.departments = [...new Set([...candidate.departments, ...(row.departments ?? [])])].sort();
    if (row.firstDate < candidate.firstDate) candidate.firstDate = row.firstDate;
    if (row.lastDate > candidate.lastDate) candidate.lastDate = row.lastDate;
    candidate.spend.push({ currency: row.currency, total: total.toFixed(2), yearly: yearly.toFixed(2) });
    candidates.set(row.key, candidate);
  }
  const items = [...candidates.values()].map((candidate) => ({ ...candidate, isRecurring: candidate.months >= 2 }));
  const yearlyOf = (candidate: Candidate) => Math.max(0, ...candidate.spend.map((spend) => Number(spend.yearly)));
  items.sort(
    (a, b) =>
      Number(b.isRecurring) - Number(a.isRecurring) ||
      yearlyOf(b) - yearlyOf(a) ||
      a.merchantKey.localeCompare(b.merchantKey),
  );
  return { items };
}

interface Candidate {
  merchantKey: string;
  label: string;
  example: string;
  lines: number;
  months: number;
  employees: number;
  departments: string[];
  firstDate: string;
  lastDate: string;
  spend: { currency: string; total: string; yearly: string }[];
}

const labelOf = (key: string) =>
  key
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/**
 * Brings a candidate into the catalog as a shadow tool (its lines now point at it, its yearly spend becomes its
 * cost) and opens a purchase request so both sides review it; in one transaction.
 */
export async function adoptCandidate(
  ctx: Ctx,
  input: { merchantKey: string; name: string; vendor: string; category: StackCategory; subcategory: string },
) {
  authorize(ctx.actor, "discovery.adopt");
  const { items } = await listCandidates(ctx);
  const candidate = items.find((item) => item.merchantKey === input.merchantKey);
  if (!candidate) {
    throw new AppError("not_found", "No such candidate (it may have been adopted or dismissed meanwhile)");
  }
  const yearly = candidate.spend.reduce((best, spend) => (Number(spend.yearly) > Number(best.yearly) ? spend : best));
  return ctx.database.db.transaction(async (tx) => {
    const fields = {
      name: input.name,
      vendor: input.vendor,
      description: `Found in expense statements: ${candidate.lines} payments, ${candidate.employees} people, e.g. “${candidate.example}”.`,
      url: null,
      category: input.category,
      subcategory: input.subcategory,
      capabilities: [],
      status: "shadow" as const,
      lifecycle: "active" as const,
      lifecycleDates: { phaseIn: null, active: null, phaseOut: null, retired: null },
      businessOwnerId: null,
      technicalOwnerId: null,
      functionalFit: null,
      technicalFit: null,
      annualCost: { amount: Math.round(Number(yearly.yearly)).toFixed(2), currency: yearly.currency },
      seatsBought: null,
      seatsUsed: candidate.employees || null,
      contractStart: null,
      renewalDate: null,
      noticeDays: null,
      autoRenew: false,
      dataClasses: [],
      sso: false,
      dpaSigned: false,
      securityReviewDate: null,
      securityReviewExpiry: null,
      certifications: [],
      hostingRegion: "",
    };
    const created = await withUniqueField("name", "A tool with this name is already in the catalog", () =>
      insertTool(tx, {
        ...columnsOf(fields),
        workspaceId: ctx.actor.workspaceId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    const tool = {
      id: created.id,
      name: fields.name,
      vendor: fields.vendor,
      category: fields.category,
      subcategory: fields.subcategory,
    };
    await assignMerchantToTool(tx, ctx.actor.workspaceId, input.merchantKey, tool.id);
    await recordAudit(tx, originOf(ctx), {
      action: "tool.created",
      entityType: "tool",
      entityId: tool.id,
      after: { ...fields, source: "shadow-IT discovery", merchantKey: input.merchantKey },
    });
    const request = await openReviewRequest(tx, ctx, tool, candidate, yearly);
    return { toolId: tool.id, requestId: request.id, requestNumber: request.number };
  });
}

// The purchase review of a discovered tool: a Pipeline request opened by the intake's own path (the workspace's
// purchase template, the adopter watching, clocks and audit), with the spend found.
async function openReviewRequest(
  tx: Tx,
  ctx: Ctx,
  tool: { id: string; name: string; vendor: string; category: StackCategory; subcategory: string },
  candidate: Candidate,
  yearly: { currency: string; yearly: string },
) {
  const cost = Math.round(Number(yearly.yearly)).toFixed(2);
  return openRequest(
    tx,
    ctx,
    {
      type: "purchase",
      title: `Review shadow tool: ${tool.name}`,
      problem: `${tool.name} is paid for outside the catalog: ${candidate.lines} payments from ${candidate.firstDate} to ${candidate.lastDate} by ${candidate.employees} people${candidate.departments.length ? ` (${candidate.departments.join(", ")})` : ""}, about ${cost} ${yearly.currency} a year.`,
      outcome: "Decide together: sanction it with owners and a contract, replace it with a tool we own, or stop it.",
      beneficiaries: "",
      objectives: "",
      deadline: null,
      deadlineReason: "",
      dataClasses: [],
      expectedBenefit: null,
      softHours: null,
      hourlyRate: null,
      costEstimate: cost,
      currency: yearly.currency,
      confidence: null,
      sponsorId: null,
      teamId: null,
      // A retroactive purchase: what the purchase policy judges, as for any other (issue 15 item 9).
      purchase: {
        vendor: tool.vendor || tool.name,
        product: tool.name,
        category: tool.category,
        subcategory: tool.subcategory,
        capabilities: [],
        annualCost: cost,
        currency: yearly.currency,
        seats: candidate.employees || null,
        dataClasses: [],
        sso: false,
        dpaAvailable: false,
        hostingRegion: "",
        integratesWith: [],
        agencyManaged: false,
      },
      draft: false,
    },
    { source: "shadow-IT discovery", toolIds: [tool.id], data: { toolId: tool.id } },
  );
}

/** Stops proposing a merchant (it is not software, or not a tool to track). */
export async function dismissCandidate(ctx: Ctx, input: { merchantKey: string; reason: string }) {
  authorize(ctx.actor, "discovery.adopt");
  await ctx.database.db.transaction(async (tx) => {
    await insertDismissal(tx, {
      workspaceId: ctx.actor.workspaceId,
      merchantKey: input.merchantKey,
      dismissedById: ctx.actor.userId,
      reason: input.reason,
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "discovery.dismissed",
      entityType: "merchant",
      entityId: input.merchantKey.slice(0, 80),
      after: input,
    });
  });
  return { ok: true as const };
}
