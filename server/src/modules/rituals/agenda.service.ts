// A meeting's agenda: built from live data by engines/agenda when the meeting is prepared (and refreshed by the
// job until it starts, then frozen). Manual items, notes, time boxes, order and status: agenda-items.service.ts.
import type { AgendaSection } from "#contracts/rituals";
import { type AgendaKind, buildAgenda, type ExistingItem, MORE_HREFS } from "#engines/agenda";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError, assertFound } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { countCarryOver, listOpenActionItems } from "./action-items.queries";
import {
  deleteAgendaItems,
  insertAgendaItems,
  itemsWithOutcomes,
  listAgendaItems,
  updateAgendaItem,
} from "./agenda.queries";
import { readWorkspaceFacts, type WorkspaceFacts } from "./agenda.sources";
import { findFollowingMeeting, findMeeting, type MeetingRow, updateMeeting } from "./meetings.queries";
import { getMeeting } from "./meetings.service";
import { findSeries } from "./rituals.queries";
import { isFrozen, nextSlot, type SeriesTiming } from "./rituals.rules";

const DAY = 86_400_000;

/** A meeting (with its attendees) and its agenda items in order, as the presenter groups them by section. */
export async function getAgenda(ctx: Ctx, meetingId: string, tx: Tx = ctx.database.db) {
  authorize(ctx.actor, "ritual.read");
  const meeting = await getMeeting(ctx, meetingId, tx);
  return { meeting, items: await listAgendaItems(tx, meetingId) };
}

function existingOf(rows: Awaited<ReturnType<typeof listAgendaItems>>, written: Set<string>): ExistingItem[] {
  return rows.map(({ item }) => ({
    id: item.id,
    kind: item.kind,
    originKind: (item.originKind as AgendaKind | null) ?? null,
    source: item.source,
    key: item.sourceKey,
    section: item.section,
    position: item.position,
    title: item.title,
    detail: item.detail,
    link: item.link ?? null,
    ownerId: item.ownerId,
    status: item.status,
    fixedMinutes: item.timeBoxFixed ? item.timeBoxMinutes : null,
    hasNotes: item.notes.trim() !== "" || written.has(item.id),
    carriedFromItemId: item.carriedFromItemId,
  }));
}

/** A meeting's length in minutes, the time its agenda's time boxes share. */
export const lengthOf = (row: MeetingRow) =>
  Math.round((row.meeting.endsAt.getTime() - row.meeting.startsAt.getTime()) / 60_000);

/** What building an agenda reads before its transaction: the live facts of the workspace and the series' next date. */
export interface AgendaInputs {
  meetingId: string;
  /** The meeting's start the facts were read for. */
  startsAt: Date;
  nextStartsAt: Date;
  facts: WorkspaceFacts;
}

/**
 * Reads an agenda's inputs for a meeting starting at `startsAt` (its current start, or the one a move gives it;
 * `series` is the series' timing when an edit changes it) through the other modules' commands, outside any
 * transaction.
 */
export async function readAgendaInputs(
  ctx: Ctx,
  target: { meetingId: string; seriesId: string; startsAt: Date; series?: SeriesTiming },
): Promise<AgendaInputs> {
  const db = ctx.database.db;
  const following = await findFollowingMeeting(db, target.seriesId, target.startsAt, target.meetingId);
  const series = target.series ?? assertFound(await findSeries(db, ctx.actor.workspaceId, target.seriesId), "Series");
  const nextStartsAt =
    following?.startsAt ?? nextSlot(series, target.startsAt)?.startsAt ?? new Date(target.startsAt.getTime() + 7 * DAY);
  const facts = await readWorkspaceFacts(ctx, target.startsAt.toISOString().slice(0, 10), nextStartsAt);
  return { meetingId: target.meetingId, startsAt: target.startsAt, nextStartsAt, facts };
}

/**
 * Builds (or refreshes) a scheduled meeting's agenda from the live state of the workspace; refused once the
 * meeting has started. The snapshot is read first (through the modules' commands), then applied in one
 * transaction with the meeting locked. Returns the agenda.
 */
export async function prepareMeeting(ctx: Ctx, meetingId: string, options: { audit?: boolean } = {}) {
  authorize(ctx.actor, "agenda.write");
  const first = assertFound(await findMeeting(ctx.database.db, ctx.actor.workspaceId, meetingId), "Meeting");
  refuseFrozen(first, ctx.now);
  const inputs = await readAgendaInputs(ctx, {
    meetingId,
    seriesId: first.series.id,
    startsAt: first.meeting.startsAt,
  });
  return ctx.database.db.transaction(async (tx) => {
    const row = assertFound(await findMeeting(tx, ctx.actor.workspaceId, meetingId, true), "Meeting");
    refuseFrozen(row, ctx.now);
    await applyAgenda(tx, ctx, row, inputs, options);
    return getAgenda(ctx, meetingId, tx);
  });
}

/**
 * Builds the agenda of a meeting (locked by the caller's transaction, as it is now in it) from inputs read before
 * the transaction, and writes it there: a meeting moved and rebuilt in one transaction keeps its old agenda if
 * anything fails.
 */
export async function applyAgenda(
  tx: Tx,
  ctx: Ctx,
  row: MeetingRow,
  inputs: AgendaInputs,
  options: { audit?: boolean } = {},
): Promise<void> {
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const currentRows = await listAgendaItems(tx, row.meeting.id);
  const previousRows = row.previousMeetingId ? await listAgendaItems(tx, row.previousMeetingId) : null;
  const open = await listOpenActionItems(tx, ctx.actor.workspaceId);
  const written = await itemsWithOutcomes(tx, row.meeting.id);
  const built = buildAgenda({
    now: ctx.now,
    meeting: { id: row.meeting.id, startsAt: row.meeting.startsAt, durationMinutes: lengthOf(row) },
    nextStartsAt: inputs.nextStartsAt,
    sections: row.series.sections as AgendaSection[],
    kpis: inputs.facts.kpis,
    requests: inputs.facts.requests,
    reviews: inputs.facts.reviews,
    renewals: inputs.facts.renewals,
    experiments: inputs.facts.experiments,
    clashes: inputs.facts.clashes,
    actionItems: open.map((item) => ({
      id: item.id,
      title: item.title,
      ownerId: item.ownerId,
      dueDate: item.dueDate,
      priority: item.priority,
      // Carried over: an open item of an earlier occurrence of this series.
      fromThisSeries:
        item.seriesId === row.series.id &&
        item.sourceStartsAt !== null &&
        item.sourceStartsAt.getTime() < row.meeting.startsAt.getTime(),
    })),
    current: existingOf(currentRows, written),
    previous: previousRows ? existingOf(previousRows, new Set()) : null,
    truncated: inputs.facts.truncated,
  });
  const byId = new Map(currentRows.map(({ item }) => [item.id, item]));
  const fresh = built.items.filter((item) => item.id === null);
  await deleteAgendaItems(tx, built.removedIds);
  for (const item of built.items) {
    if (item.id === null) continue;
    const before = byId.get(item.id);
    if (!before) continue;
    const changed =
      before.title !== item.title ||
      before.detail !== item.detail ||
      before.section !== item.section ||
      before.ownerId !== item.ownerId ||
      JSON.stringify(before.link ?? null) !== JSON.stringify(item.link);
    if (!changed && before.position === item.position && before.timeBoxMinutes === item.timeBoxMinutes) continue;
    await updateAgendaItem(tx, item.id, {
      title: item.title,
      detail: item.detail,
      section: item.section,
      ownerId: item.ownerId,
      link: item.link,
      position: item.position,
      timeBoxMinutes: item.timeBoxMinutes,
      ...(changed ? { version: before.version + 1, updatedAt: ctx.now } : {}),
    });
  }
  await insertAgendaItems(
    tx,
    fresh.map((item) => ({
      workspaceId: ctx.actor.workspaceId,
      meetingId: row.meeting.id,
      kind: item.kind,
      originKind: item.originKind,
      source: item.source,
      sourceKey: item.key,
      section: item.section,
      position: item.position,
      title: item.title,
      detail: item.detail,
      link: item.link,
      ownerId: item.ownerId,
      timeBoxMinutes: item.timeBoxMinutes,
      carriedFromItemId: item.carriedFromItemId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  // An action item carried to one more occurrence counts once per occurrence.
  await countCarryOver(
    tx,
    fresh.flatMap((item) => (item.kind === "carried_over" && item.actionItemId ? [item.actionItemId] : [])),
  );
  await updateMeeting(tx, row.meeting.id, {
    preparedAt: ctx.now,
    agendaSummary: {
      more: built.more.map((entry) => ({ ...entry, href: MORE_HREFS[entry.kind] })),
      missingSources: built.missingSources,
    },
  });
  if (options.audit !== false) {
    await recordAudit(tx, originOf(ctx), {
      action: "meeting.prepared",
      entityType: "meeting",
      entityId: row.meeting.id,
      after: { items: built.items.length, removed: built.removedIds.length, totalMinutes: built.totalMinutes },
    });
  }
}

function refuseFrozen(row: MeetingRow, now: Date) {
  if (row.meeting.status === "cancelled") throw new AppError("invalid_state", "This meeting is cancelled");
  if (isFrozen(row.meeting, now)) {
    throw new AppError("invalid_state", "This meeting has started: its agenda is frozen and no longer refreshed");
  }
}
