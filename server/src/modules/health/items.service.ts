// Health's item bank: the shipped items and an admin's own, reworded only while never asked, retired at will.
import type { CreateSurveyItemBody, UpdateSurveyItemBody } from "#contracts/health";
import type { Ctx } from "../../context";
import { AppError, assertFound, staleEdit } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { refuse } from "./health.service";
import { ensureBank, findItem, insertItem, listItems, updateItem } from "./items.queries";

/** The whole bank (the shipped items added on first use). */
export async function listBank(ctx: Ctx) {
  authorize(ctx.actor, "health.read");
  await ensureBank(ctx.database.db, ctx.actor.workspaceId, ctx.now);
  return { items: await listItems(ctx.database.db, ctx.actor.workspaceId) };
}

/** Adds an item to a criterion's end of the bank (admins). */
export async function createItem(ctx: Ctx, input: CreateSurveyItemBody) {
  authorize(ctx.actor, "health.manage");
  return ctx.database.db.transaction(async (tx) => {
    await ensureBank(tx, ctx.actor.workspaceId, ctx.now);
    const bank = await listItems(tx, ctx.actor.workspaceId);
    const position =
      Math.max(-1, ...bank.filter((item) => item.criterion === input.criterion).map((i) => i.position)) + 1;
    const custom = bank.filter((item) => !item.shipped).length + 1;
    const row = await withUniqueField("text", "An item was added at the same moment; try again", () =>
      insertItem(tx, {
        workspaceId: ctx.actor.workspaceId,
        code: `custom-${custom}`,
        criterion: input.criterion,
        textMarketing: input.text.marketing,
        textIt: input.text.it,
        position,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "survey_item.created",
      entityType: "survey_item",
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

/** Rewords (only while never asked) or retires an item (admins). */
export async function editItem(ctx: Ctx, id: string, input: UpdateSurveyItemBody) {
  authorize(ctx.actor, "health.manage");
  const current = assertFound(await findItem(ctx.database.db, ctx.actor.workspaceId, id), "Item");
  if (input.text && current.live) {
    throw new AppError(
      "invalid_state",
      "This item has been asked in a pulse: its wording never changes (it would break the trend). Retire it and add a new one.",
    );
  }
  refuse("The outcome item stays", [
    ...(input.status === "retired" && current.criterion === "outcome"
      ? [{ path: "status", message: "the overall outcome item cannot be retired" }]
      : []),
  ]);
  return ctx.database.db.transaction(async (tx) => {
    const changes = {
      ...(input.text ? { textMarketing: input.text.marketing, textIt: input.text.it } : {}),
      ...(input.status ? { status: input.status } : {}),
      updatedAt: ctx.now,
    };
    const updated = await updateItem(tx, { workspaceId: ctx.actor.workspaceId, id, version: input.version }, changes);
    if (!updated) throw staleEdit("item");
    await recordAudit(tx, originOf(ctx), {
      action: "survey_item.updated",
      entityType: "survey_item",
      entityId: id,
      before: { text: { marketing: current.textMarketing, it: current.textIt }, status: current.status },
      after: { text: input.text, status: input.status },
    });
    return assertFound(await findItem(tx, ctx.actor.workspaceId, id), "Item");
  });
}
