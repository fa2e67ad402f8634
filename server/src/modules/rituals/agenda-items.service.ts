// Editing a meeting's agenda by hand: manual items, notes, time boxes (then kept), owner, section, order and status,
// before or during the meeting. The agenda's minutes are shared again after each change.
import {
  type AgendaLink,
  type CreateAgendaItemBody,
  RitualsLimits,
  type UpdateAgendaItemBody,
} from "#contracts/rituals";
import { allocateTimeBoxes } from "#engines/agenda";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  deleteAgendaItems,
  findAgendaItem,
  insertAgendaItems,
  listAgendaItems,
  updateAgendaItem,
  updateAgendaItemVersioned,
} from "./agenda.queries";
import { getAgenda, lengthOf } from "./agenda.service";
import { findMeeting, type MeetingRow } from "./meetings.queries";
import { refuse } from "./meetings.service";

/** Shares the meeting's minutes again among its items (set time boxes kept). */
async function reallocate(tx: Tx, row: MeetingRow) {
  const rows = await listAgendaItems(tx, row.meeting.id);
  const minutes = allocateTimeBoxes(
    lengthOf(row),
    rows.map(({ item }) => ({ kind: item.kind, fixedMinutes: item.timeBoxFixed ? item.timeBoxMinutes : null })),
  );
  for (const [index, { item }] of rows.entries()) {
    if (item.timeBoxMinutes !== minutes[index] || item.position !== index) {
      await updateAgendaItem(tx, item.id, { timeBoxMinutes: minutes[index], position: index });
    }
  }
}

async function openMeeting(tx: Tx, ctx: Ctx, meetingId: string) {
  const row = assertFound(await findMeeting(tx, ctx.actor.workspaceId, meetingId, true), "Meeting");
  if (row.meeting.status === "cancelled") throw new AppError("invalid_state", "This meeting is cancelled");
  return row;
}

function sectionProblem(row: MeetingRow, section: string | undefined) {
  if (section === undefined) return [];
  const titles = row.series.sections.map((entry) => entry.title);
  return titles.includes(section) ? [] : [{ path: "section", message: `must be one of: ${titles.join(", ")}` }];
}

async function fixedMinutesProblem(tx: Tx, row: MeetingRow, exceptId: string | null, minutes: number | undefined) {
  if (minutes === undefined) return [];
  const others = (await listAgendaItems(tx, row.meeting.id))
    .filter(({ item }) => item.id !== exceptId && item.timeBoxFixed)
    .reduce((sum, { item }) => sum + item.timeBoxMinutes, 0);
  const length = lengthOf(row);
  return others + minutes > length
    ? [
        {
          path: "timeBoxMinutes",
          message: `must be at most ${Math.max(0, length - others)}: the set time boxes would exceed the meeting's ${length} minutes`,
        },
      ]
    : [];
}

/** Adds a manual item to a meeting's agenda (before or during the meeting). */
export async function addAgendaItem(ctx: Ctx, meetingId: string, input: CreateAgendaItemBody) {
  authorize(ctx.actor, "agenda.write");
  return ctx.database.db.transaction(async (tx) => {
    const row = await openMeeting(tx, ctx, meetingId);
    const items = await listAgendaItems(tx, meetingId);
    refuse("The item cannot be added", [
      ...sectionProblem(row, input.section),
      ...(await fixedMinutesProblem(tx, row, null, input.timeBoxMinutes)),
      ...(items.length >= RitualsLimits.agendaItemsMax
        ? [{ path: "title", message: `the agenda holds at most ${RitualsLimits.agendaItemsMax} items` }]
        : []),
    ]);
    await assertReferences(tx, ctx.actor.workspaceId, [{ path: "ownerId", kind: "activePerson", id: input.ownerId }]);
    const sections = row.series.sections;
    const link: AgendaLink | null = input.url
      ? { type: "url", id: input.url, label: input.title, href: input.url }
      : null;
    const [created] = await insertAgendaItems(tx, [
      {
        workspaceId: ctx.actor.workspaceId,
        meetingId,
        kind: "manual",
        source: "manual",
        section:
          input.section ??
          sections.find((s) => s.kinds.includes("manual"))?.title ??
          sections[sections.length - 1].title,
        position: items.length,
        title: input.title,
        detail: input.detail,
        link,
        ownerId: input.ownerId,
        timeBoxMinutes: input.timeBoxMinutes ?? 0,
        timeBoxFixed: input.timeBoxMinutes !== undefined,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ]);
    await reorderBySection(tx, row);
    await reallocate(tx, row);
    await recordAudit(tx, originOf(ctx), {
      action: "agenda_item.created",
      entityType: "agenda_item",
      entityId: created.id,
      after: { meetingId, ...input },
    });
    return getAgenda(ctx, meetingId, tx);
  });
}

// Keeps items grouped by the series' sections, in their order inside each section; `move` puts one item at a
// place of the whole agenda first (then the grouping keeps it among its section's items).
async function reorderBySection(tx: Tx, row: MeetingRow, move?: { id: string; position: number }) {
  const rows = await listAgendaItems(tx, row.meeting.id);
  const titles = row.series.sections.map((section) => section.title);
  const index = (title: string) => (titles.includes(title) ? titles.indexOf(title) : titles.length);
  const ordered = [...rows];
  if (move) {
    const from = ordered.findIndex(({ item }) => item.id === move.id);
    if (from >= 0) {
      const [moved] = ordered.splice(from, 1);
      ordered.splice(Math.min(move.position, ordered.length), 0, moved);
    }
  }
  const sorted = ordered
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => index(a.entry.item.section) - index(b.entry.item.section) || a.order - b.order)
    .map(({ entry }) => entry);
  for (const [position, { item }] of sorted.entries()) {
    if (item.position !== position) await updateAgendaItem(tx, item.id, { position });
  }
}

/** Edits an agenda item: notes, a time box (then kept), owner, section, order, status; a stale version is a 409. */
export async function editAgendaItem(ctx: Ctx, meetingId: string, itemId: string, input: UpdateAgendaItemBody) {
  authorize(ctx.actor, "agenda.write");
  const { version, timeBoxMinutes, position, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const row = await openMeeting(tx, ctx, meetingId);
    const before = assertFound(await findAgendaItem(tx, ctx.actor.workspaceId, meetingId, itemId), "Agenda item");
    refuse("The item cannot be changed", [
      ...sectionProblem(row, changes.section),
      ...(await fixedMinutesProblem(tx, row, itemId, timeBoxMinutes)),
    ]);
    if (changes.ownerId !== undefined) {
      await assertReferences(tx, ctx.actor.workspaceId, [
        { path: "ownerId", kind: "activePerson", id: changes.ownerId },
      ]);
    }
    const updated = await updateAgendaItemVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id: itemId, version },
      {
        ...changes,
        ...(timeBoxMinutes !== undefined ? { timeBoxMinutes, timeBoxFixed: true } : {}),
        updatedAt: ctx.now,
      },
    );
    if (!updated) throw staleEdit("agenda item");
    await reorderBySection(tx, row, position !== undefined ? { id: itemId, position } : undefined);
    await reallocate(tx, row);
    await recordAudit(tx, originOf(ctx), {
      action: "agenda_item.updated",
      entityType: "agenda_item",
      entityId: itemId,
      before: { status: before.status, section: before.section, timeBoxMinutes: before.timeBoxMinutes },
      after: {
        ...changes,
        ...(timeBoxMinutes !== undefined ? { timeBoxMinutes } : {}),
        ...(position !== undefined ? { position } : {}),
      },
    });
    return getAgenda(ctx, meetingId, tx);
  });
}

/** Removes an item from an agenda (a built one comes back on the next refresh while the data still names it). */
export async function removeAgendaItem(ctx: Ctx, meetingId: string, itemId: string) {
  authorize(ctx.actor, "agenda.write");
  return ctx.database.db.transaction(async (tx) => {
    const row = await openMeeting(tx, ctx, meetingId);
    const before = assertFound(await findAgendaItem(tx, ctx.actor.workspaceId, meetingId, itemId), "Agenda item");
    await deleteAgendaItems(tx, [itemId]);
    await reorderBySection(tx, row);
    await reallocate(tx, row);
    await recordAudit(tx, originOf(ctx), {
      action: "agenda_item.deleted",
      entityType: "agenda_item",
      entityId: itemId,
      before: { meetingId, kind: before.kind, title: before.title },
    });
    return getAgenda(ctx, meetingId, tx);
  });
}
