// The Guardrails' public door: what the Pipeline's submit, the Stack's discovery, the Scorecard, Home, the agenda
// and the demo seed may call. Reviews leave it presented, as the routes answer them.
import type { DecideReviewBody, PurchaseReview } from "#contracts/guardrails";
import type { Ctx } from "../../context";
import { presentReview } from "./reviews.presenter";
import { decideReview as decide, listWorkspaceReviews as listReviews } from "./reviews.service";

export { judgePurchaseRequest, rejudgePurchaseRequest } from "./judge.service";
export { guardrailMeasures } from "./measures.service";
export { addTest, createPolicy, savePolicy } from "./policies.service";
export { editGuardrailSettings } from "./simulate.service";

/** Reviews of the workspace; `waitingOn=me` lists the open ones of the signed-in person's team kind. */
export async function listWorkspaceReviews(
  ctx: Ctx,
  query: Parameters<typeof listReviews>[1],
): Promise<{ items: PurchaseReview[] }> {
  return { items: (await listReviews(ctx, query)).items.map(presentReview) };
}

/** Approves or rejects a review; the last approval approves the request, a rejection declines it. */
export async function decideReview(ctx: Ctx, id: string, input: DecideReviewBody): Promise<PurchaseReview> {
  return presentReview(await decide(ctx, id, input));
}
