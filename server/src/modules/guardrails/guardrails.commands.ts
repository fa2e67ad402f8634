// The Guardrails' public door: what the Pipeline's submit, the Stack's discovery, the Scorecard and the demo seed
// may call.
export { judgePurchaseRequest, rejudgePurchaseRequest } from "./judge.service";
export { guardrailMeasures } from "./measures.service";
export { addTest, createPolicy, savePolicy } from "./policies.service";
export { decideReview, listWorkspaceReviews } from "./reviews.service";
export { editGuardrailSettings } from "./simulate.service";
