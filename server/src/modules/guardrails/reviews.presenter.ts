// Rows → API shapes of purchase reviews.
import type { PurchaseReview } from "#contracts/guardrails";
import type { ReviewView } from "./guardrails.queries";

export function presentReview(row: ReviewView): PurchaseReview {
  const r = row.review;
  return {
    id: r.id,
    request: {
      id: r.requestId,
      number: row.requestNumber,
      reference: `REQ-${row.requestNumber}`,
      title: row.requestTitle,
    },
    kind: r.kind,
    status: r.status,
    checklist: r.checklist,
    dueAt: r.dueAt?.toISOString() ?? null,
    decidedBy: r.decidedById && row.deciderName ? { id: r.decidedById, name: row.deciderName } : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    comment: r.comment,
    canDecide: row.canDecide,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
