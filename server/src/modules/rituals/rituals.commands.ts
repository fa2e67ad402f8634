// Rituals' public door: what Home, Health, the jobs, the CLI and the demo seed may call.

import type { CreateJobSwapBody, WriteJobSwapReflectionBody } from "#contracts/job-swaps";
import type { Ctx } from "../../context";
import { authorize } from "../../policy";
import { listActionItems } from "./action-items.queries";
import { readCompletion, todayOf } from "./action-items.service";
import * as agenda from "./agenda.service";
import { presentJobSwap } from "./job-swaps.presenter";
import * as jobSwaps from "./job-swaps.service";
import { findNextMeetingOf, loadMeetingViews } from "./meetings.queries";
import { presentActionItem, presentAgenda, presentMeeting } from "./rituals.presenter";
import { dateOfDay, dayNumber } from "./rituals.rules";

export {
  createActionItem,
  editActionItem,
  listWorkspaceActionItems,
  readCompletion,
  recordOutcome,
  sendActionItemReminders,
} from "./action-items.service";
export { getAgenda } from "./agenda.service";
export { addAgendaItem, editAgendaItem } from "./agenda-items.service";
// The announcement job: invitations (.ics) for the meetings coming up.
export { announceMeetings } from "./calendar.service";
// Job swaps: the demo seed pairs people and writes their reflections; Health reads "job swaps held" over a window
// (swaps overlapping it that had started by its end or today, how many are over with both reflections, people).
export { readJobSwapsHeld } from "./job-swaps.service";
export {
  createMeeting,
  editMeeting,
  ensureNextOccurrence,
  getMeeting,
  listWorkspaceMeetings,
} from "./meetings.service";
export { runRitualsRound, systemCtx } from "./rituals.round.service";
export { createSeries, editSeries } from "./series.service";

/**
 * Health's figures (issue 17) over a window of dates (default the 90 days up to today): meetings held, meetings
 * held with both sides attending, and per side (marketing, IT, other) the action items due in the window, done and
 * done on time, with the completion rate done / due.
 */
export async function readRitualsFigures(ctx: Ctx, window: { from?: string; to?: string } = {}) {
  return readCompletion(ctx, window);
}

/** Home: the person's next meeting, and their open commitments due within a week (overdue first). */
export async function readHomeRituals(ctx: Ctx) {
  authorize(ctx.actor, "ritual.read");
  const db = ctx.database.db;
  const next = await findNextMeetingOf(db, ctx.actor.workspaceId, ctx.actor.userId, ctx.now);
  const today = todayOf(ctx);
  const rows = await listActionItems(
    db,
    ctx.actor.workspaceId,
    { ownerId: ctx.actor.userId, status: "open", dueBy: dateOfDay(dayNumber(today) + 7), limit: 11 },
    null,
  );
  const [meeting] = next ? await loadMeetingViews(db, [next]) : [];
  return {
    nextMeeting: meeting ? presentMeeting(meeting, ctx.now) : null,
    commitmentsDue: rows.slice(0, 10).map((row) => presentActionItem(row, today)),
    moreCommitmentsDue: rows.length > 10,
  };
}

/** Pairs a marketing person with an IT person (the demo seed): the swap as the API shows it. */
export async function createJobSwap(ctx: Ctx, input: CreateJobSwapBody) {
  return presentJobSwap(await jobSwaps.createJobSwap(ctx, input), jobSwaps.todayOf(ctx));
}

/** Writes the acting person's reflection on a swap that ended (the demo seed): the swap as the API shows it. */
export async function writeJobSwapReflection(ctx: Ctx, id: string, input: WriteJobSwapReflectionBody) {
  return presentJobSwap(await jobSwaps.writeJobSwapReflection(ctx, id, input), jobSwaps.todayOf(ctx));
}

/** Builds or refreshes a meeting's agenda (the demo seed, the bench): the agenda as the API shows it. */
export async function prepareMeeting(ctx: Ctx, meetingId: string, options: { audit?: boolean } = {}) {
  return presentAgenda(await agenda.prepareMeeting(ctx, meetingId, options), ctx.now);
}
