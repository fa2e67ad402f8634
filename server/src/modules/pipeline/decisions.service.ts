// Decisions: a person's decision with its reason and alternatives (one stands when two decide at once), the
// requester's single appeal, and accepting the alternative offered.

import type { DecisionBody } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import { assertReferences } from "../../db/references";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import { writeDecision } from "./decision-write";
import { insertEvent, lockRequest, updateRequest } from "./pipeline.queries";
import { referenceOf } from "./pipeline.rules";
import { loadRequest, originOfNotice, refusedInState, relationOf, settle, subjectOf } from "./request-view.service";

/**
 * Decides a request in the decision stage. Two people deciding at once: the row lock queues them and the
 * second finds a new version, so exactly one decision stands and the other gets 409.
 */
export async function decideRequest(ctx: Ctx, id: string, input: DecisionBody) {
  authorize(ctx.actor, "request.decide");
  return ctx.database.db.transaction(async (tx) => {
    const locked = await lockRequest(tx, ctx.actor.workspaceId, id);
    if (!locked) throw new AppError("not_found", "Request not found");
    const { request: current } = await loadRequest(tx, ctx, id);
    authorize(ctx.actor, "request.decide", subjectOf(current));
    const who = relationOf(ctx, current);
    if (!(who.isItSide || who.isItPartner || who.isAdmin)) {
      throw new AppError("forbidden", "Only the IT partner, the IT team or an admin may decide a request");
    }
    if (current.version !== input.version) throw staleEdit("request");
    if (current.stage !== "decision") {
      throw refusedInState(ctx, current, `Only a request in decision can be decided; this one is in ${current.stage}`);
    }
    const alternatives = input.alternatives.filter((a) => a.text.length > 0 || a.toolId !== null);
    if ((input.outcome === "declined" || input.outcome === "alternative") && alternatives.length === 0) {
      throw new AppError("validation_failed", "Say what the requester can do instead", [
        { path: "alternatives", message: "needs at least one alternative when declining or proposing one" },
      ]);
    }
    // Paths index the alternatives as sent (before empty ones are dropped).
    await assertReferences(
      tx,
      ctx.actor.workspaceId,
      input.alternatives.map((a, index) => ({
        path: `alternatives.${index}.toolId`,
        kind: "tool" as const,
        id: a.toolId,
      })),
    );
    await writeDecision(
      tx,
      ctx,
      current,
      { version: input.version, outcome: input.outcome, reason: input.reason, alternatives },
      `${referenceOf(current.number)} was ${DECISION_WORDS[input.outcome]}`,
    );
    return settle(tx, ctx, id);
  });
}

const DECISION_WORDS = {
  approved: "approved",
  declined: "declined",
  deferred: "deferred",
  alternative: "answered with an alternative",
} as const;

/** The requester appeals a decline or an alternative, once, with a comment: back to decision. */
export async function appealRequest(ctx: Ctx, id: string, input: { comment: string; version: number }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (current.requesterId !== ctx.actor.userId) throw new AppError("forbidden", "Only the requester may appeal");
    if (current.stage !== "declined" || current.alternativeAcceptedAt) {
      throw refusedInState(
        ctx,
        current,
        "Only a declined request, or one answered with an alternative, can be appealed",
      );
    }
    if (current.appealedAt) throw refusedInState(ctx, current, "This request was appealed once already");
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "decision",
      stageChangedAt: ctx.now,
      appealedAt: ctx.now,
      appealComment: input.comment,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "appeal",
      fromStage: current.stage,
      toStage: "decision",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { comment: input.comment },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.appealed",
      entityType: "request",
      entityId: id,
      after: { comment: input.comment },
    });
    await notify(tx, originOfNotice(ctx), [current.decidedById, current.itPartnerId, current.sponsorId], {
      kind: "request.appealed",
      title: `${referenceOf(current.number)} was appealed`,
      body: input.comment,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

/** The requester takes the alternative offered: the request closes. */
export async function acceptAlternative(ctx: Ctx, id: string, input: { version: number }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (current.requesterId !== ctx.actor.userId) {
      throw new AppError("forbidden", "Only the requester may accept the alternative");
    }
    if (current.stage !== "declined" || current.decision !== "alternative" || current.alternativeAcceptedAt) {
      throw refusedInState(ctx, current, "There is no alternative waiting to be accepted");
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "closed",
      stageChangedAt: ctx.now,
      alternativeAcceptedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "alternative_accepted",
      fromStage: current.stage,
      toStage: "closed",
      actorId: ctx.actor.userId,
      at: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.alternative_accepted",
      entityType: "request",
      entityId: id,
    });
    await notify(tx, originOfNotice(ctx), [current.decidedById, current.itPartnerId], {
      kind: "request.alternative_accepted",
      title: `${referenceOf(current.number)}: the alternative was accepted`,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}
