// Outcomes of meetings (decisions on requests, information, action items) and the action items ("commitments")
// themselves: carried over until done, reminded before due, counted per side.
import {
  type ActionItemListQuery,
  type CompletionQuery,
  type CreateActionItemBody,
  type CreateOutcomeBody,
  RITUALS_PATHS,
  type RitualsCompletion,
  RitualsLimits,
  sideOfTeamKind,
  type UpdateActionItemBody,
} from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { assertReferences, findReferenceErrors } from "../../db/references";
import { AppError, assertFound, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { notify } from "../notifications/notifications.commands";
import {
  claimActionReminder,
  countHeldMeetings,
  findActionItem,
  insertActionItem,
  listActionItemsDueBetween,
  listActionItemsToRemind,
  pageActionItems,
  updateActionItemVersioned,
} from "./action-items.queries";
import { findAgendaItem, insertOutcome, listOutcomes } from "./agenda.queries";
import { assertListFilters } from "./list-filters";
import { findMeeting } from "./meetings.queries";
import { personFilter, refuse } from "./meetings.service";
import { listPeople } from "./rituals.queries";
import { completionBySide, dateOfDay, dayNumber } from "./rituals.rules";

/** Today's date (UTC) of a request. */
export const todayOf = (ctx: { now: Date }) => ctx.now.toISOString().slice(0, 10);

const pastDue = (dueDate: string, today: string) =>
  dueDate < today ? [{ path: "dueDate", message: `must not be in the past (today is ${today})` }] : [];

async function sideOf(tx: Tx, workspaceId: string, userId: string) {
  const [person] = await listPeople(tx, workspaceId, [userId]);
  return sideOfTeamKind(person?.teamKind);
}

async function createActionItemIn(
  tx: Tx,
  ctx: Ctx,
  input: { title: string; ownerId: string; dueDate: string; priority: "high" | "medium" | "low" },
  sourceMeetingId: string | null,
) {
  const created = await insertActionItem(tx, {
    workspaceId: ctx.actor.workspaceId,
    title: input.title,
    ownerId: input.ownerId,
    side: await sideOf(tx, ctx.actor.workspaceId, input.ownerId),
    dueDate: input.dueDate,
    priority: input.priority,
    sourceMeetingId,
    createdById: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await notify(tx, { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now }, [input.ownerId], {
    kind: "rituals.action_item",
    title: `New commitment: ${input.title}`,
    body: `${ctx.actor.name} noted it for you, due ${input.dueDate}.`,
    link: RITUALS_PATHS.actionItem(created.id),
  });
  return created;
}

// ---------- outcomes ----------

/** A meeting's outcomes, oldest first. */
export async function listMeetingOutcomes(ctx: Ctx, meetingId: string) {
  authorize(ctx.actor, "ritual.read");
  assertFound(await findMeeting(ctx.database.db, ctx.actor.workspaceId, meetingId), "Meeting");
  return { items: await listOutcomes(ctx.database.db, meetingId) };
}

/**
 * Records an outcome: a decision names a request of this workspace and its reason; an action item gets an owner of
 * this workspace and a due date that is not in the past. Refused on a cancelled meeting.
 */
export async function recordOutcome(ctx: Ctx, meetingId: string, input: CreateOutcomeBody) {
  authorize(ctx.actor, "outcome.write");
  return ctx.database.db.transaction(async (tx) => {
    const meeting = assertFound(await findMeeting(tx, ctx.actor.workspaceId, meetingId, true), "Meeting");
    if (meeting.meeting.status === "cancelled") throw new AppError("invalid_state", "This meeting is cancelled");
    const item = input.agendaItemId
      ? await findAgendaItem(tx, ctx.actor.workspaceId, meetingId, input.agendaItemId)
      : null;
    // Every bad field named at once: the agenda item, the due date, and the records of another workspace.
    refuse("The outcome cannot be recorded", [
      ...(input.agendaItemId && !item
        ? [{ path: "agendaItemId", message: "is not an item of this meeting's agenda" }]
        : []),
      ...(input.type === "action_item" ? pastDue(input.dueDate, todayOf(ctx)) : []),
      ...(await findReferenceErrors(tx, ctx.actor.workspaceId, [
        ...(input.type === "decision" ? [{ path: "requestId", kind: "request" as const, id: input.requestId }] : []),
        ...(input.type === "action_item"
          ? [{ path: "ownerId", kind: "activePerson" as const, id: input.ownerId }]
          : []),
      ])),
    ]);
    const action =
      input.type === "action_item"
        ? await createActionItemIn(tx, ctx, { ...input, title: input.summary }, meetingId)
        : null;
    const outcome = await insertOutcome(tx, {
      workspaceId: ctx.actor.workspaceId,
      meetingId,
      agendaItemId: input.agendaItemId,
      type: input.type,
      summary: input.summary,
      requestId: input.type === "decision" ? input.requestId : null,
      reason: input.type === "decision" ? input.reason : null,
      actionItemId: action?.id ?? null,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "meeting_outcome.created",
      entityType: "meeting_outcome",
      entityId: outcome.id,
      after: { meetingId, ...input, actionItemId: action?.id ?? null },
    });
    const rows = await listOutcomes(tx, meetingId);
    return assertFound(
      rows.find((row) => row.outcome.id === outcome.id),
      "Outcome",
    );
  });
}

// ---------- action items ----------

/** Action items by due date; `owner=me` is "my commitments". */
export async function listWorkspaceActionItems(ctx: Ctx, query: ActionItemListQuery) {
  authorize(ctx.actor, "ritual.read");
  const ownerId = personFilter(ctx, query.owner);
  await assertListFilters(ctx, [
    { path: "owner", kind: "person", id: ownerId },
    { path: "sourceMeetingId", kind: "meeting", id: query.sourceMeetingId },
  ]);
  return pageActionItems(ctx.database.db, ctx.actor.workspaceId, {
    ownerId,
    status: query.status,
    side: query.side,
    sourceMeetingId: query.sourceMeetingId,
    dueBy: query.dueBy,
    q: query.q,
    limit: query.limit,
    cursor: query.cursor,
  });
}

/** One action item (404 for another workspace's). */
export async function getActionItem(ctx: Ctx, id: string, tx: Tx = ctx.database.db) {
  authorize(ctx.actor, "ritual.read");
  return assertFound(await findActionItem(tx, ctx.actor.workspaceId, id), "Action item");
}

/** Creates an action item (outside a meeting, or naming the meeting it came from). */
export async function createActionItem(ctx: Ctx, input: CreateActionItemBody) {
  authorize(ctx.actor, "actionItem.write");
  return ctx.database.db.transaction(async (tx) => {
    // Every bad field named at once: a past due date, an owner or a meeting of another workspace.
    const meeting =
      input.sourceMeetingId === null ? null : await findMeeting(tx, ctx.actor.workspaceId, input.sourceMeetingId);
    refuse("The action item cannot be created", [
      ...pastDue(input.dueDate, todayOf(ctx)),
      ...(await findReferenceErrors(tx, ctx.actor.workspaceId, [
        { path: "ownerId", kind: "activePerson", id: input.ownerId },
      ])),
      ...(input.sourceMeetingId !== null && !meeting
        ? [{ path: "sourceMeetingId", message: "is not a meeting of this workspace" }]
        : []),
    ]);
    const created = await createActionItemIn(tx, ctx, input, input.sourceMeetingId);
    await recordAudit(tx, originOf(ctx), {
      action: "action_item.created",
      entityType: "action_item",
      entityId: created.id,
      after: input,
    });
    return getActionItem(ctx, created.id, tx);
  });
}

/** Marks done or reopens, moves the due date (not into the past), reassigns or reprioritises an action item. */
export async function editActionItem(ctx: Ctx, id: string, input: UpdateActionItemBody) {
  authorize(ctx.actor, "actionItem.write");
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const before = assertFound(await findActionItem(tx, ctx.actor.workspaceId, id), "Action item").item;
    refuse("The action item cannot be changed", [
      ...(changes.dueDate !== undefined && changes.dueDate !== before.dueDate
        ? pastDue(changes.dueDate, todayOf(ctx))
        : []),
    ]);
    if (changes.ownerId !== undefined) {
      await assertReferences(tx, ctx.actor.workspaceId, [
        { path: "ownerId", kind: "activePerson", id: changes.ownerId },
      ]);
    }
    const status = changes.status ?? before.status;
    const updated = await updateActionItemVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      {
        ...changes,
        ...(changes.ownerId !== undefined && changes.ownerId !== before.ownerId
          ? { side: await sideOf(tx, ctx.actor.workspaceId, changes.ownerId) }
          : {}),
        completedAt: status === "done" ? (before.completedAt ?? ctx.now) : null,
        updatedAt: ctx.now,
      },
    );
    if (!updated) throw staleEdit("action item");
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId) {
      await notify(
        tx,
        { workspaceId: ctx.actor.workspaceId, actorId: ctx.actor.userId, now: ctx.now },
        [changes.ownerId],
        {
          kind: "rituals.action_item",
          title: `Commitment handed to you: ${changes.title ?? before.title}`,
          body: `${ctx.actor.name} made you its owner, due ${changes.dueDate ?? before.dueDate}.`,
          link: RITUALS_PATHS.actionItem(id),
        },
      );
    }
    await recordAudit(tx, originOf(ctx), {
      action: "action_item.updated",
      entityType: "action_item",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]])),
      after: changes,
    });
    return getActionItem(ctx, id, tx);
  });
}

// ---------- figures ----------

/**
 * The Rituals figures over a window of dates (default: the 90 days up to today): meetings held and held with both
 * sides attending, and per side the action items due in the window, done, and done on time.
 */
export async function readCompletion(ctx: Ctx, query: CompletionQuery = {}): Promise<RitualsCompletion> {
  authorize(ctx.actor, "ritual.read");
  const to = query.to ?? todayOf(ctx);
  const from = query.from ?? dateOfDay(dayNumber(to) - 89);
  refuse("The window is not valid", [...(from > to ? [{ path: "from", message: "must be on or before to" }] : [])]);
  const [items, meetings] = await Promise.all([
    listActionItemsDueBetween(ctx.database.db, ctx.actor.workspaceId, from, to),
    countHeldMeetings(
      ctx.database.db,
      ctx.actor.workspaceId,
      new Date(`${from}T00:00:00Z`),
      new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
    ),
  ]);
  return {
    from,
    to,
    meetingsHeld: meetings.held,
    meetingsHeldWithBothSides: meetings.both,
    sides: completionBySide(items),
  };
}

/**
 * Reminds each owner of an open action item due within the reminder window (or overdue), once per due date
 * however many processes run the job. Returns how many were sent.
 */
export async function sendActionItemReminders(database: Database, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const dueBy = dateOfDay(dayNumber(today) + RitualsLimits.reminderDaysBefore);
  let sent = 0;
  for (const item of await listActionItemsToRemind(database.db, dueBy)) {
    await database.db.transaction(async (tx) => {
      if (!(await claimActionReminder(tx, item.id, item.dueDate))) return;
      const days = dayNumber(item.dueDate) - dayNumber(today);
      await notify(tx, { workspaceId: item.workspaceId, actorId: null, now }, [item.ownerId], {
        kind: "rituals.action_item_due",
        title:
          days < 0
            ? `Overdue since ${item.dueDate}: ${item.title}`
            : days === 0
              ? `Due today: ${item.title}`
              : `Due in ${days} day${days === 1 ? "" : "s"}: ${item.title}`,
        body: "Your commitment stays on the next meeting's agenda until it is done.",
        link: RITUALS_PATHS.actionItem(item.id),
      });
      sent++;
    });
  }
  return sent;
}
