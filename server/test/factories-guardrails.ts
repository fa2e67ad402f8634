import { EXAMPLE_POLICY } from "../../engines/policy/test-policies";
import {
  insertEvaluation,
  insertPolicy,
  insertPolicyTest,
  insertPolicyVersion,
  insertReviews,
} from "../src/modules/guardrails/guardrails.queries";
import type { TestApp } from "./app";

/** The example policy as the workspace's active one (version 1, one test case), and an open IT review of a request. */
export async function buildGuardrails(t: TestApp, workspaceId: string, requestId: string, authorId: string) {
  const db = t.database.db;
  const policy = await insertPolicy(db, { workspaceId, name: "Purchases", active: true, currentVersionNumber: 1 });
  const version = await insertPolicyVersion(db, {
    workspaceId,
    policyId: policy.id,
    number: 1,
    rules: EXAMPLE_POLICY.rules,
    createdById: authorId,
  });
  const policyTest = await insertPolicyTest(db, {
    workspaceId,
    policyId: policy.id,
    name: "denied vendor",
    input: { request: { vendor: "Acme Spyware", annualCost: 1, dataClasses: ["none"], sso: true }, stack: {} },
    expected: { outcome: "block" },
  });
  const evaluation = await insertEvaluation(db, {
    workspaceId,
    requestId,
    policyVersionId: version.id,
    outcome: "review",
    result: { outcome: "review", reviews: ["it"], matched: [], errors: [], explanation: [] },
    input: { request: {}, stack: { overlapping: [], integrations: [] } },
    evaluatedAt: new Date(),
  });
  const [review] = await insertReviews(db, [
    { workspaceId, requestId, evaluationId: evaluation.id, kind: "it", checklist: [{ item: "Overlap", done: false }] },
  ]);
  return { policy, version, policyTest, evaluation, review };
}
