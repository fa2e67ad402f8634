// The Pipeline's public door: what the Scorecard, Health and Rituals read of it, what the Guardrails use to
// create, decide and watch purchase requests, how the Stack's discovery opens a request (`openRequest`, the
// intake's own path), and the service-level job.

import type { CreateRequestBody, RequestListQuery, UpdateRequestBody } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { authorize } from "../../policy";
import {
  openRequest as openIntake,
  type RequestSource,
  editRequest as saveRequestEdit,
  createRequest as submitRequest,
} from "./intake.service";
import { presentRequest, presentSummary } from "./pipeline.presenter";
import { listDecidedBetween, listDecisionsBetween } from "./pipeline.queries";
import { listWorkspaceRequests } from "./request-view.service";
import { slaReport } from "./sla.service";

export type { RequestSource } from "./intake.service";
export {
  addWatchers,
  decideByPolicy,
  readRequestRecord,
  reviewDueAt,
  UNDECIDED_STAGES,
} from "./policy-decision.service";
export { choosePurchaseOwners, type PurchaseOwners, readPurchaseOwners } from "./purchase-owners.service";
/** A new workspace's Pipeline defaults (its working calendar and service levels): `createWorkspace` calls it. */
export { insertSlaDefaults as seedPipelineDefaults } from "./sla.queries";
/** The service-level job: recount every open clock, and open the value reviews that fell due. */
export { openDueReviews, scanServiceLevels } from "./sla.service";

/** Submits a request (or saves a draft), answered as `POST /api/v1/requests` answers before the purchase policy. */
export async function createRequest(ctx: Ctx, input: CreateRequestBody) {
  return presentRequest(await submitRequest(ctx, input));
}

/** Edits a request, answered as `PATCH /api/v1/requests/:id` answers before the purchase policy. */
export async function editRequest(ctx: Ctx, id: string, input: UpdateRequestBody) {
  return presentRequest(await saveRequestEdit(ctx, id, input));
}

/** Opens a request in the caller's transaction by the intake's own path (the Stack's discovery does). */
export async function openRequest(tx: Tx, ctx: Ctx, input: CreateRequestBody, from?: RequestSource) {
  return presentRequest(await openIntake(tx, ctx, input, from));
}

/** The service-level report for a date range, exactly as `GET /api/v1/sla/report` answers it. */
export async function readServiceLevelReport(ctx: Ctx, range: { from: string; to: string }) {
  return slaReport(ctx, range);
}

/** A list of requests as `GET /api/v1/requests` answers it (its first `limit`), and whether there are more. */
export async function readRequestList(ctx: Ctx, query: Partial<RequestListQuery> & { limit: number }) {
  const page = await listWorkspaceRequests(ctx, { sort: "rank", ...query });
  return { items: page.items.map(presentSummary), more: page.nextCursor !== null };
}

/**
 * Health's behavioural signals (issue 17): counts of the requests decided in a date range (UTC days): how many
 * named both a sponsor and an IT partner (signed off by both sides), the purchases and those with IT involved
 * before the decision (an IT partner or IT's notes in the case), and the approved ones with value reviews due and
 * done by the range's end; `approvedIds` for the KPIs the Scorecard links to them.
 */
export async function readDecisionFacts(ctx: Ctx, range: { from: string; to: string }) {
  authorize(ctx.actor, "request.read");
  const rows = await listDecidedBetween(ctx.database.db, ctx.actor.workspaceId, range);
  const purchases = rows.filter((row) => row.type === "purchase");
  const approved = rows.filter((row) => row.decision === "approved");
  const due = approved.filter((row) => row.reviewDue);
  return {
    decided: rows.length,
    decidedByBothSides: rows.filter((row) => row.bothSides).length,
    purchasesDecided: purchases.length,
    purchasesWithIt: purchases.filter((row) => row.itInvolved).length,
    approvedIds: approved.map((row) => row.id),
    reviewsDue: due.length,
    reviewsDone: due.filter((row) => row.reviewed).length,
  };
}

/** Rituals' demo and minutes (issue 16): the requests decided in a window, with their decision, reason and time. */
export async function readDecisionsBetween(ctx: Ctx, range: { from: Date; to: Date }) {
  authorize(ctx.actor, "request.read");
  return listDecisionsBetween(ctx.database.db, ctx.actor.workspaceId, range);
}
