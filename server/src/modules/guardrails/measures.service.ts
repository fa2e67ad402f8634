// Measures for the Scorecard (issue 15 item 10): purchases decided by the policy at once, the median time from a
// purchase request to its decision, and software spend that went through Tandem against spend found in expenses.
import type { PurchaseDetails } from "#contracts/guardrails";
import type { Ctx } from "../../context";
import { readShadowCandidates } from "../stack/stack.commands";
import { purchaseFigures } from "./guardrails.queries";

/** The median of a list of numbers, or null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The guardrail measures over purchase requests submitted in [from, to). */
export async function guardrailMeasures(ctx: Ctx, range: { from: Date; to: Date }) {
  const rows = await purchaseFigures(ctx.database.db, ctx.actor.workspaceId, range.from, range.to);
  const judged = rows.filter((row) => row.firstOutcome !== null);
  const atOnce = judged.filter((row) => row.firstOutcome === "approve" || row.firstOutcome === "block");
  const hours = rows.flatMap((row) =>
    row.submittedAt && row.decidedAt ? [(row.decidedAt.getTime() - row.submittedAt.getTime()) / 3_600_000] : [],
  );
  const throughTandem = new Map<string, number>();
  for (const row of rows) {
    const purchase = row.purchase as PurchaseDetails | null;
    if (row.decision !== "approved" || !purchase) continue;
    throughTandem.set(purchase.currency, (throughTandem.get(purchase.currency) ?? 0) + Number(purchase.annualCost));
  }
  const inExpenses = new Map<string, number>();
  for (const candidate of (await readShadowCandidates(ctx)).items) {
    for (const spend of candidate.spend) {
      inExpenses.set(spend.currency, (inExpenses.get(spend.currency) ?? 0) + Number(spend.yearly));
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .map(([currency, yearly]) => ({ currency, yearly: yearly.toFixed(2) }))
      .sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return {
    purchases: rows.length,
    judged: judged.length,
    decidedAtOncePercent: judged.length === 0 ? null : (100 * atOnce.length) / judged.length,
    medianHoursToDecision: median(hours),
    spendThroughTandem: list(throughTandem),
    spendFoundInExpenses: list(inExpenses),
  };
}
