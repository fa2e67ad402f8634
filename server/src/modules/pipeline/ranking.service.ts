// The ranked backlog: a request moved by hand directly above another one, or to the bottom.

import type { Ctx } from "../../context";
import { AppError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { bottomRank, insertEvent, rankAbove, rankOf, updateRequest } from "./pipeline.queries";
import { rankBetween } from "./pipeline.rules";
import { loadRequest, settle } from "./request-view.service";

/** Moves a request in the ranked backlog, directly above another one (or to the bottom); audited. */
export async function rankRequest(ctx: Ctx, id: string, input: { beforeId: string | null; version: number }) {
  authorize(ctx.actor, "request.rank");
  return ctx.database.db.transaction(async (tx) => {
    const { request: current } = await loadRequest(tx, ctx, id);
    if (input.beforeId === id) {
      throw new AppError("validation_failed", "A request cannot be placed above itself", [
        { path: "beforeId", message: "must be another request" },
      ]);
    }
    let rank: string;
    if (input.beforeId) {
      const below = await rankOf(tx, ctx.actor.workspaceId, input.beforeId);
      if (below === null) {
        throw new AppError("validation_failed", "No such request", [
          { path: "beforeId", message: "is not a request of this workspace" },
        ]);
      }
      rank = rankBetween(await rankAbove(tx, ctx.actor.workspaceId, below, id), below);
    } else {
      rank = rankBetween(await bottomRank(tx, ctx.actor.workspaceId, id), null);
    }
    const updated = await updateRequest(tx, ctx.actor.workspaceId, id, input.version, {
      rank,
      rankedManually: true,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("request");
    await insertEvent(tx, {
      workspaceId: current.workspaceId,
      requestId: id,
      kind: "ranked",
      actorId: ctx.actor.userId,
      at: ctx.now,
      data: { beforeId: input.beforeId },
    });
    await recordAudit(tx, originOf(ctx), {
      action: "request.ranked",
      entityType: "request",
      entityId: id,
      before: { rank: current.rank },
      after: { rank, beforeId: input.beforeId },
    });
    return settle(tx, ctx, id);
  });
}
