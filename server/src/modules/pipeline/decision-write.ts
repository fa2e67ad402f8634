// Writing a decision, the one way a person's decision and the purchase policy's share: the request's decision and
// stage, the timeline event, the audit entry and the notice to its people. Checks stay with the callers.

import type { Stage } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { staleEdit } from "../../errors";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import { listWatchers } from "./engagement.queries";
import { insertEvent, updateRequest } from "./pipeline.queries";
import { stageAfterDecision } from "./pipeline.rules";

type Outcome = "approved" | "declined" | "deferred" | "alternative";

/** Decides `current` at `version`; `byPolicy` when the purchase policy decided (no person as the decider). */
export async function writeDecision(
  tx: Tx,
  ctx: Ctx,
  current: {
    id: string;
    workspaceId: string;
    stage: Stage;
    decidedAt: Date | null;
    requesterId: string;
    sponsorId: string | null;
  },
  input: {
    version: number;
    outcome: Outcome;
    reason: string;
    alternatives: { text: string; toolId: string | null }[];
    byPolicy?: boolean;
  },
  noticeTitle: string,
) {
  const { outcome, reason, alternatives } = input;
  const to = stageAfterDecision(outcome);
  const updated = await updateRequest(tx, ctx.actor.workspaceId, current.id, input.version, {
    stage: to,
    stageChangedAt: ctx.now,
    decision: outcome,
    decisionReason: reason,
    alternatives,
    decidedById: input.byPolicy ? null : ctx.actor.userId,
    decidedAt: current.decidedAt ?? ctx.now,
    updatedAt: ctx.now,
  });
  if (!updated) throw staleEdit("request");
  const by = input.byPolicy ? { by: "policy" } : {};
  await insertEvent(tx, {
    workspaceId: current.workspaceId,
    requestId: current.id,
    kind: "decision",
    fromStage: current.stage,
    toStage: to,
    actorId: ctx.actor.userId,
    at: ctx.now,
    data: { outcome, reason, alternatives, ...by },
  });
  await recordAudit(tx, originOf(ctx), {
    action: "request.decided",
    entityType: "request",
    entityId: current.id,
    before: { stage: current.stage },
    after: { stage: to, outcome, reason, ...(input.byPolicy ? by : { alternatives }) },
  });
  await notify(
    tx,
    { workspaceId: current.workspaceId, actorId: ctx.actor.userId, now: ctx.now },
    [current.requesterId, current.sponsorId, ...(await listWatchers(tx, current.id))],
    { kind: "request.decided", title: noticeTitle, body: reason, link: `/pipeline/requests/${current.id}` },
  );
}
