// The Guardrails' public door: what the Pipeline's submit, the Stack's discovery, the Scorecard, Home, the agenda
// and the demo seed may call. Reviews leave it presented, as the routes answer them.
import type {
  CreatePolicyBody,
  DecideReviewBody,
  PurchaseJudgement,
  PurchaseReview,
  StoredPolicy,
} from "#contracts/guardrails";
import type { PolicyRule } from "#contracts/policy";
import type { Ctx } from "../../context";
import { presentJudgement } from "./judge.presenter";
import * as judge from "./judge.service";
import { presentPolicy } from "./policies.presenter";
import * as policies from "./policies.service";
import { presentReview } from "./reviews.presenter";
import { decideReview as decide, listWorkspaceReviews as listReviews } from "./reviews.service";

export { guardrailMeasures } from "./measures.service";
export { addTest } from "./policies.service";
export { editGuardrailSettings } from "./simulate.service";

/** Judges a submitted purchase request by the active policy (null when it is not one to judge), as the API shows it. */
export async function judgePurchaseRequest(ctx: Ctx, requestId: string): Promise<PurchaseJudgement | null> {
  const judged = await judge.judgePurchaseRequest(ctx, requestId);
  return judged && presentJudgement(judged);
}

/** Judges an edited purchase again unless it was judged as it is now (null then), as the API shows it. */
export async function rejudgePurchaseRequest(ctx: Ctx, requestId: string): Promise<PurchaseJudgement | null> {
  const judged = await judge.rejudgePurchaseRequest(ctx, requestId);
  return judged && presentJudgement(judged);
}

/** Creates a policy at version 1 (the demo seed), as `POST /api/v1/policies` answers it. */
export async function createPolicy(ctx: Ctx, input: CreatePolicyBody): Promise<StoredPolicy> {
  return presentPolicy(await policies.createPolicy(ctx, input));
}

/** Saves a policy's next version, as `PUT /api/v1/policies/:id` answers it. */
export async function savePolicy(
  ctx: Ctx,
  id: string,
  input: { rules: PolicyRule[]; version: number },
): Promise<StoredPolicy> {
  return presentPolicy(await policies.savePolicy(ctx, id, input));
}

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
