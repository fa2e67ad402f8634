// Stage moves: plain transitions (refused with the allowed moves listed), waiting on the requester (the clocks
// pause) and the value review that closes a delivered request. Decisions and appeals are in decisions.service.ts.

import type { Stage } from "#contracts/pipeline";
import type { Ctx } from "../../context";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import { listRaci, listWatchers } from "./engagement.queries";
import { insertEvent, type RequestChanges, updateRequest } from "./pipeline.queries";
import { REVIEW_AFTER_DAYS, raciProblems, referenceOf, TRANSITIONS, transitionRefusal } from "./pipeline.rules";
import { loadRequest, originOfNotice, refusedInState, relationOf, settle, subjectOf } from "./request-view.service";

/** Moves a request to another stage: illegal moves are refused with the allowed ones listed. */
export async function transitionRequest(ctx: Ctx, id: string, input: { to: Stage; version: number; comment?: string }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    authorize(ctx.actor, "request.transition", subjectOf(current));
    const allowed = TRANSITIONS[current.stage];
    if (!allowed.includes(input.to)) {
      throw new AppError(
        "invalid_state",
        allowed.length > 0
          ? `A request in ${current.stage} can move to ${allowed.join(", ")}, not ${input.to}`
          : `A request in ${current.stage} does not move by a transition`,
        [{ path: "to", message: `must be one of: ${allowed.join(", ") || "(none)"}` }],
      );
    }
    const refusal = transitionRefusal(current.stage, input.to, relationOf(ctx, current));
    if (refusal) throw new AppError("forbidden", refusal);
    if (input.to === "decision") {
      const problems = raciProblems((await listRaci(tx, id)).map(({ row }) => row));
      if (current.priority === null) problems.unshift("The request has no priority class yet");
      if (problems.length > 0) {
        throw new AppError(
          "invalid_state",
          `Not ready for a decision: ${problems.join("; ")}`,
          problems.map((message) => ({ path: "raci", message })),
        );
      }
    }
    const changes: RequestChanges = {
      stage: input.to,
      stageChangedAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (input.to === "submitted") changes.submittedAt = ctx.now;
    // Taking a request up is the first response to it.
    if (current.stage === "submitted" && input.to === "triage" && !current.firstResponseAt) {
      changes.firstResponseAt = ctx.now;
    }
    if (input.to === "delivered") {
      changes.deliveredAt = ctx.now;
      changes.reviewDueOn = new Date(ctx.now.getTime() + REVIEW_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
    }
    if (input.to === "withdrawn" || input.to === "delivered") changes.waitingOnRequester = false;
    if (current.waitingOnRequester && changes.waitingOnRequester === false) {
      await insertEvent(tx, {
        workspaceId: current.workspaceId,
        requestId: id,
        kind: "resumed",
        actorId: ctx.actor.userId,
        at: ctx.now,
      });
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, changes);
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "stage",
      fromStage: current.stage,
      toStage: input.to,
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: input.comment ? { comment: input.comment } : {},
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.moved",
      entityType: "request",
      entityId: id,
      before: { stage: current.stage },
      after: { stage: input.to, ...(input.comment ? { comment: input.comment } : {}) },
    });
    await notify(tx, originOfNotice(ctx), await listWatchers(tx, id), {
      kind: "request.stage",
      title: `${referenceOf(current.number)} moved to ${input.to.replace("_", " ")}`,
      body: current.title,
      link: `/pipeline/requests/${id}`,
    });
    return settle(tx, ctx, id);
  });
}

/** Marks the request as waiting on its requester (the clocks pause) or resumes it. */
export async function setWaiting(ctx: Ctx, id: string, input: { waiting: boolean; version: number; reason?: string }) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const who = relationOf(ctx, current);
    if (input.waiting && !(who.isItSide || who.isItPartner || who.isAdmin || who.isSponsor)) {
      throw new AppError(
        "forbidden",
        "Only the IT partner, the IT team, the sponsor or an admin may wait on the requester",
      );
    }
    if (!input.waiting && !(who.isRequester || who.isItSide || who.isItPartner || who.isAdmin || who.isSponsor)) {
      throw new AppError("forbidden", "Only the people of this request, the IT team or an admin may resume it");
    }
    if (!["submitted", "triage", "planning", "decision", "delivery"].includes(current.stage)) {
      throw refusedInState(ctx, current, `A request in ${current.stage} has no running clock to pause`);
    }
    if (current.waitingOnRequester === input.waiting) {
      throw refusedInState(
        ctx,
        current,
        input.waiting ? "The request already waits on its requester" : "The request is not waiting on its requester",
      );
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      waitingOnRequester: input.waiting,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: input.waiting ? "paused" : "resumed",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: input.reason ? { reason: input.reason } : {},
    });
    await recordAudit(tx, originOf(ctx), {
      action: input.waiting ? "request.paused" : "request.resumed",
      entityType: "request",
      entityId: id,
      after: { waitingOnRequester: input.waiting, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (input.waiting) {
      await notify(tx, originOfNotice(ctx), [current.requesterId], {
        kind: "request.waiting",
        title: `${referenceOf(current.number)} waits on you`,
        body: input.reason ?? current.title,
        link: `/pipeline/requests/${id}`,
      });
    }
    return settle(tx, ctx, id);
  });
}

/** Records the value review of a delivered request (realised against expected benefit) and closes it. */
export async function reviewRequest(
  ctx: Ctx,
  id: string,
  input: { realisedBenefit: string; notes: string; version: number },
) {
  authorize(ctx.actor, "request.transition");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    const who = relationOf(ctx, current);
    if (!(who.isRequester || who.isSponsor || who.isItPartner || who.isAdmin)) {
      throw new AppError(
        "forbidden",
        "Only the requester, the sponsor, the IT partner or an admin may review the value",
      );
    }
    if (current.stage !== "delivered" && current.stage !== "value_review") {
      throw refusedInState(ctx, current, `Only a delivered request can be reviewed; this one is in ${current.stage}`);
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      stage: "closed",
      stageChangedAt: ctx.now,
      realisedBenefit: input.realisedBenefit,
      reviewNotes: input.notes,
      reviewedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "review",
      fromStage: current.stage,
      toStage: "closed",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { realisedBenefit: input.realisedBenefit, notes: input.notes },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.reviewed",
      entityType: "request",
      entityId: id,
      after: { realisedBenefit: input.realisedBenefit, notes: input.notes },
    });
    return settle(tx, ctx, id);
  });
}
