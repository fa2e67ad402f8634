import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CreatePolicyTestBody, PolicyTest, PurchaseJudgement, PurchaseReview } from "#contracts/guardrails";
import type { PolicyInput, PolicyRule } from "#contracts/policy";
import type { PolicyResult } from "#engines/policy";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";
import { requests } from "./pipeline";

export const REVIEWER_KINDS = ["it", "security", "legal", "finance", "marketing"] as const;
export const REVIEW_STATUSES = ["open", "approved", "rejected", "cancelled"] as const;
export const POLICY_OUTCOMES = ["approve", "review", "block"] as const;

/** The workspace's currency for the purchase policy and its rate table (no FX elsewhere in Tandem). */
export const guardrailSettings = pgTable("guardrail_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  currency: text("currency").notNull().default("EUR"),
  rates: jsonb("rates").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  ...timestamps(),
  version: version(),
});

/** A purchase policy; at most one per workspace is active. Its rules live in versions. */
export const purchasePolicies = pgTable(
  "purchase_policy",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(false),
    currentVersionNumber: integer("current_version_number").notNull().default(1),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("purchase_policy_one_active_key").on(t.workspaceId).where(sql`${t.active}`)],
);

/** Every saved state of a policy's rules; never changed once written. */
export const purchasePolicyVersions = pgTable(
  "purchase_policy_version",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => purchasePolicies.id),
    number: integer("number").notNull(),
    rules: jsonb("rules").$type<PolicyRule[]>().notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("purchase_policy_version_number_key").on(t.policyId, t.number)],
);

/** An author's test case of a policy: run on every save. */
export const purchasePolicyTests = pgTable(
  "purchase_policy_test",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => purchasePolicies.id),
    name: text("name").notNull(),
    input: jsonb("input").$type<PolicyTest["input"]>().notNull(),
    expected: jsonb("expected").$type<CreatePolicyTestBody["expected"]>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("purchase_policy_test_policy_idx").on(t.policyId)],
);

/** The policy's answer on a purchase request, with the version that gave it and what it saw. */
export const purchaseEvaluations = pgTable(
  "purchase_evaluation",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    policyVersionId: uuid("policy_version_id").references(() => purchasePolicyVersions.id),
    outcome: text("outcome", { enum: POLICY_OUTCOMES }).notNull(),
    result: jsonb("result").$type<PolicyResult>().notNull(),
    // What the purchase was judged on: the request as the policy saw it, and the Stack's facts.
    input: jsonb("input")
      .$type<{ request: PolicyInput["request"]; stack: Partial<PurchaseJudgement["stack"]> }>()
      .notNull(),
    alternatives: jsonb("alternatives").$type<PurchaseJudgement["alternatives"]>().notNull().default(sql`'[]'::jsonb`),
    evaluatedAt: at("evaluated_at").notNull(),
  },
  (t) => [index("purchase_evaluation_request_idx").on(t.requestId, t.evaluatedAt)],
);

/** One team kind's review of a purchase; the row's version guards two reviewers acting at once. */
export const purchaseReviews = pgTable(
  "purchase_review",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => purchaseEvaluations.id),
    kind: text("kind", { enum: REVIEWER_KINDS }).notNull(),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("open"),
    checklist: jsonb("checklist").$type<PurchaseReview["checklist"]>().notNull().default(sql`'[]'::jsonb`),
    dueAt: at("due_at"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: at("decided_at"),
    comment: text("comment").notNull().default(""),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("purchase_review_evaluation_kind_key").on(t.evaluationId, t.kind),
    index("purchase_review_workspace_status_idx").on(t.workspaceId, t.status, t.kind),
    index("purchase_review_request_idx").on(t.requestId),
  ],
);

/** The checklist template of a reviewer kind, per workspace (built-in defaults until edited). */
export const reviewTemplates = pgTable(
  "review_template",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: REVIEWER_KINDS }).notNull(),
    items: text("items").array().notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind] })],
);
