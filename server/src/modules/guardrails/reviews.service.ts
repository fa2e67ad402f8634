// Parallel reviews of a purchase (issue 15 item 7): one per required team kind, decided by a person of a team of
// that kind (or an admin). All approvals approve the request, one rejection declines it with its reason. The review
// row is locked, then the request: two reviewers acting at once queue on the request and the second sees the first.
import type { DecideReviewBody, PurchaseReview } from "#contracts/guardrails";
import type { ReviewerKind } from "#contracts/policy";
import type { Actor, Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { decideByPolicy, readRequestRecord, UNDECIDED_STAGES } from "../pipeline/pipeline.commands";
import {
  cancelOpenReviews,
  findReview,
  listEvaluationReviews,
  listReviews,
  listTemplates,
  type ReviewRow,
  type ReviewView,
  saveTemplate,
  updateReview,
} from "./guardrails.queries";
import { addToStack } from "./judge.service";
import { checklistOf } from "./review-templates";

const canDecide = (actor: Actor, kind: ReviewerKind) =>
  actor.role === "admin" || (actor.role === "member" && actor.teamKind === kind);

/** A review as the signed-in person sees it: whether they may approve or reject it now. */
function forActor(row: ReviewRow, actor: Actor): ReviewView {
  return { ...row, canDecide: row.review.status === "open" && canDecide(actor, row.review.kind) };
}

/** Reviews of the workspace; `waitingOn=me` lists the open ones of the signed-in person's team kind. */
export async function listWorkspaceReviews(
  ctx: Ctx,
  query: { waitingOn?: "me"; requestId?: string; status?: PurchaseReview["status"] },
) {
  authorize(ctx.actor, "purchaseReview.read");
  const kind = ctx.actor.teamKind;
  if (query.waitingOn === "me" && kind === "other") return { items: [] };
  const rows = await listReviews(ctx.database.db, ctx.actor.workspaceId, {
    requestId: query.requestId,
    ...(query.waitingOn === "me" ? { kinds: [kind as ReviewerKind], status: "open" as const } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  return { items: rows.map((row) => forActor(row, ctx.actor)) };
}

/** One review. */
export async function getReview(ctx: Ctx, id: string) {
  authorize(ctx.actor, "purchaseReview.read");
  const row = await findReview(ctx.database.db, ctx.actor.workspaceId, id);
  if (!row) throw new AppError("not_found", "Review not found");
  return forActor(row, ctx.actor);
}

/** Approves or rejects a review; the last approval approves the request, a rejection declines it. */
export async function decideReview(ctx: Ctx, id: string, input: DecideReviewBody) {
  authorize(ctx.actor, "purchaseReview.decide");
  return ctx.database.db.transaction(async (tx) => {
    const row = await findReview(tx, ctx.actor.workspaceId, id, true);
    if (!row) throw new AppError("not_found", "Review not found");
    const review = row.review;
    if (!canDecide(ctx.actor, review.kind)) {
      throw new AppError("forbidden", `Only a person of a ${review.kind} team or an admin may decide this review`);
    }
    if (review.version !== input.version) throw new AppError("conflict", "This review changed meanwhile; reload");
    if (review.status !== "open") throw new AppError("invalid_state", `This review is already ${review.status}`);
    const request = await readRequestRecord(tx, ctx.actor.workspaceId, review.requestId, { lock: true });
    if (!request || !(UNDECIDED_STAGES as readonly string[]).includes(request.stage)) {
      throw new AppError("invalid_state", "The request is no longer waiting on its reviews");
    }
    const status = input.outcome === "approve" ? "approved" : "rejected";
    const updated = await updateReview(tx, id, review.version, {
      status,
      comment: input.comment,
      checklist: input.checklist ?? review.checklist,
      decidedById: ctx.actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw new AppError("conflict", "This review changed meanwhile; reload");
    await recordAudit(tx, originOf(ctx), {
      action: `purchase_review.${status}`,
      entityType: "purchase_review",
      entityId: id,
      before: { status: "open" },
      after: { status, comment: input.comment, request: review.requestId, kind: review.kind },
    });
    await settleRequest(tx, ctx, review.evaluationId, review.requestId, {
      rejected: status === "rejected" ? { kind: review.kind, comment: input.comment } : null,
    });
    const decided = await findReview(tx, ctx.actor.workspaceId, id);
    if (!decided) throw new AppError("not_found", "Review not found");
    return forActor(decided, ctx.actor);
  });
}

async function settleRequest(
  tx: Tx,
  ctx: Ctx,
  evaluationId: string,
  requestId: string,
  options: { rejected: { kind: string; comment: string } | null },
) {
  if (options.rejected) {
    await cancelOpenReviews(tx, evaluationId, ctx.now);
    await decideByPolicy(tx, ctx, requestId, {
      outcome: "declined",
      reason: `Rejected by the ${options.rejected.kind} review: ${options.rejected.comment}`,
      alternatives: [],
    });
    return;
  }
  const reviews = await listEvaluationReviews(tx, evaluationId);
  if (!reviews.every((r) => r.status === "approved")) return;
  await decideByPolicy(tx, ctx, requestId, {
    outcome: "approved",
    reason: `Approved by the ${reviews.map((r) => r.kind).join(", ")} review${reviews.length > 1 ? "s" : ""}`,
    alternatives: [],
  });
  const request = await readRequestRecord(tx, ctx.actor.workspaceId, requestId);
  if (request?.purchase) await addToStack(tx, ctx, request);
}

/** The checklist templates of every reviewer kind (version 0: the built-in default). */
export async function listReviewTemplates(ctx: Ctx) {
  authorize(ctx.actor, "purchaseReview.read");
  const rows = await listTemplates(ctx.database.db, ctx.actor.workspaceId);
  const kinds: ReviewerKind[] = ["it", "security", "legal", "finance", "marketing"];
  return {
    items: kinds.map((kind) => ({
      kind,
      items: checklistOf(rows, kind),
      version: rows.find((row) => row.kind === kind)?.version ?? 0,
    })),
  };
}

/** Replaces a kind's checklist template (admins); reviews opened later use it. */
export async function editReviewTemplate(ctx: Ctx, kind: ReviewerKind, input: { items: string[]; version: number }) {
  authorize(ctx.actor, "reviewTemplate.update");
  await ctx.database.db.transaction(async (tx) => {
    if (!(await saveTemplate(tx, ctx.actor.workspaceId, kind, input.items, input.version, ctx.now))) {
      throw staleEdit("template");
    }
    await recordAudit(tx, originOf(ctx), {
      action: "review_template.updated",
      entityType: "review_template",
      entityId: kind,
      after: { items: input.items },
    });
  });
  return (await listReviewTemplates(ctx)).items.find((t) => t.kind === kind);
}
