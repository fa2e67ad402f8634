// Meetings (a series' occurrences): policy first, one transaction, audit in it. The next occurrence of an active
// series is kept by the series, the job and a meeting's edit; occurrences of one series never overlap.
import { randomUUID } from "node:crypto";
import {
  type CreateMeetingBody,
  type MeetingListQuery,
  RitualsLimits,
  sideOfTeamKind,
  type UpdateMeetingBody,
} from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { applyAgenda, readAgendaInputs } from "./agenda.service";
import { assertListFilters } from "./list-filters";
import {
  findLatestStart,
  findMeeting,
  insertMeeting,
  listSeriesSlots,
  loadMeetingViews,
  type MeetingRow,
  type MeetingView,
  pageMeetings,
  replaceAttendees,
  updateMeetingVersioned,
} from "./meetings.queries";
import { findSeries, listParticipants, listPeople, type SeriesRow } from "./rituals.queries";
import { nextSlot, overlaps, type Slot } from "./rituals.rules";

/** Throws a 400 naming every field when there are problems. */
export function refuse(message: string, errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError("validation_failed", message, errors);
}

/** The id of the acting person when a filter says `me`. */
export const personFilter = (ctx: Ctx, value: string | undefined) => (value === "me" ? ctx.actor.userId : value);

/** The stable iCalendar UID of a series or an occurrence. */
export const icsUidOf = (id: string) => `${id}@tandem`;

/** Refuses people who are not active people of the workspace, naming each by its place in the list. */
export async function checkParticipants(tx: Tx, ctx: Ctx, ids: readonly string[], field = "participantIds") {
  await assertReferences(
    tx,
    ctx.actor.workspaceId,
    ids.map((id, index) => ({ path: `${field}.${index}`, kind: "activePerson" as const, id })),
  );
}

/**
 * Creates the series' next occurrence when it has none that has not ended: the first slot of its cadence after
 * now and after its latest occurrence (a cancelled one is not made again) that overlaps no other. Returns it.
 */
export async function ensureNextOccurrence(tx: Tx, series: SeriesRow, now: Date) {
  if (series.status !== "active") return null;
  const slots = await listSeriesSlots(tx, series.id, null);
  // A meeting held early (before its planned end) is behind us: only a scheduled one still ahead is "the next".
  if (slots.some((slot) => slot.status === "scheduled" && slot.endsAt.getTime() > now.getTime())) return null;
  const latest = await findLatestStart(tx, series.id);
  const after = latest && latest.getTime() > now.getTime() ? latest : now;
  const slot = nextSlot(series, after, slots);
  if (!slot) return null;
  const id = randomUUID();
  return insertMeeting(tx, {
    id,
    workspaceId: series.workspaceId,
    seriesId: series.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    icsUid: icsUidOf(id),
    createdAt: now,
    updatedAt: now,
  });
}

// ---------- meetings ----------

/** Meetings with their attendees, soonest first (latest first for `past`). */
export async function listWorkspaceMeetings(ctx: Ctx, query: MeetingListQuery) {
  authorize(ctx.actor, "ritual.read");
  const participantId = personFilter(ctx, query.participant);
  await assertListFilters(ctx, [
    { path: "seriesId", kind: "series", id: query.seriesId },
    { path: "participant", kind: "person", id: participantId },
  ]);
  const page = await pageMeetings(
    ctx.database.db,
    ctx.actor.workspaceId,
    {
      seriesId: query.seriesId,
      status: query.status,
      when: query.when,
      participantId,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
    },
    ctx.now,
  );
  return { items: await loadMeetingViews(ctx.database.db, page.items), nextCursor: page.nextCursor };
}

/** One meeting with its attendees (404 for another workspace's). */
export async function getMeeting(ctx: Ctx, id: string, tx: Tx = ctx.database.db): Promise<MeetingView> {
  authorize(ctx.actor, "ritual.read");
  const row = assertFound(await findMeeting(tx, ctx.actor.workspaceId, id), "Meeting");
  const [meeting] = await loadMeetingViews(tx, [row]);
  return meeting;
}

const MAX_LENGTH_MS = RitualsLimits.durationMaxMinutes * 60_000;
const MIN_LENGTH_MS = RitualsLimits.durationMinMinutes * 60_000;
const LATEST = Date.parse("2100-12-31T23:59:59Z");
const EARLIEST = Date.parse("1970-01-01T00:00:00Z");

function slotProblems(slot: Slot): FieldError[] {
  const start = slot.startsAt.getTime();
  const length = slot.endsAt.getTime() - start;
  return [
    ...(start < EARLIEST || start > LATEST ? [{ path: "startsAt", message: "must be a time from 1970 to 2100" }] : []),
    ...(length < MIN_LENGTH_MS || length > MAX_LENGTH_MS
      ? [
          {
            path: "endsAt",
            message: `must be ${RitualsLimits.durationMinMinutes} minutes to ${RitualsLimits.durationMaxMinutes / 60} hours after startsAt`,
          },
        ]
      : []),
  ];
}

async function refuseOverlap(tx: Tx, seriesId: string, slot: Slot, exceptId: string | null) {
  const clash = (await listSeriesSlots(tx, seriesId, exceptId)).find((other) => overlaps(slot, other));
  refuse("Occurrences of one series cannot overlap", [
    ...(clash
      ? [
          {
            path: "startsAt",
            message: `overlaps the series' occurrence from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`,
          },
        ]
      : []),
  ]);
}

/** Adds an occurrence to a series (refused when it overlaps another occurrence of the series). */
export async function createMeeting(ctx: Ctx, input: CreateMeetingBody) {
  authorize(ctx.actor, "meeting.write");
  return ctx.database.db.transaction(async (tx) => {
    const series = await findSeries(tx, ctx.actor.workspaceId, input.seriesId, true);
    refuse("The series cannot be used", [
      ...(series === null ? [{ path: "seriesId", message: "is not a meeting series of this workspace" }] : []),
      ...(series?.status === "ended" ? [{ path: "seriesId", message: "has ended" }] : []),
    ]);
    const startsAt = new Date(input.startsAt);
    const slot = {
      startsAt,
      endsAt: input.endsAt
        ? new Date(input.endsAt)
        : new Date(startsAt.getTime() + (series as SeriesRow).durationMinutes * 60_000),
    };
    refuse("The occurrence's times are not valid", slotProblems(slot));
    await refuseOverlap(tx, input.seriesId, slot, null);
    const id = randomUUID();
    await insertMeeting(tx, {
      id,
      workspaceId: ctx.actor.workspaceId,
      seriesId: input.seriesId,
      ...slot,
      icsUid: icsUidOf(id),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "meeting.created",
      entityType: "meeting",
      entityId: id,
      after: { seriesId: input.seriesId, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
    return getMeeting(ctx, id, tx);
  });
}

/**
 * Moves, holds or cancels a meeting, or records who attended. Held: not before it starts; its attendance is the
 * series' participants unless given. A cancelled or held meeting makes room for the series' next occurrence.
 */
export async function editMeeting(ctx: Ctx, id: string, input: UpdateMeetingBody) {
  authorize(ctx.actor, "meeting.write");
  const { version, attendeeIds, ...changes } = input;
  // A built agenda follows its meeting when it moves: its facts for the new day are read first (through the other
  // modules' commands), then the move and the rebuild are one transaction (a failure leaves both as they were).
  const current = assertFound(await findMeeting(ctx.database.db, ctx.actor.workspaceId, id), "Meeting");
  const planned = planMeetingEdit(current, changes, ctx.now);
  const inputs = planned.rebuild
    ? await readAgendaInputs(ctx, { meetingId: id, seriesId: current.series.id, startsAt: planned.slot.startsAt })
    : null;
  return ctx.database.db.transaction(async (tx) => {
    const row = assertFound(await findMeeting(tx, ctx.actor.workspaceId, id, true), "Meeting");
    const before = row.meeting;
    const { slot, moved, status, rebuild } = planMeetingEdit(row, changes, ctx.now);
    refuse("The meeting cannot be changed", [
      ...(moved ? slotProblems(slot) : []),
      ...(status === "held" && slot.startsAt.getTime() > ctx.now.getTime()
        ? [{ path: "status", message: "cannot be held before the meeting starts" }]
        : []),
      ...(attendeeIds && status === "cancelled"
        ? [{ path: "attendeeIds", message: "cannot be recorded for a cancelled meeting" }]
        : []),
    ]);
    if (moved && status !== "cancelled") await refuseOverlap(tx, row.series.id, slot, id);
    if (attendeeIds) await checkParticipants(tx, ctx, attendeeIds, "attendeeIds");
    const updated = await updateMeetingVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      {
        ...slot,
        // Moved off its recurrence instance: the instance stays its calendar identity (RECURRENCE-ID).
        ...(moved && before.icsRecurrenceAt === null ? { icsRecurrenceAt: before.startsAt } : {}),
        status,
        icsSequence: moved || status !== before.status ? before.icsSequence + 1 : before.icsSequence,
        ...(attendeeIds || (status === "held" && !before.attendanceRecorded) ? { attendanceRecorded: true } : {}),
        updatedAt: ctx.now,
      },
    );
    if (!updated) throw staleEdit("meeting");
    if (rebuild) {
      if (inputs === null || inputs.startsAt.getTime() !== slot.startsAt.getTime()) {
        throw staleEdit("meeting");
      }
      const movedRow = assertFound(await findMeeting(tx, ctx.actor.workspaceId, id), "Meeting");
      await applyAgenda(tx, ctx, movedRow, inputs, { audit: false });
    }
    if (attendeeIds || (status === "held" && !before.attendanceRecorded)) {
      const ids = attendeeIds ?? (await listParticipants(tx, [row.series.id])).map((person) => person.id);
      const people = await listPeople(tx, ctx.actor.workspaceId, ids);
      await replaceAttendees(
        tx,
        ctx.actor.workspaceId,
        id,
        people.map((person) => ({ userId: person.id, side: sideOfTeamKind(person.teamKind) })),
        ctx.now,
      );
    }
    const series = assertFound(await findSeries(tx, ctx.actor.workspaceId, row.series.id), "Meeting series");
    await ensureNextOccurrence(tx, series, ctx.now);
    await recordAudit(tx, originOf(ctx), {
      action: "meeting.updated",
      entityType: "meeting",
      entityId: id,
      before: { startsAt: before.startsAt, endsAt: before.endsAt, status: before.status },
      after: { ...changes, ...(attendeeIds ? { attendeeIds } : {}) },
    });
    return getMeeting(ctx, id, tx);
  });
}

/** What an edit does to a meeting: its new slot, whether it moves, its status, and whether its agenda is rebuilt. */
function planMeetingEdit(row: MeetingRow, changes: Omit<UpdateMeetingBody, "version" | "attendeeIds">, now: Date) {
  const before = row.meeting;
  const slot = {
    startsAt: changes.startsAt ? new Date(changes.startsAt) : before.startsAt,
    endsAt: changes.endsAt
      ? new Date(changes.endsAt)
      : changes.startsAt
        ? new Date(new Date(changes.startsAt).getTime() + (before.endsAt.getTime() - before.startsAt.getTime()))
        : before.endsAt,
  };
  const moved =
    slot.startsAt.getTime() !== before.startsAt.getTime() || slot.endsAt.getTime() !== before.endsAt.getTime();
  const status = changes.status ?? before.status;
  const rebuild =
    moved &&
    status === "scheduled" &&
    before.preparedAt !== null &&
    slot.startsAt > now &&
    slotProblems(slot).length === 0;
  return { slot, moved, status, rebuild };
}
