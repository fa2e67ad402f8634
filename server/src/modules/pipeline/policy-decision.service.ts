// Decisions the purchase policy takes (issue 15): the same decision record, event, audit entry, notices and clocks
// as a person's decision, taken in the caller's transaction from any stage before delivery, with the policy as the
// reason and no person as the decider.

import type { Priority } from "#contracts/pipeline";
import { addBusinessMinutes } from "#engines/sla";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, staleEdit } from "../../errors";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import { listWatchers } from "./engagement.queries";
import type { ClockEvent } from "./pipeline.clocks";
import { referenceOf } from "./pipeline.presenter";
import { findRequest, insertEvent, listClockEvents, lockRequest, updateRequest } from "./pipeline.queries";
import { stageAfterDecision } from "./pipeline.rules";
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
  const to = stageAfterDecision(input.outcome);
  const updated = await updateRequest(tx, ctx.actor.workspaceId, id, current.version, {
    stage: to,
    stageChangedAt: ctx.now,
    decision: input.outcome,
    decisionReason: input.reason,
    alternatives,
    decidedById: null,
    decidedAt: current.decidedAt ?? ctx.now,
    updatedAt: ctx.now,
  });
  if (!updated) throw staleEdit("request");
  await insertEvent(tx, {
    workspaceId: current.workspaceId,
    requestId: id,
    kind: "decision",
    fromStage: current.stage,
    toStage: to,
    actorId: ctx.actor.userId,
    at: ctx.now,
    data: { outcome: input.outcome, reason: input.reason, alternatives, by: "policy" },
  });
  await recordAudit(tx, originOf(ctx), {
    action: "request.decided",
    entityType: "request",
    entityId: id,
    before: { stage: current.stage },
    after: { stage: to, outcome: input.outcome, reason: input.reason, by: "policy" },
  });
  await notify(
    tx,
    { workspaceId: current.workspaceId, actorId: ctx.actor.userId, now: ctx.now },
    [current.requesterId, current.sponsorId, ...(await listWatchers(tx, id))],
    {
      kind: "request.decided",
      title: `${referenceOf(current.number)} was ${input.outcome} by the purchase policy`,
      body: input.reason,
      link: `/pipeline/requests/${id}`,
    },
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
