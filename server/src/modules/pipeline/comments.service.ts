// The conversation on a request: comments with @mentions; mentioned people and watchers are notified.
// A comment from someone other than the requester is a response (it stops the first-response clock), and the
// requester's comment answers a request that was waiting on them (the clocks resume).
import type { Ctx } from "../../context";
import { assertReferences } from "../../db/references";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import { addWatchers, insertComment, listComments, listWatchers } from "./engagement.queries";
import {
  findPeople,
  findRequest,
  insertEvent,
  listEvents,
  lockRequest,
  setDerived,
  updateRequest,
} from "./pipeline.queries";
import { referenceOf } from "./pipeline.rules";
import { refreshClocks } from "./sla.service";

async function visibleRequest(ctx: Ctx, id: string) {
  const row = await findRequest(ctx.database.db, ctx.actor.workspaceId, id);
  if (!row || (row.request.stage === "draft" && row.request.requesterId !== ctx.actor.userId)) {
    throw new AppError("not_found", "Request not found");
  }
  return row.request;
}

export async function listRequestComments(ctx: Ctx, id: string) {
  authorize(ctx.actor, "request.read");
  await visibleRequest(ctx, id);
  const rows = await listComments(ctx.database.db, id);
  const mentioned = [...new Set(rows.flatMap(({ comment }) => comment.mentions))];
  const people = await findPeople(ctx.database.db, ctx.actor.workspaceId, mentioned);
  return { rows, names: new Map([...people].map(([key, person]) => [key, person.name])) };
}

export async function addComment(ctx: Ctx, id: string, input: { body: string; mentions: string[] }) {
  authorize(ctx.actor, "request.comment");
  const request = await visibleRequest(ctx, id);
  return ctx.database.db.transaction(async (tx) => {
    // The request's row lock first, before the comment's row (which key-shares it) and the audit chain's head:
    // comments sent at once queue here instead of deadlocking on each other's locks.
    await lockRequest(tx, ctx.actor.workspaceId, id);
    await assertReferences(
      tx,
      ctx.actor.workspaceId,
      input.mentions.map((person, index) => ({ path: `mentions.${index}`, kind: "person" as const, id: person })),
    );
    const mentions = [...new Set(input.mentions)];
    const { id: commentId } = await insertComment(tx, {
      workspaceId: ctx.actor.workspaceId,
      requestId: id,
      authorId: ctx.actor.userId,
      body: input.body,
      mentions,
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.commented",
      entityType: "request",
      entityId: id,
      after: { commentId, mentions },
    });
    const origin = { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now };
    await notify(tx, origin, mentions, {
      kind: "request.mention",
      title: `${ctx.actor.name} mentioned you on ${referenceOf(request.number)}`,
      body: input.body.slice(0, 280),
      link: `/pipeline/requests/${id}`,
    });
    const watchers = (await listWatchers(tx, id)).filter((person) => !mentions.includes(person));
    await notify(tx, origin, watchers, {
      kind: "request.comment",
      title: `${ctx.actor.name} commented on ${referenceOf(request.number)}`,
      body: input.body.slice(0, 280),
      link: `/pipeline/requests/${id}`,
    });
    await addWatchers(tx, id, [ctx.actor.userId]);
    // The clocks' facts as they are now, under the row lock: another change may have landed since the read above.
    const current = (await findRequest(tx, ctx.actor.workspaceId, id))?.request ?? request;
    const isRequester = current.requesterId === ctx.actor.userId;
    let clocksMoved = false;
    if (!isRequester && current.submittedAt && !current.firstResponseAt) {
      await setDerived(tx, id, { firstResponseAt: ctx.now });
      clocksMoved = true;
    }
    if (isRequester && current.waitingOnRequester) {
      await updateRequest(tx, ctx.actor.workspaceId, id, current.version, {
        waitingOnRequester: false,
        updatedAt: ctx.now,
      });
      await insertEvent(tx, {
        workspaceId: ctx.actor.workspaceId,
        requestId: id,
        kind: "resumed",
        actorId: ctx.actor.userId,
        at: ctx.now,
        data: { reason: "The requester answered" },
      });
      clocksMoved = true;
    }
    if (clocksMoved) {
      const fresh = await findRequest(tx, ctx.actor.workspaceId, id);
      if (fresh) {
        const events = (await listEvents(tx, id)).map(({ event }) => ({
          kind: event.kind,
          toStage: event.toStage,
          at: event.at,
        }));
        await refreshClocks(tx, fresh.request, events, ctx.now);
      }
    }
    return commentId;
  });
}
