// Decisions the purchase policy takes (issue 15): the same decision record, event, audit entry, notices and clocks
// as a person's decision, taken in the caller's transaction from any stage before delivery, with the policy as the
// reason and no person as the decider.

import type { Priority } from "#contracts/pipeline";
import { addBusinessMinutes } from "#engines/sla";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { writeDecision } from "./decision-write";
import type { ClockEvent } from "./pipeline.clocks";
import { findRequest, listClockEvents, lockRequest } from "./pipeline.queries";
import { referenceOf } from "./pipeline.rules";
import { loadServiceLevels, refreshClocks } from "./sla.service";

/** The stages in which a request may still be decided by the policy or its reviews. */
export const UNDECIDED_STAGES = ["submitted", "triage", "planning", "decision"] as const;

/** The request as the guardrails read it (locked when `lock`), or null when it is not the workspace's. */
export async function readRequestRecord(tx: Tx, workspaceId: string, id: string, options: { lock?: boolean } = {}) {
  if (options.lock && !(await lockRequest(tx, workspaceId, id))) return null;
  const row = await findRequest(tx, workspaceId, id);
  return row ? row.request : null;
}

/** Approves or declines a request on the policy's (or its reviews') behalf; refuses a request already decided. */
export async function decideByPolicy(
  tx: Tx,
  ctx: Ctx,
  id: string,
  input: { outcome: "approved" | "declined"; reason: string; alternatives: { text: string; toolId: string | null }[] },
) {
  const current = await readRequestRecord(tx, ctx.actor.workspaceId, id, { lock: true });
  if (!current) throw new AppError("not_found", "Request not found");
  if (!(UNDECIDED_STAGES as readonly string[]).includes(current.stage)) {
    throw new AppError("invalid_state", `This request is ${current.stage}; it can no longer be decided`);
  }
  const alternatives =
    input.outcome === "declined" && input.alternatives.length === 0
      ? [{ text: "Ask IT for an allowed alternative", toolId: null }]
      : input.alternatives;
  await writeDecision(
    tx,
    ctx,
    current,
    { version: current.version, outcome: input.outcome, reason: input.reason, alternatives, byPolicy: true },
    `${referenceOf(current.number)} was ${input.outcome} by the purchase policy`,
  );
  const after = await readRequestRecord(tx, ctx.actor.workspaceId, id);
  if (after) {
    const events = (await listClockEvents(tx, [id])).map(({ kind, toStage, at }) => ({ kind, toStage, at }));
    await refreshClocks(tx, after, events as ClockEvent[], ctx.now);
  }
}

/** When a review opened now is due: the request's decision target in business minutes on its calendar. */
export async function reviewDueAt(tx: Tx, workspaceId: string, priority: Priority | null, now: Date) {
  const levels = await loadServiceLevels(tx, workspaceId);
  const { targets, calendar } = levels(priority);
  return new Date(addBusinessMinutes(calendar, now.getTime(), targets.decision));
}

/** Adds people to a request's watchers (reviewers, the IT partner). */
export { addWatchers } from "./engagement.queries";
