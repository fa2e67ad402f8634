// What the Guardrails pages read beyond the policies themselves: the editor's as-you-type check of a draft, the
// measures for a window, and the recent purchase requests with the policy's latest answer on each.
import type {
  GuardrailMeasures,
  PolicyCheckFinding,
  PolicyCheckResult,
  PurchaseDetails,
  RecentPurchase,
} from "#contracts/guardrails";
import { PolicyLimits } from "#contracts/policy";
import { checkPolicy, compilePolicy, type PolicyProblem } from "#engines/policy";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { listRecentPurchases } from "./guardrails.queries";
import { guardrailMeasures } from "./measures.service";
import { boundRule } from "./policy-evaluate.service";

const RULE_PATH = /^rules\[(\d+)\]\.?(.*)$/;

function findingOf(problem: PolicyProblem): PolicyCheckFinding {
  const match = RULE_PATH.exec(problem.path);
  return {
    index: match ? Number(match[1]) : null,
    rule: problem.rule,
    field: match ? match[2] : problem.path,
    message: problem.message,
    line: problem.line ?? null,
    column: problem.column ?? null,
  };
}

/** Checks a draft policy as written (syntax, types, ids, outcomes, reviewers, this server's bounds); stores nothing. */
export function checkPolicyDraft(ctx: Ctx, body: { rules: unknown[] }): PolicyCheckResult {
  authorize(ctx.actor, "policy.evaluate");
  // Over-long fields are refused before any parse, as the evaluation endpoint refuses them.
  const bounds = body.rules.flatMap(boundRule);
  if (bounds.length > 0) return { valid: false, problems: bounds.map(findingOf), warnings: [] };
  const { problems, warnings } = checkPolicy({ rules: body.rules });
  if (problems.length === 0) {
    for (const [index, rule] of compilePolicy({ rules: body.rules }).rules.entries()) {
      if (rule.loopDepth > PolicyLimits.loopDepthMax) {
        problems.push({
          rule: rule.id,
          path: `rules[${index}].when`,
          message: `nests list macros ${rule.loopDepth} deep; at most ${PolicyLimits.loopDepthMax} here`,
        });
      }
    }
  }
  return { valid: problems.length === 0, problems: problems.map(findingOf), warnings: warnings.map(findingOf) };
}

const DAY = 86_400_000;

/** The measures over purchases submitted in [from, to); by default the twelve months up to today. */
export async function readGuardrailMeasures(
  ctx: Ctx,
  query: { from?: string; to?: string },
): Promise<GuardrailMeasures> {
  authorize(ctx.actor, "policy.read");
  const today = ctx.now.toISOString().slice(0, 10);
  const to = query.to ?? new Date(Date.parse(today) + DAY).toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 365 * DAY).toISOString().slice(0, 10);
  if (from >= to)
    throw new AppError("validation_failed", "from must be before to", [{ path: "from", message: "must be before to" }]);
  if (Date.parse(to) - Date.parse(from) > 10 * 366 * DAY) {
    throw new AppError("validation_failed", "The window spans at most ten years", [
      { path: "from", message: "must be at most ten years before to" },
    ]);
  }
  const measures = await guardrailMeasures(ctx, { from: new Date(from), to: new Date(to) });
  return { from, to, ...measures };
}

/** The latest purchase requests (drafts aside), newest first, each with the policy's latest answer. */
export async function listRecentPurchaseAnswers(ctx: Ctx, limit: number): Promise<{ items: RecentPurchase[] }> {
  authorize(ctx.actor, "policy.read");
  const rows = await listRecentPurchases(ctx.database.db, ctx.actor.workspaceId, limit);
  return {
    items: rows.map((row) => {
      const purchase = row.purchase as PurchaseDetails;
      const result = row.evaluation?.result ?? null;
      return {
        request: { id: row.id, number: row.number, reference: `REQ-${row.number}`, title: row.title },
        vendor: purchase.vendor,
        product: purchase.product,
        annualCost: { amount: purchase.annualCost, currency: purchase.currency },
        outcome: result?.outcome ?? null,
        reviews: result?.reviews ?? [],
        matched: result?.matched ?? [],
        errors: result?.errors.length ?? 0,
      };
    }),
  };
}
