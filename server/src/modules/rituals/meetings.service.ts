// Meeting series and their occurrences: policy first, one transaction, audit in it. The next occurrence of an
// active series is created with it and kept by the job; occurrences of one series never overlap.
import { randomUUID } from "node:crypto";
import {
  type CreateMeetingBody,
  type CreateSeriesBody,
  type MeetingListQuery,
  RitualsLimits,
  SERIES_TEMPLATES,
  type SeriesListQuery,
  sideOfTeamKind,
  type UpdateMeetingBody,
  type UpdateSeriesBody,
} from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, type FieldError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { type AgendaInputs, applyAgenda, readAgendaInputs } from "./agenda.service";
import { assertListFilters } from "./list-filters";
import {
  findLatestStart,
  findMeeting,
  insertMeeting,
  listFutureScheduled,
  listSeriesSlots,
  loadMeetingViews,
  type MeetingRow,
  type MeetingView,
  pageMeetings,
  replaceAttendees,
  updateMeeting,
  updateMeetingVersioned,
} from "./meetings.queries";
import {
  findSeries,
  insertSeries,
  listParticipants,
  listPeople,
  loadSeriesViews,
  pageSeries,
  replaceParticipants,
  type SeriesRow,
  type SeriesView,
  updateSeriesVersioned,
} from "./rituals.queries";
import { nextSlot, overlaps, type SeriesTiming, type Slot } from "./rituals.rules";

/** Throws a 400 naming every field when there are problems. */
export function refuse(message: string, errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError("validation_failed", message, errors);
}

/** The id of the acting person when a filter says `me`. */
export const personFilter = (ctx: Ctx, value: string | undefined) => (value === "me" ? ctx.actor.userId : value);

/** The stable iCalendar UID of a series or an occurrence. */
export const icsUidOf = (id: string) => `${id}@tandem`;

// ---------- series ----------

/** Meeting series by title, with their participants and next meetings. */
export async function listWorkspaceSeries(ctx: Ctx, query: SeriesListQuery) {
  authorize(ctx.actor, "ritual.read");
  const participantId = personFilter(ctx, query.participant);
  await assertListFilters(ctx, [{ path: "participant", kind: "person", id: participantId }]);
  const page = await pageSeries(ctx.database.db, ctx.actor.workspaceId, {
    q: query.q,
    status: query.status,
    participantId,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: await loadSeriesViews(ctx.database.db, page.items, ctx.now), nextCursor: page.nextCursor };
}

/** One series with its participants and next meeting (404 for another workspace's). */
export async function getSeries(ctx: Ctx, id: string, tx: Tx = ctx.database.db): Promise<SeriesView> {
  authorize(ctx.actor, "ritual.read");
  const row = assertFound(await findSeries(tx, ctx.actor.workspaceId, id), "Meeting series");
  const [series] = await loadSeriesViews(tx, [row], ctx.now);
  return series;
}

function timingProblems(timing: Pick<SeriesTiming, "startDate" | "endDate">): FieldError[] {
  return timing.endDate !== null && timing.endDate < timing.startDate
    ? [{ path: "endDate", message: "must be on or after startDate" }]
    : [];
}

async function checkParticipants(tx: Tx, ctx: Ctx, ids: readonly string[], field = "participantIds") {
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

/** Creates a series from a template (any field given overrides it) and its next occurrence. */
export async function createSeries(ctx: Ctx, input: CreateSeriesBody) {
  authorize(ctx.actor, "meetingSeries.write");
  const template = SERIES_TEMPLATES[input.template];
  const values = {
    title: input.title ?? template.title,
    description: input.description ?? template.description,
    cadence: input.cadence ?? template.cadence,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    startTime: input.startTime,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes ?? template.durationMinutes,
    sections: input.sections ?? template.sections,
  };
  refuse("The series cannot be created", [
    ...(values.title.trim() === "" ? [{ path: "title", message: "is required for a custom series" }] : []),
    ...timingProblems(values),
  ]);
  return ctx.database.db.transaction(async (tx) => {
    await checkParticipants(tx, ctx, input.participantIds);
    const id = randomUUID();
    const series = await insertSeries(tx, {
      id,
      workspaceId: ctx.actor.workspaceId,
      template: input.template,
      ...values,
      icsUid: icsUidOf(id),
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await replaceParticipants(tx, ctx.actor.workspaceId, id, input.participantIds, ctx.now);
    const next = await ensureNextOccurrence(tx, series, ctx.now);
    await recordAudit(tx, originOf(ctx), {
      action: "meeting_series.created",
      entityType: "meeting_series",
      entityId: id,
      after: { template: input.template, ...values, participantIds: input.participantIds, firstMeetingId: next?.id },
    });
    return getSeries(ctx, id, tx);
  });
}

const TIMING_FIELDS = ["cadence", "startDate", "endDate", "startTime", "timeZone", "durationMinutes"] as const;

type SeriesChanges = Omit<UpdateSeriesBody, "version" | "participantIds">;

const mergeSeries = (before: SeriesRow, changes: SeriesChanges): SeriesRow => ({
  ...before,
  ...changes,
  endDate: changes.endDate === undefined ? before.endDate : changes.endDate,
});

/**
 * What a series edit does to its scheduled occurrences that have not started: ended, all are cancelled; a new
 * timing moves the first to the new cadence's next slot (null: cancelled too) and cancels the later ones.
 */
async function planSeriesEdit(tx: Tx, before: SeriesRow, changes: SeriesChanges, now: Date) {
  const next = mergeSeries(before, changes);
  const future = await listFutureScheduled(tx, before.id, now);
  const timingChanged = TIMING_FIELDS.some(
    (field) => field in changes && JSON.stringify(changes[field]) !== JSON.stringify(before[field]),
  );
  if (next.status === "ended") return { next, cancel: future, move: null };
  if (!timingChanged || future.length === 0) return { next, cancel: [], move: null };
  const [first, ...rest] = future;
  const others = (await listSeriesSlots(tx, before.id, first.id)).filter(
    (slot) => slot.startsAt.getTime() <= now.getTime(),
  );
  const slot = nextSlot(next, now, others);
  if (!slot) return { next, cancel: future, move: null };
  const moved =
    slot.startsAt.getTime() !== first.startsAt.getTime() || slot.endsAt.getTime() !== first.endsAt.getTime();
  return { next, cancel: rest, move: { meeting: first, slot, rebuild: moved && first.preparedAt !== null } };
}

/**
 * Edits a series. A new cadence, time or length moves its next scheduled occurrence that has not started (and
 * cancels any later one, made again by the cadence); ending it cancels them. A built agenda of the occurrence it
 * moves is rebuilt for its new day in the same transaction (its facts read first).
 */
export async function editSeries(ctx: Ctx, id: string, input: UpdateSeriesBody) {
  authorize(ctx.actor, "meetingSeries.write");
  const { version, participantIds, ...changes } = input;
  const current = assertFound(await findSeries(ctx.database.db, ctx.actor.workspaceId, id), "Meeting series");
  let inputs: AgendaInputs | null = null;
  if (timingProblems(mergeSeries(current, changes)).length === 0) {
    const planned = await planSeriesEdit(ctx.database.db, current, changes, ctx.now);
    if (planned.move?.rebuild) {
      inputs = await readAgendaInputs(ctx, {
        meetingId: planned.move.meeting.id,
        seriesId: id,
        startsAt: planned.move.slot.startsAt,
        series: planned.next,
      });
    }
  }
  return ctx.database.db.transaction(async (tx) => {
    const before = assertFound(await findSeries(tx, ctx.actor.workspaceId, id, true), "Meeting series");
    refuse("The series cannot be changed", timingProblems(mergeSeries(before, changes)));
    if (participantIds) await checkParticipants(tx, ctx, participantIds);
    const updated = await updateSeriesVersioned(
      tx,
      { workspaceId: ctx.actor.workspaceId, id, version },
      { ...changes, icsSequence: before.icsSequence + 1, updatedAt: ctx.now },
    );
    if (!updated) throw staleEdit("series");
    if (participantIds) await replaceParticipants(tx, ctx.actor.workspaceId, id, participantIds, ctx.now);
    const { cancel, move } = await planSeriesEdit(tx, before, changes, ctx.now);
    for (const meeting of cancel) {
      await updateMeeting(tx, meeting.id, {
        status: "cancelled",
        icsSequence: meeting.icsSequence + 1,
        updatedAt: ctx.now,
        version: meeting.version + 1,
      });
    }
    if (move) {
      await updateMeeting(tx, move.meeting.id, {
        ...move.slot,
        // At the new cadence's slot: an instance of the series' new rule.
        icsRecurrenceAt: null,
        icsSequence: move.meeting.icsSequence + 1,
        updatedAt: ctx.now,
        version: move.meeting.version + 1,
      });
      if (move.rebuild) {
        if (inputs?.meetingId !== move.meeting.id || inputs.startsAt.getTime() !== move.slot.startsAt.getTime()) {
          throw staleEdit("series' meetings");
        }
        const movedRow = assertFound(await findMeeting(tx, ctx.actor.workspaceId, move.meeting.id), "Meeting");
        await applyAgenda(tx, ctx, movedRow, inputs, { audit: false });
      }
    }
    const updatedSeries = assertFound(await findSeries(tx, ctx.actor.workspaceId, id), "Meeting series");
    await ensureNextOccurrence(tx, updatedSeries, ctx.now);
    await recordAudit(tx, originOf(ctx), {
      action: "meeting_series.updated",
      entityType: "meeting_series",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof SeriesRow]])),
      after: { ...changes, ...(participantIds ? { participantIds } : {}) },
    });
    return getSeries(ctx, id, tx);
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
