// Rows for the Rituals calendar, invite and minutes tests: a series with participants, its meetings, agenda items,
// outcomes and action items, written straight to the tables (the routes that make them are tested on their own).
import { randomUUID } from "node:crypto";
import type { Cadence } from "#contracts/rituals";
import {
  actionItems,
  agendaItems,
  meetingAttendees,
  meetingOutcomes,
  meetingSeries,
  meetingSeriesParticipants,
  meetings,
} from "../src/db/schema";
import type { TestApp } from "./app";

const SECTIONS = [
  { title: "Numbers", kinds: ["kpi" as const] },
  { title: "Waiting on a decision", kinds: ["request" as const] },
  { title: "Other business", kinds: ["manual" as const] },
];

/** A series (weekly on Tuesdays at 10:00 in Berlin unless told) with its participants. */
export async function buildSeries(
  t: TestApp,
  input: {
    workspaceId: string;
    createdById: string | null;
    participantIds: string[];
    title?: string;
    cadence?: Cadence;
    startDate?: string;
    startTime?: string;
    timeZone?: string;
    durationMinutes?: number;
  },
) {
  const id = randomUUID();
  const [series] = await t.database.db
    .insert(meetingSeries)
    .values({
      id,
      workspaceId: input.workspaceId,
      template: "cmo_cio_weekly_sync",
      title: input.title ?? "CMO–CIO weekly sync",
      description: "The heads of marketing and IT, weekly.",
      cadence: input.cadence ?? { kind: "weekly", weekday: "tuesday" },
      startDate: input.startDate ?? "2026-01-01",
      startTime: input.startTime ?? "10:00",
      timeZone: input.timeZone ?? "Europe/Berlin",
      durationMinutes: input.durationMinutes ?? 45,
      sections: SECTIONS,
      icsUid: `${id}@tandem`,
      createdById: input.createdById,
    })
    .returning();
  if (input.participantIds.length > 0) {
    await t.database.db
      .insert(meetingSeriesParticipants)
      .values(input.participantIds.map((userId) => ({ workspaceId: input.workspaceId, seriesId: id, userId })));
  }
  return series;
}

/** A meeting of a series. */
export async function buildMeeting(
  t: TestApp,
  input: {
    workspaceId: string;
    seriesId: string;
    startsAt: Date;
    minutes?: number;
    status?: "scheduled" | "held" | "cancelled";
    icsSequence?: number;
    preparedAt?: Date | null;
    updatedAt?: Date;
  },
) {
  const id = randomUUID();
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      id,
      workspaceId: input.workspaceId,
      seriesId: input.seriesId,
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + (input.minutes ?? 45) * 60_000),
      status: input.status ?? "scheduled",
      icsUid: `${id}@tandem`,
      icsSequence: input.icsSequence ?? 0,
      preparedAt: input.preparedAt ?? null,
      updatedAt: input.updatedAt ?? new Date(),
    })
    .returning();
  return meeting;
}

/** A manual agenda item. */
export async function buildAgendaItem(
  t: TestApp,
  input: {
    workspaceId: string;
    meetingId: string;
    section: string;
    position: number;
    title: string;
    minutes: number;
    ownerId?: string | null;
    notes?: string;
    link?: { type: "request" | "kpi" | "url"; id: string; label: string; href: string } | null;
  },
) {
  const [item] = await t.database.db
    .insert(agendaItems)
    .values({
      workspaceId: input.workspaceId,
      meetingId: input.meetingId,
      kind: "manual",
      source: "manual",
      section: input.section,
      position: input.position,
      title: input.title,
      timeBoxMinutes: input.minutes,
      ownerId: input.ownerId ?? null,
      notes: input.notes ?? "",
      link: input.link ?? null,
    })
    .returning();
  return item;
}

/** Marks a meeting held with these attendees (sides from their teams, as given). */
export async function holdMeeting(
  t: TestApp,
  input: {
    workspaceId: string;
    meetingId: string;
    attendees: { userId: string; side: "marketing" | "it" | "other" }[];
  },
  at: Date,
) {
  await t.database.query(
    "UPDATE meeting SET status = 'held', attendance_recorded = true, ics_sequence = ics_sequence + 1, updated_at = $2 WHERE id = $1",
    [input.meetingId, at.toISOString()],
  );
  await t.database.db
    .insert(meetingAttendees)
    .values(
      input.attendees.map((person) => ({ workspaceId: input.workspaceId, meetingId: input.meetingId, ...person })),
    );
}

/** An outcome of a meeting: a decision on a request, an information, or an action item (with the item made). */
export async function buildOutcome(
  t: TestApp,
  input: { workspaceId: string; meetingId: string; agendaItemId?: string | null; summary: string } & (
    | { type: "decision"; requestId: string; reason: string }
    | { type: "information" }
    | { type: "action_item"; ownerId: string; dueDate: string; priority?: "high" | "medium" | "low" }
  ),
) {
  let actionItemId: string | null = null;
  if (input.type === "action_item") {
    const [item] = await t.database.db
      .insert(actionItems)
      .values({
        workspaceId: input.workspaceId,
        title: input.summary,
        ownerId: input.ownerId,
        side: "marketing",
        dueDate: input.dueDate,
        priority: input.priority ?? "medium",
        sourceMeetingId: input.meetingId,
      })
      .returning({ id: actionItems.id });
    actionItemId = item.id;
  }
  await t.database.db.insert(meetingOutcomes).values({
    workspaceId: input.workspaceId,
    meetingId: input.meetingId,
    agendaItemId: input.agendaItemId ?? null,
    type: input.type,
    summary: input.summary,
    requestId: input.type === "decision" ? input.requestId : null,
    reason: input.type === "decision" ? input.reason : null,
    actionItemId,
  });
  return { actionItemId };
}
