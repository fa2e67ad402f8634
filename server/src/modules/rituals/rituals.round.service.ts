// The Rituals job's round: every active series gets its next occurrence, the agendas of the meetings starting in
// the next days are refreshed from live data (until they start), and owners are reminded of commitments due.
import type { Actor, Ctx } from "../../context";
import type { Database } from "../../db/client";
import { sendActionItemReminders } from "./action-items.service";
import { prepareMeeting } from "./agenda.service";
import { listMeetingsStartingBetween } from "./meetings.queries";
import { ensureNextOccurrence } from "./meetings.service";
import { listActiveSeries } from "./rituals.queries";

/** How far ahead the job keeps agendas built. */
export const REFRESH_AHEAD_MS = 7 * 86_400_000;

/** Tandem itself, reading a workspace for the job (sees what every member sees; writes nothing else). */
function systemActor(workspaceId: string): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    workspaceId,
    name: "Tandem",
    email: "",
    role: "member",
    teamId: "00000000-0000-0000-0000-000000000000",
    teamName: "",
    teamKind: "other",
    workspaceName: "",
    via: "session",
    sessionId: null,
    tokenId: null,
    tokenScope: null,
  };
}

/** A system context of a workspace (the job, the demo seed). */
export function systemCtx(database: Database, workspaceId: string, now: Date): Ctx {
  return { database, actor: systemActor(workspaceId), ip: null, now };
}

/** Runs one round; returns what it did. */
export async function runRitualsRound(database: Database, now: Date) {
  let created = 0;
  for (const series of await listActiveSeries(database.db)) {
    const meeting = await database.db.transaction((tx) => ensureNextOccurrence(tx, series, now));
    if (meeting) created++;
  }
  let prepared = 0;
  let failed = 0;
  const upcoming = await listMeetingsStartingBetween(database.db, now, new Date(now.getTime() + REFRESH_AHEAD_MS));
  for (const meeting of upcoming) {
    try {
      await prepareMeeting(systemCtx(database, meeting.workspaceId, now), meeting.id, { audit: false });
      prepared++;
    } catch {
      // One meeting's failure (it started or was cancelled meanwhile) must not stop the others' refresh.
      failed++;
    }
  }
  const reminded = await sendActionItemReminders(database, now);
  return { created, prepared, failed, reminded };
}
