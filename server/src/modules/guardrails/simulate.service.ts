// Simulation (issue 15 item 5): the last N purchase requests replayed against draft rules, next to the answer each
// got; and the workspace's currency table the policy converts costs with.
import type { PurchaseDetails } from "#contracts/guardrails";
import type { PolicyRule } from "#contracts/policy";
import { evaluatePolicy, type PolicyInput } from "#engines/policy";
import type { Ctx } from "../../context";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { findPolicy, listRecentPurchases, saveSettings } from "./guardrails.queries";
import { factsOf, policyRequestOf, settingsOf } from "./judge.service";
import { compileBounded } from "./policy-evaluate.service";

/** What the draft rules would decide on the last `last` purchase requests, and what would change. */
export async function simulatePolicy(ctx: Ctx, id: string, input: { rules: PolicyRule[]; last: number }) {
  authorize(ctx.actor, "policy.read");
  const draft = compileBounded({ rules: input.rules }, "rules.");
  const db = ctx.database.db;
  if (!(await findPolicy(db, ctx.actor.workspaceId, id))) throw new AppError("not_found", "Policy not found");
  const settings = await settingsOf(db, ctx.actor.workspaceId);
  const recent = await listRecentPurchases(db, ctx.actor.workspaceId, input.last);
  const items = [];
  for (const request of recent) {
    const stored = request.evaluation;
    // A judged request is replayed on what the policy saw then; one never judged on the Stack of today.
    const replay: PolicyInput = stored
      ? stored.input
      : {
          request: policyRequestOf({ title: request.title, purchase: request.purchase as PurchaseDetails }, settings),
          stack: { ...(await factsOf(ctx, request.purchase as PurchaseDetails)) },
        };
    const after = evaluatePolicy(draft, replay);
    const before = stored ? stored.result : null;
    const changed =
      before === null || before.outcome !== after.outcome || before.reviews.join(",") !== after.reviews.join(",");
    items.push({
      request: { id: request.id, number: request.number, reference: `REQ-${request.number}`, title: request.title },
      before: before ? { outcome: before.outcome, reviews: before.reviews } : null,
      after,
      changed,
    });
  }
  return { replayed: items.length, changed: items.filter((item) => item.changed).length, items };
}

/** The workspace's currency for the policy and its rate table. */
export async function getGuardrailSettings(ctx: Ctx) {
  authorize(ctx.actor, "policy.read");
  return settingsOf(ctx.database.db, ctx.actor.workspaceId);
}

/** Replaces the currency and rate table (admins). */
export async function editGuardrailSettings(
  ctx: Ctx,
  input: { currency: string; rates: Record<string, number>; version: number },
) {
  authorize(ctx.actor, "policy.write");
  await ctx.database.db.transaction(async (tx) => {
    const saved = await saveSettings(
      tx,
      ctx.actor.workspaceId,
      input.version,
      { currency: input.currency, rates: input.rates },
      ctx.now,
    );
    if (!saved) throw staleEdit("settings", "these");
    await recordAudit(tx, originOf(ctx), {
      action: "guardrails.settings_updated",
      entityType: "guardrail_settings",
      entityId: ctx.actor.workspaceId,
      after: { currency: input.currency, rates: input.rates },
    });
  });
  return settingsOf(ctx.database.db, ctx.actor.workspaceId);
}
