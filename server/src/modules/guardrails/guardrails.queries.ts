import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import {
  guardrailSettings,
  purchaseEvaluations,
  purchasePolicies,
  purchasePolicyTests,
  purchasePolicyVersions,
  purchaseReviews,
  requests,
  reviewTemplates,
  users,
} from "../../db/schema";

type Kind = (typeof purchaseReviews.$inferSelect)["kind"];

export type PolicyRow = typeof purchasePolicies.$inferSelect;
export type PolicyTestRow = typeof purchasePolicyTests.$inferSelect;
export type EvaluationRow = typeof purchaseEvaluations.$inferSelect;
/** A review with its request's number and title and the decider's name. */
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;
/** A review with whether the signed-in person may decide it. */
export type ReviewView = ReviewRow & { canDecide: boolean };

/** The workspace's guardrail settings row, or null while it has the defaults. */
export async function findSettings(tx: Tx, workspaceId: string) {
  const [row] = await tx.select().from(guardrailSettings).where(eq(guardrailSettings.workspaceId, workspaceId));
  return row ?? null;
}

/** Writes the settings if the version read still holds (0: none stored yet); false when someone changed them. */
export async function saveSettings(
  tx: Tx,
  workspaceId: string,
  version: number,
  values: { currency: string; rates: Record<string, number> },
  now: Date,
) {
  if (version === 0) {
    const rows = await tx
      .insert(guardrailSettings)
      .values({ workspaceId, ...values, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ version: guardrailSettings.version });
    return rows.length > 0;
  }
  const rows = await tx
    .update(guardrailSettings)
    .set({ ...values, updatedAt: now, version: version + 1 })
    .where(and(eq(guardrailSettings.workspaceId, workspaceId), eq(guardrailSettings.version, version)))
    .returning({ version: guardrailSettings.version });
  return rows.length > 0;
}

/** The workspace's policies, active first. */
export function listPolicies(tx: Tx, workspaceId: string) {
  return tx
    .select()
    .from(purchasePolicies)
    .where(eq(purchasePolicies.workspaceId, workspaceId))
    .orderBy(desc(purchasePolicies.active), asc(purchasePolicies.name));
}

/** One policy of the workspace (locked when `lock`), or null. */
export async function findPolicy(tx: Tx, workspaceId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(purchasePolicies)
    .where(and(eq(purchasePolicies.workspaceId, workspaceId), eq(purchasePolicies.id, id)));
  const [row] = lock ? await query.for("no key update") : await query;
  return row ?? null;
}

/** The active policy of the workspace and its current version, or null. */
export async function findActivePolicyVersion(tx: Tx, workspaceId: string) {
  const [row] = await tx
    .select({ policy: purchasePolicies, version: purchasePolicyVersions })
    .from(purchasePolicies)
    .innerJoin(
      purchasePolicyVersions,
      and(
        eq(purchasePolicyVersions.policyId, purchasePolicies.id),
        eq(purchasePolicyVersions.number, purchasePolicies.currentVersionNumber),
      ),
    )
    .where(and(eq(purchasePolicies.workspaceId, workspaceId), eq(purchasePolicies.active, true)));
  return row ?? null;
}

export async function insertPolicy(tx: Tx, values: typeof purchasePolicies.$inferInsert) {
  const [row] = await tx.insert(purchasePolicies).values(values).returning();
  return row;
}

export async function updatePolicy(
  tx: Tx,
  id: string,
  changes: Partial<typeof purchasePolicies.$inferInsert> & { version: number },
) {
  await tx.update(purchasePolicies).set(changes).where(eq(purchasePolicies.id, id));
}

/** Deactivates every policy of the workspace (before another is made active). */
export async function deactivatePolicies(tx: Tx, workspaceId: string) {
  await tx.update(purchasePolicies).set({ active: false }).where(eq(purchasePolicies.workspaceId, workspaceId));
}

/** A stored version of a policy: its number and rules, who saved it and when. */
export type PolicyVersionRow = typeof purchasePolicyVersions.$inferSelect;

/** The versions of some policies, each policy's newest first, with their authors' names. */
export async function listPolicyVersions(tx: Tx, policyIds: readonly string[]) {
  if (policyIds.length === 0) return [];
  return tx
    .select({ version: purchasePolicyVersions, authorName: users.name })
    .from(purchasePolicyVersions)
    .leftJoin(users, eq(users.id, purchasePolicyVersions.createdById))
    .where(inArray(purchasePolicyVersions.policyId, [...policyIds]))
    .orderBy(desc(purchasePolicyVersions.number));
}

export async function insertPolicyVersion(tx: Tx, values: typeof purchasePolicyVersions.$inferInsert) {
  const [row] = await tx.insert(purchasePolicyVersions).values(values).returning();
  return row;
}

/** Versions by id (to name the version that judged an evaluation). */
export async function findVersions(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, PolicyVersionRow>();
  const rows = await tx.select().from(purchasePolicyVersions).where(inArray(purchasePolicyVersions.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

export function listPolicyTests(tx: Tx, policyId: string) {
  return tx
    .select()
    .from(purchasePolicyTests)
    .where(eq(purchasePolicyTests.policyId, policyId))
    .orderBy(asc(purchasePolicyTests.createdAt), asc(purchasePolicyTests.id));
}

export async function insertPolicyTest(tx: Tx, values: typeof purchasePolicyTests.$inferInsert) {
  const [row] = await tx.insert(purchasePolicyTests).values(values).returning();
  return row;
}

/** Deletes a test of the policy; false when it is not there. */
export async function deletePolicyTest(tx: Tx, policyId: string, id: string) {
  const rows = await tx
    .delete(purchasePolicyTests)
    .where(and(eq(purchasePolicyTests.policyId, policyId), eq(purchasePolicyTests.id, id)))
    .returning({ id: purchasePolicyTests.id });
  return rows.length > 0;
}

export async function insertEvaluation(tx: Tx, values: typeof purchaseEvaluations.$inferInsert) {
  const [row] = await tx.insert(purchaseEvaluations).values(values).returning();
  return row;
}

/** A request's evaluations, newest first. */
export function listEvaluations(tx: Tx, workspaceId: string, requestId: string) {
  return tx
    .select()
    .from(purchaseEvaluations)
    .where(and(eq(purchaseEvaluations.workspaceId, workspaceId), eq(purchaseEvaluations.requestId, requestId)))
    .orderBy(desc(purchaseEvaluations.evaluatedAt), desc(purchaseEvaluations.id));
}

/** The workspace's last `limit` purchase requests that carry details, newest first, with their latest evaluation. */
export function listRecentPurchases(tx: Tx, workspaceId: string, limit: number) {
  return tx
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      purchase: requests.purchase,
      evaluation: sql<Pick<typeof purchaseEvaluations.$inferSelect, "outcome" | "result" | "input"> | null>`(
        select json_build_object('outcome', e.outcome, 'result', e.result, 'input', e.input)
        from purchase_evaluation e where e.request_id = "request"."id"
        order by e.evaluated_at desc, e.id desc limit 1)`,
    })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        eq(requests.type, "purchase"),
        isNotNull(requests.purchase),
        sql`${requests.stage} <> 'draft'`,
      ),
    )
    .orderBy(desc(requests.createdAt), desc(requests.number))
    .limit(limit);
}

export async function insertReviews(tx: Tx, values: (typeof purchaseReviews.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(purchaseReviews).values(values).returning();
}

const reviewColumns = {
  review: purchaseReviews,
  requestNumber: requests.number,
  requestTitle: requests.title,
  deciderName: users.name,
};

/** Reviews of the workspace, filtered, oldest due first. */
export function listReviews(
  db: Db | Tx,
  workspaceId: string,
  filter: { kinds?: Kind[]; requestId?: string; status?: (typeof purchaseReviews.$inferSelect)["status"] },
) {
  return db
    .select(reviewColumns)
    .from(purchaseReviews)
    .innerJoin(requests, eq(requests.id, purchaseReviews.requestId))
    .leftJoin(users, eq(users.id, purchaseReviews.decidedById))
    .where(
      and(
        eq(purchaseReviews.workspaceId, workspaceId),
        filter.kinds ? inArray(purchaseReviews.kind, filter.kinds) : undefined,
        filter.requestId ? eq(purchaseReviews.requestId, filter.requestId) : undefined,
        filter.status ? eq(purchaseReviews.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(purchaseReviews.dueAt), asc(purchaseReviews.createdAt), asc(purchaseReviews.id))
    .limit(500);
}

/** One review of the workspace, locked for the decision when `lock`. */
export async function findReview(tx: Tx, workspaceId: string, id: string, lock = false) {
  const query = tx
    .select(reviewColumns)
    .from(purchaseReviews)
    .innerJoin(requests, eq(requests.id, purchaseReviews.requestId))
    .leftJoin(users, eq(users.id, purchaseReviews.decidedById))
    .where(and(eq(purchaseReviews.workspaceId, workspaceId), eq(purchaseReviews.id, id)));
  const [row] = lock ? await query.for("update", { of: purchaseReviews }) : await query;
  return row ?? null;
}

/** Updates a review if its version still holds; false otherwise. */
export async function updateReview(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof purchaseReviews.$inferInsert>,
) {
  const rows = await tx
    .update(purchaseReviews)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(purchaseReviews.id, id), eq(purchaseReviews.version, version)))
    .returning({ id: purchaseReviews.id });
  return rows.length > 0;
}

/** The reviews opened by one evaluation. */
export function listEvaluationReviews(tx: Tx, evaluationId: string) {
  return tx.select().from(purchaseReviews).where(eq(purchaseReviews.evaluationId, evaluationId));
}

/** Cancels the still open reviews of an evaluation. */
export async function cancelOpenReviews(tx: Tx, evaluationId: string, now: Date) {
  await tx
    .update(purchaseReviews)
    .set({ status: "cancelled", updatedAt: now, version: sql`${purchaseReviews.version} + 1` })
    .where(and(eq(purchaseReviews.evaluationId, evaluationId), eq(purchaseReviews.status, "open")));
}

/** Cancels every still open review of a request (an edit judged again); returns what was cancelled. */
export async function cancelRequestOpenReviews(tx: Tx, requestId: string, now: Date) {
  return tx
    .update(purchaseReviews)
    .set({ status: "cancelled", updatedAt: now, version: sql`${purchaseReviews.version} + 1` })
    .where(and(eq(purchaseReviews.requestId, requestId), eq(purchaseReviews.status, "open")))
    .returning({ id: purchaseReviews.id, kind: purchaseReviews.kind });
}

/** A request's latest evaluation, or null when the policy never judged it. */
export async function findLatestEvaluation(tx: Tx, workspaceId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(purchaseEvaluations)
    .where(and(eq(purchaseEvaluations.workspaceId, workspaceId), eq(purchaseEvaluations.requestId, requestId)))
    .orderBy(desc(purchaseEvaluations.evaluatedAt), desc(purchaseEvaluations.id))
    .limit(1);
  return row ?? null;
}

export function listTemplates(tx: Tx, workspaceId: string) {
  return tx.select().from(reviewTemplates).where(eq(reviewTemplates.workspaceId, workspaceId));
}

/** Writes a kind's template if the version read still holds (0: the built-in default); false otherwise. */
export async function saveTemplate(
  tx: Tx,
  workspaceId: string,
  kind: Kind,
  items: string[],
  version: number,
  now: Date,
) {
  if (version === 0) {
    const rows = await tx
      .insert(reviewTemplates)
      .values({ workspaceId, kind, items, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ kind: reviewTemplates.kind });
    return rows.length > 0;
  }
  const rows = await tx
    .update(reviewTemplates)
    .set({ items, updatedAt: now, version: version + 1 })
    .where(
      and(
        eq(reviewTemplates.workspaceId, workspaceId),
        eq(reviewTemplates.kind, kind),
        eq(reviewTemplates.version, version),
      ),
    )
    .returning({ kind: reviewTemplates.kind });
  return rows.length > 0;
}

/** Figures of the purchase requests submitted in [from, to): judged, decided at once, decision hours, spend. */
export async function purchaseFigures(tx: Tx, workspaceId: string, from: Date, to: Date) {
  const rows = await tx
    .select({
      submittedAt: requests.submittedAt,
      decidedAt: requests.decidedAt,
      decision: requests.decision,
      purchase: requests.purchase,
      firstOutcome: sql<string | null>`(
        select e.outcome from purchase_evaluation e where e.request_id = "request"."id"
        order by e.evaluated_at asc, e.id asc limit 1)`,
    })
    .from(requests)
    .where(
      and(
        eq(requests.workspaceId, workspaceId),
        eq(requests.type, "purchase"),
        isNotNull(requests.submittedAt),
        sql`${requests.submittedAt} >= ${from.toISOString()} and ${requests.submittedAt} < ${to.toISOString()}`,
      ),
    );
  return rows;
}
