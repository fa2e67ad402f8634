import { PolicyRule } from "#contracts/policy";
import { EXAMPLE_POLICY } from "#engines/policy/test-policies";
import {
  insertEvaluation,
  insertPolicy,
  insertPolicyTest,
  insertPolicyVersion,
  insertReviews,
} from "../src/modules/guardrails/guardrails.queries";
import type { TestApp } from "./app";
import { buildPersona, buildWorkspace } from "./factories";

/** The example policy as the workspace's active one (version 1, one test case), and an open IT review of a request. */
export async function buildGuardrails(t: TestApp, workspaceId: string, requestId: string, authorId: string) {
  const db = t.database.db;
  const policy = await insertPolicy(db, { workspaceId, name: "Purchases", active: true, currentVersionNumber: 1 });
  const version = await insertPolicyVersion(db, {
    workspaceId,
    policyId: policy.id,
    number: 1,
    rules: PolicyRule.array().parse(EXAMPLE_POLICY.rules),
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

/** A purchase's details as the policy reads them: low risk (small, no personal data, SSO), each product new. */
export function purchaseDetails(overrides: Record<string, unknown> = {}) {
  return {
    vendor: "Tiny Forms",
    product: `Tiny Forms ${Math.random().toString(36).slice(2, 8)}`,
    category: "content",
    subcategory: "Interactive content",
    capabilities: ["forms"],
    annualCost: "1200",
    currency: "EUR",
    seats: 5,
    dataClasses: ["none"],
    sso: true,
    ...overrides,
  };
}

/** A workspace with the people a purchase meets: an IT admin, a marketing requester, security, legal and IT members. */
export async function buildPurchaseTeam(t: TestApp) {
  const ws = await buildWorkspace(t);
  const [admin, requester, security, legal, it] = await Promise.all([
    buildPersona(t, { role: "admin", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "security", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "legal", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
  ]);
  return { ws, admin, requester, security, legal, it };
}
