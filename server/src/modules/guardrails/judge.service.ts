// The instant answer (issue 15 items 4, 6, 8): a submitted purchase request is judged at once by the workspace's
// active policy on the request and the Stack's facts; the answer is stored with the version that gave it, and
// `approve` decides the request and puts the tool in the Stack, `block` declines it, `review` opens the reviews.
import type { PurchaseDetails } from "#contracts/guardrails";
import type { PolicyRule } from "#contracts/policy";
import { evaluatePolicy, type PolicyResult, type ReviewerKind } from "#engines/policy";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { canonicalJson } from "../../lib/canonical-json";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  addWatchers,
  decideByPolicy,
  readPurchaseOwners,
  readRequestRecord,
  reviewDueAt,
  UNDECIDED_STAGES,
} from "../pipeline/pipeline.commands";
import { addPurchasedTool, readPurchaseFacts } from "../stack/stack.commands";
import {
  cancelRequestOpenReviews,
  type EvaluationRow,
  findActivePolicyVersion,
  findLatestEvaluation,
  findSettings,
  findVersions,
  insertEvaluation,
  insertReviews,
  listEvaluations,
  listReviews,
  listTemplates,
} from "./guardrails.queries";
import { compiledVersion } from "./policies.service";
import { checklistOf } from "./review-templates";

type Facts = Awaited<ReturnType<typeof readPurchaseFacts>>;

/** A stored judgement with the policy version that gave it (none without an active policy) and its reviews. */
export interface Judged {
  evaluation: EvaluationRow;
  version: { id: string; policyId: string; number: number } | null;
  reviewIds: string[];
}

/** The workspace's currency and rates (EUR and none until an admin sets them). */
export async function settingsOf(tx: Tx, workspaceId: string) {
  const row = await findSettings(tx, workspaceId);
  return row
    ? { currency: row.currency, rates: row.rates, version: row.version }
    : { currency: "EUR", rates: {} as Record<string, number>, version: 0 };
}

/**
 * The annual cost in the workspace currency, or null when there is no rate for the request's currency (then the
 * policy sees no `annualCost`, and a rule reading it errors: a review by IT, never a silent approve).
 */
export function convertCost(
  amount: string,
  currency: string,
  settings: { currency: string; rates: Record<string, number> },
) {
  if (currency === settings.currency) return Number(amount);
  const rate = settings.rates[currency];
  return rate === undefined ? null : Math.round(Number(amount) * rate * 100) / 100;
}

/** What the policy sees under `request`. */
export function policyRequestOf(
  request: { title: string; purchase: PurchaseDetails },
  settings: { currency: string; rates: Record<string, number> },
): Record<string, unknown> {
  const p = request.purchase;
  const annualCost = convertCost(p.annualCost, p.currency, settings);
  return {
    title: request.title,
    vendor: p.vendor,
    product: p.product,
    category: p.category,
    subcategory: p.subcategory,
    capabilities: p.capabilities,
    ...(annualCost === null ? {} : { annualCost }),
    currency: settings.currency,
    originalCost: Number(p.annualCost),
    originalCurrency: p.currency,
    ...(p.seats === null ? {} : { seats: p.seats }),
    dataClasses: p.dataClasses,
    sso: p.sso,
    dpaAvailable: p.dpaAvailable,
    hostingRegion: p.hostingRegion,
    integratesWith: p.integratesWith,
    agencyManaged: p.agencyManaged,
  };
}

/** Owned tools with idle seats among the overlapping ones: the alternatives shown to the requester. */
export function idleSeatAlternatives(facts: Facts) {
  return facts.overlapping.flatMap((tool) => {
    const idle = tool.seatsBought !== null ? tool.seatsBought - (tool.seatsUsed ?? 0) : 0;
    return idle > 0
      ? [
          {
            toolId: tool.id,
            name: tool.name,
            seatsBought: tool.seatsBought,
            seatsUsed: tool.seatsUsed,
            idleSeats: idle,
          },
        ]
      : [];
  });
}

/** The Stack's facts of a purchase, as the policy sees them (read outside any transaction). */
export async function factsOf(ctx: Ctx, purchase: PurchaseDetails): Promise<Facts> {
  return readPurchaseFacts(ctx, purchase);
}

const NO_POLICY: PolicyResult = {
  outcome: "review",
  reviews: ["it"],
  matched: [],
  errors: [],
  explanation: [{ rule: "no-policy", text: "The workspace has no active purchase policy yet" }],
};

function reasonOf(result: PolicyResult, label: string, outcome: "approve" | "block", rules: PolicyRule[]) {
  const decisive = result.matched.filter((id) => rules.find((rule) => rule.id === id)?.outcome === outcome);
  const texts = result.explanation.filter((e) => decisive.includes(e.rule)).map((e) => e.text);
  return `${label}: ${texts.length > 0 ? texts.join("; ") : `rule ${decisive.join(", ")}`}`;
}

/**
 * Judges a submitted purchase request by the active policy: stores the evaluation, then decides, declines or opens
 * the reviews in the same transaction. Returns null for a request that is not a submitted purchase with details.
 */
export async function judgePurchaseRequest(ctx: Ctx, requestId: string): Promise<Judged | null> {
  const before = await readRequestRecord(ctx.database.db, ctx.actor.workspaceId, requestId);
  if (before?.type !== "purchase" || before.purchase === null || before.stage === "draft") return null;
  const facts = await factsOf(ctx, before.purchase as PurchaseDetails);
  return ctx.database.db.transaction(async (tx) => {
    const request = await readRequestRecord(tx, ctx.actor.workspaceId, requestId, { lock: true });
    if (!request?.purchase || !(UNDECIDED_STAGES as readonly string[]).includes(request.stage)) return null;
    return judgeInTransaction(tx, ctx, request, facts, null);
  });
}

/**
 * Judges a purchase request again after an edit, before it is decided, when what the policy sees of it changed
 * (issue 15): a new evaluation with the version that gave it; the reviews still open are closed, and the new
 * answer decides, declines or opens the reviews it needs. An approval that closes open reviews says so in its
 * reason. Returns null when nothing the policy reads changed, or the request is not an undecided purchase.
 */
export async function rejudgePurchaseRequest(ctx: Ctx, requestId: string): Promise<Judged | null> {
  const db = ctx.database.db;
  const before = await readRequestRecord(db, ctx.actor.workspaceId, requestId);
  if (before?.type !== "purchase" || before.purchase === null) return null;
  if (!(UNDECIDED_STAGES as readonly string[]).includes(before.stage)) return null;
  // Most edits (triage, planning, the problem's words) change nothing the policy reads: answer before the Stack's facts.
  if (await judgedAsItIs(db, ctx, before)) return null;
  const facts = await factsOf(ctx, before.purchase as PurchaseDetails);
  return db.transaction(async (tx) => {
    const request = await readRequestRecord(tx, ctx.actor.workspaceId, requestId, { lock: true });
    if (!request?.purchase || !(UNDECIDED_STAGES as readonly string[]).includes(request.stage)) return null;
    if (await judgedAsItIs(tx, ctx, request)) return null;
    const latest = await findLatestEvaluation(tx, ctx.actor.workspaceId, requestId);
    return judgeInTransaction(tx, ctx, request, facts, latest);
  });
}

/** Whether the request's latest evaluation saw exactly what the policy would see of it now. */
async function judgedAsItIs(tx: Tx, ctx: Ctx, request: RequestRecord) {
  const latest = await findLatestEvaluation(tx, ctx.actor.workspaceId, request.id);
  if (!latest) return false;
  const settings = await settingsOf(tx, ctx.actor.workspaceId);
  const seen = policyRequestOf({ title: request.title, purchase: request.purchase as PurchaseDetails }, settings);
  return canonicalJson((latest.input as { request?: unknown }).request) === canonicalJson(seen);
}

type RequestRecord = NonNullable<Awaited<ReturnType<typeof readRequestRecord>>>;

async function judgeInTransaction(
  tx: Tx,
  ctx: Ctx,
  request: RequestRecord,
  facts: Facts,
  previous: EvaluationRow | null,
): Promise<Judged> {
  const requestId = request.id;
  const purchase = request.purchase as PurchaseDetails;
  const settings = await settingsOf(tx, ctx.actor.workspaceId);
  const active = await findActivePolicyVersion(tx, ctx.actor.workspaceId);
  const input = { request: policyRequestOf({ title: request.title, purchase }, settings), stack: facts };
  const rules = active?.version.rules ?? [];
  const result = active ? evaluatePolicy(compiledVersion(active.version.id, rules), input) : NO_POLICY;
  const alternatives = facts.overlapping.length > 0 ? idleSeatAlternatives(facts) : [];
  // An edit judged again: the reviews the earlier answer opened were asked about other details.
  const closed = previous ? await cancelRequestOpenReviews(tx, requestId, ctx.now) : [];
  const evaluation = await insertEvaluation(tx, {
    workspaceId: ctx.actor.workspaceId,
    requestId,
    policyVersionId: active?.version.id ?? null,
    outcome: result.outcome,
    result,
    input,
    alternatives,
    evaluatedAt: ctx.now,
  });
  await recordAudit(tx, originOf(ctx), {
    action: previous ? "request.rejudged" : "request.judged",
    entityType: "request",
    entityId: requestId,
    ...(previous
      ? {
          before: {
            evaluation: previous.id,
            outcome: previous.outcome,
            openReviews: closed.map((review) => review.kind),
          },
        }
      : {}),
    after: { evaluation: evaluation.id, policyVersion: active?.version.id ?? null, ...result },
  });
  const name = active ? `Purchase policy ${active.policy.name} v${active.version.number}` : "Purchase policy";
  const label = previous ? `${name}, judged again after an edit` : name;
  let reviewIds: string[] = [];
  if (result.outcome === "approve") {
    const kinds = [...new Set(closed.map((review) => review.kind))].sort();
    const closing =
      kinds.length > 0
        ? `. The open ${kinds.join(", ")} review${kinds.length > 1 ? "s were" : " was"} closed: the edited request no longer needs ${kinds.length > 1 ? "them" : "it"}`
        : "";
    await decideByPolicy(tx, ctx, requestId, {
      outcome: "approved",
      reason: `${reasonOf(result, label, "approve", rules)}${closing}`,
      alternatives: [],
    });
    await addToStack(tx, ctx, request);
  } else if (result.outcome === "block") {
    await decideByPolicy(tx, ctx, requestId, {
      outcome: "declined",
      reason: reasonOf(result, label, "block", rules),
      alternatives: alternatives.map((a) => ({ text: `${a.name}: ${a.idleSeats} idle seats`, toolId: a.toolId })),
    });
  } else {
    reviewIds = await openReviews(tx, ctx, request, evaluation.id, result.reviews);
  }
  return { evaluation, version: active ? { ...active.version } : null, reviewIds };
}

/**
 * Puts an approved purchase into the Stack in phase-in: the requester's side as business owner, the IT partner
 * (named on the request, else the IT person Accountable or Responsible in its who-does-what, else the workspace's
 * IT lead) as technical owner, and the contract fields from the request.
 */
export async function addToStack(
  tx: Tx,
  ctx: Ctx,
  request: Pick<RequestRecord, "id" | "workspaceId" | "requesterId" | "sponsorId" | "itPartnerId" | "purchase">,
) {
  const owners = await readPurchaseOwners(tx, request);
  return addPurchasedTool(tx, ctx, {
    ...(request.purchase as PurchaseDetails),
    businessOwnerId: owners.businessOwnerId,
    technicalOwnerId: owners.technicalOwnerId,
  });
}

async function openReviews(
  tx: Tx,
  ctx: Ctx,
  request: { id: string; priority: Parameters<typeof reviewDueAt>[2]; itPartnerId: string | null },
  evaluationId: string,
  kinds: ReviewerKind[],
) {
  const templates = await listTemplates(tx, ctx.actor.workspaceId);
  const dueAt = await reviewDueAt(tx, ctx.actor.workspaceId, request.priority, ctx.now);
  const rows = await insertReviews(
    tx,
    kinds.map((kind) => ({
      workspaceId: ctx.actor.workspaceId,
      requestId: request.id,
      evaluationId,
      kind,
      checklist: checklistOf(templates, kind).map((item) => ({ item, done: false })),
      dueAt,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  if (request.itPartnerId) await addWatchers(tx, request.id, [request.itPartnerId]);
  return rows.map((row) => row.id);
}

/** A request's judgements, newest first, each with the version that gave it. */
export async function listJudgements(ctx: Ctx, requestId: string) {
  authorize(ctx.actor, "policy.read");
  const db = ctx.database.db;
  const request = await readRequestRecord(db, ctx.actor.workspaceId, requestId);
  if (!request || (request.stage === "draft" && request.requesterId !== ctx.actor.userId)) {
    throw new AppError("not_found", "Request not found");
  }
  const rows = await listEvaluations(db, ctx.actor.workspaceId, requestId);
  const versions = await findVersions(
    db,
    rows.flatMap((row) => (row.policyVersionId ? [row.policyVersionId] : [])),
  );
  const reviews = await listReviews(db, ctx.actor.workspaceId, { requestId });
  return {
    items: rows.map(
      (evaluation): Judged => ({
        evaluation,
        version: evaluation.policyVersionId ? (versions.get(evaluation.policyVersionId) ?? null) : null,
        reviewIds: reviews.filter((r) => r.review.evaluationId === evaluation.id).map((r) => r.review.id),
      }),
    ),
  };
}
