// Meeting series: policy first, one transaction, audit in it. A series' next occurrence is created with it;
// an edit of its timing moves (or cancels) the occurrences that have not started.
import { randomUUID } from "node:crypto";
import {
  type CreateSeriesBody,
  SERIES_TEMPLATES,
  type SeriesListQuery,
  type UpdateSeriesBody,
} from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { assertFound, type FieldError, staleEdit } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { type AgendaInputs, applyAgenda, readAgendaInputs } from "./agenda.service";
import { assertListFilters } from "./list-filters";
import { findMeeting, listFutureScheduled, listSeriesSlots, updateMeeting } from "./meetings.queries";
import { checkParticipants, ensureNextOccurrence, icsUidOf, personFilter, refuse } from "./meetings.service";
import {
  findSeries,
  insertSeries,
  loadSeriesViews,
  pageSeries,
  replaceParticipants,
  type SeriesRow,
  type SeriesView,
  updateSeriesVersioned,
} from "./rituals.queries";
import { nextSlot, type SeriesTiming } from "./rituals.rules";

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
