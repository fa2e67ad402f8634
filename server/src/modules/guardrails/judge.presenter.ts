import type { PurchaseJudgement } from "#contracts/guardrails";
import type { Judged } from "./judge.service";

/** A stored judgement of a purchase request with the policy version that gave it, as the API answers it. */
export function presentJudgement({ evaluation, version, reviewIds }: Judged): PurchaseJudgement {
  return {
    id: evaluation.id,
    requestId: evaluation.requestId,
    policyVersion: version ? { id: version.id, policyId: version.policyId, number: version.number } : null,
    result: evaluation.result,
    stack: {
      overlapping: evaluation.input.stack.overlapping ?? [],
      integrations: evaluation.input.stack.integrations ?? [],
    },
    alternatives: evaluation.alternatives,
    reviewIds,
    evaluatedAt: evaluation.evaluatedAt.toISOString(),
  };
}
