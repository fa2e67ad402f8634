// Northwind's rituals over the past year: the CMO–CIO weekly sync (Tuesdays 09:30, Berlin) and the monthly joint
// steering (first Thursday, 14:00), each occurrence held (a few cancelled over the holidays, a few with one side
// missing) with its agenda, the Pipeline's real decisions recorded in the sync where they were taken (the request's
// own reason), information noted, and action items from both sides: most kept on time, some late, a few still open
// and carried over from meeting to meeting. The next sync's agenda is then built from the live demo data through
// Rituals' commands, as the CIO would prepare it.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { SERIES_TEMPLATES, sideOfTeamKind } from "#contracts/rituals";
import type { Database, Tx } from "../db/client";
import {
  actionItems,
  agendaItems,
  kpis,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetings,
  teams,
  users,
} from "../db/schema";
import { recordAudit } from "../modules/audit/audit.commands";
import { readDecisionsBetween } from "../modules/pipeline/pipeline.commands";
import { ensureNextOccurrence, prepareMeeting } from "../modules/rituals/rituals.commands";
import { insertSeries, replaceParticipants } from "../modules/rituals/rituals.queries";
import { type SeriesTiming, slotsBetween } from "../modules/rituals/rituals.rules";
import { ARCHITECT, CIO, CMO, demoPersonCtx, MARTECH, OPS, PARTNER } from "./demo-person";
import { type Batch, DAY, dateOf, inSlotWeek, type OpenItem, type PersonRow, seedMeeting } from "./seed-demo-meetings";
import {
  FINANCE,
  SECURITY,
  STEERING_COMMITMENTS,
  STEERING_NOTES,
  SYNC_COMMITMENTS,
  SYNC_NOTES,
} from "./seed-demo-rituals-data";

const uid = (id: string) => `${id}@tandem`;

function holiday(date: string) {
  const md = date.slice(5);
  return md >= "12-22" || md <= "01-02" || (md >= "08-10" && md <= "08-16");
}

/** Seeds the demo company's rituals (after the Scorecard, so that the next agenda reads its KPIs); returns counts. */
export async function seedDemoRituals(database: Database, workspaceId: string, now: Date) {
  const peopleRows = await database.db
    .select({ id: users.id, email: users.email, kind: teams.kind })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.workspaceId, workspaceId));
  const people = new Map<string, PersonRow>(
    peopleRows.map((row) => [row.email, { id: row.id, email: row.email, side: sideOfTeamKind(row.kind) }]),
  );
  const person = (email: string) => {
    const found = people.get(email);
    if (!found) throw new Error(`demo person ${email} missing`);
    return found;
  };
  const cio = await demoPersonCtx(database, workspaceId, CIO, now);

  // The Pipeline's decisions of the past year, each recorded in the sync where it was taken.
  const decided = (await readDecisionsBetween(cio, { from: new Date(now.getTime() - 400 * DAY), to: now })).flatMap(
    (row) =>
      row.decidedAt && row.decision
        ? [
            {
              id: row.id,
              reference: `REQ-${row.number}`,
              title: row.title,
              outcome: row.decision,
              reason: row.reason ?? "",
              at: row.decidedAt,
            },
          ]
        : [],
  );
  const kpiRows = await database.db
    .select({ id: kpis.id, name: kpis.name })
    .from(kpis)
    .where(eq(kpis.workspaceId, workspaceId))
    .orderBy(kpis.name);

  const start = new Date(now.getTime() - 365 * DAY);
  const weekly = SERIES_TEMPLATES.cmo_cio_weekly_sync;
  const steering = SERIES_TEMPLATES.joint_steering_monthly;
  const plans = [
    {
      key: "sync" as const,
      template: "cmo_cio_weekly_sync" as const,
      title: weekly.title,
      description: weekly.description,
      timing: {
        cadence: { kind: "weekly", weekday: "tuesday" },
        startDate: dateOf(start),
        endDate: null,
        startTime: "09:30",
        timeZone: "Europe/Berlin",
        durationMinutes: 45,
      } satisfies SeriesTiming,
      sections: weekly.sections,
      participants: [CMO, CIO, OPS, PARTNER],
      commitments: SYNC_COMMITMENTS,
      notes: SYNC_NOTES,
    },
    {
      key: "steering" as const,
      template: "joint_steering_monthly" as const,
      title: steering.title,
      description: steering.description,
      timing: {
        cadence: { kind: "monthly_nth_weekday", nth: 1, weekday: "thursday" },
        startDate: dateOf(start),
        endDate: null,
        startTime: "14:00",
        timeZone: "Europe/Berlin",
        durationMinutes: 90,
      } satisfies SeriesTiming,
      sections: steering.sections,
      participants: [CMO, CIO, MARTECH, ARCHITECT, FINANCE, SECURITY],
      commitments: STEERING_COMMITMENTS,
      notes: STEERING_NOTES,
    },
  ];

  const counts = { meetings: 0, held: 0, decisions: 0, actionItems: 0, open: 0, late: 0 };
  const batch: Batch = { meetings: [], attendees: [], agendaItems: [], actionItems: [], outcomes: [] };
  const seriesIds: Record<"sync" | "steering", string> = { sync: "", steering: "" };
  await database.db.transaction(async (tx: Tx) => {
    for (const plan of plans) {
      const seriesId = randomUUID();
      seriesIds[plan.key] = seriesId;
      await insertSeries(tx, {
        id: seriesId,
        workspaceId,
        template: plan.template,
        title: plan.title,
        description: plan.description,
        ...plan.timing,
        sections: plan.sections,
        icsUid: uid(seriesId),
        createdById: person(plan.participants[0]).id,
        createdAt: start,
        updatedAt: start,
      });
      await replaceParticipants(
        tx,
        workspaceId,
        seriesId,
        plan.participants.map((email) => person(email).id),
        start,
      );
      // Past occurrences only: the next one is made by Rituals itself below.
      const slots = slotsBetween(plan.timing, start, now).filter((slot) => slot.endsAt.getTime() < now.getTime());
      const open: OpenItem[] = [];
      for (const [index, slot] of slots.entries()) {
        const meetingId = randomUUID();
        const cancelled = holiday(dateOf(slot.startsAt));
        batch.meetings.push({
          id: meetingId,
          workspaceId,
          seriesId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: cancelled ? "cancelled" : "held",
          preparedAt: new Date(slot.startsAt.getTime() - DAY),
          attendanceRecorded: !cancelled,
          icsUid: uid(meetingId),
          createdAt: new Date(slot.startsAt.getTime() - 7 * DAY),
          updatedAt: slot.endsAt,
        });
        counts.meetings++;
        if (cancelled) continue;
        counts.held++;
        // A few syncs without IT (an incident, a release night), one without marketing.
        const missing =
          plan.key === "sync" && [9, 23, 37].includes(index)
            ? "it"
            : plan.key === "sync" && index === 30
              ? "marketing"
              : null;
        for (const p of plan.participants.map((email) => person(email)).filter((p) => p.side !== missing)) {
          batch.attendees.push({ workspaceId, meetingId, userId: p.id, side: p.side, createdAt: slot.startsAt });
        }
        seedMeeting(batch, {
          workspaceId,
          meetingId,
          slot,
          index,
          plan,
          open,
          decided: plan.key === "sync" ? decided.filter((d) => inSlotWeek(d.at, slot)) : [],
          kpi: kpiRows.length > 0 ? kpiRows[(index * 7) % kpiRows.length] : null,
          last: index === slots.length - 1,
          person,
          now,
          counts,
        });
      }
    }
    // In a few statements: meetings, attendees, agenda items, action items, then the outcomes naming them.
    const chunks = <T>(rows: T[]) =>
      Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) => rows.slice(i * 500, i * 500 + 500));
    for (const rows of chunks(batch.meetings)) await tx.insert(meetings).values(rows);
    for (const rows of chunks(batch.attendees)) await tx.insert(meetingAttendees).values(rows);
    for (const rows of chunks(batch.agendaItems)) await tx.insert(agendaItems).values(rows);
    for (const rows of chunks(batch.actionItems)) await tx.insert(actionItems).values(rows);
    for (const rows of chunks(batch.outcomes)) await tx.insert(meetingOutcomes).values(rows);
    await recordAudit(
      tx,
      { workspaceId, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "rituals.seeded", entityType: "workspace", entityId: workspaceId, after: counts },
    );
  });

  // The next occurrences, by Rituals itself; the sync's agenda built from live data as the CIO prepares it.
  const created = await database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(meetingSeries)
      .where(
        and(
          eq(meetingSeries.workspaceId, workspaceId),
          inArray(meetingSeries.id, [seriesIds.sync, seriesIds.steering]),
        ),
      );
    const made: Record<string, string> = {};
    for (const row of rows) {
      const meeting = await ensureNextOccurrence(tx, row, now);
      if (meeting) made[row.id] = meeting.id;
    }
    return made;
  });
  const nextSync = created[seriesIds.sync];
  if (nextSync) await prepareMeeting(await demoPersonCtx(database, workspaceId, CIO, now), nextSync);
  return { ...counts, nextSyncId: nextSync ?? null };
}
