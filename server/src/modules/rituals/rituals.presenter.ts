// Rows to the API's shapes (contracts/rituals.ts).
import {
  type ActionItem,
  type Agenda,
  type AgendaItem,
  type Meeting,
  type MeetingSeries,
  type Outcome,
  RITUALS_PATHS,
  type RitualPerson,
  RitualsLimits,
  sideOfTeamKind,
} from "#contracts/rituals";
import type { ActionItemRow } from "./action-items.queries";
import type { AgendaItemRow } from "./agenda.queries";
import type { MeetingView } from "./meetings.queries";
import type { PersonRow, SeriesView } from "./rituals.queries";
import { isDueSoon, isFrozen, isLate, missingSides } from "./rituals.rules";

type NullablePerson = { [K in keyof PersonRow]: PersonRow[K] | null };

/** A person row as Rituals shows people, or null when the join found nobody. */
export function presentPerson(row: NullablePerson | null | undefined): RitualPerson | null {
  if (!row || row.id === null || row.name === null || row.status === null) return null;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    team:
      row.teamId !== null && row.teamName !== null && row.teamKind !== null
        ? { id: row.teamId, name: row.teamName, kind: row.teamKind }
        : null,
    side: sideOfTeamKind(row.teamKind),
  };
}

const people = (rows: readonly NullablePerson[]) => rows.flatMap((row) => presentPerson(row) ?? []);

/** A series with its participants and next meeting. */
export function presentSeries({ series, participants, next }: SeriesView): MeetingSeries {
  const list = people(participants);
  const missing = missingSides(list.map((person) => person.side));
  return {
    id: series.id,
    template: series.template,
    title: series.title,
    description: series.description,
    cadence: series.cadence,
    startDate: series.startDate,
    endDate: series.endDate,
    startTime: series.startTime,
    timeZone: series.timeZone,
    durationMinutes: series.durationMinutes,
    sections: series.sections,
    status: series.status,
    participants: list,
    missingSides: missing,
    oneSided: missing.length > 0,
    nextMeeting: next
      ? { id: next.id, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString(), status: next.status }
      : null,
    createdAt: series.createdAt.toISOString(),
    updatedAt: series.updatedAt.toISOString(),
    version: series.version,
  };
}

/** A meeting, with its attendees (recorded ones, else the series' participants). */
export function presentMeeting({ row, attendees }: MeetingView, now: Date): Meeting {
  const { meeting, series } = row;
  const list = people(attendees);
  const sides = new Set(list.map((person) => person.side));
  return {
    id: meeting.id,
    seriesId: series.id,
    seriesTitle: series.title,
    template: series.template,
    title: `${series.title} · ${meeting.startsAt.toISOString().slice(0, 10)}`,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: series.timeZone,
    status: meeting.status,
    preparedAt: meeting.preparedAt ? meeting.preparedAt.toISOString() : null,
    frozen: isFrozen(meeting, now),
    attendees: list,
    attendedByBothSides: meeting.attendanceRecorded && sides.has("marketing") && sides.has("it"),
    agendaItemCount: Number(row.agendaItemCount),
    outcomeCount: Number(row.outcomeCount),
    previousMeetingId: row.previousMeetingId,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
    version: meeting.version,
  };
}

export function presentAgendaItem(row: AgendaItemRow): AgendaItem {
  const { item } = row;
  return {
    id: item.id,
    meetingId: item.meetingId,
    kind: item.kind,
    originKind: (item.originKind as AgendaItem["originKind"]) ?? null,
    section: item.section,
    position: item.position,
    title: item.title,
    detail: item.detail,
    link: item.link ?? null,
    owner: presentPerson(row.owner),
    timeBoxMinutes: item.timeBoxMinutes,
    timeBoxFixed: item.timeBoxFixed,
    notes: item.notes,
    status: item.status,
    source: item.source,
    carriedFromItemId: item.carriedFromItemId,
    outcomeCount: Number(row.outcomeCount),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}

/** A meeting's agenda, grouped by section (the series' sections in order, then any other an item names). */
export function presentAgenda(view: { meeting: MeetingView; items: readonly AgendaItemRow[] }, now: Date): Agenda {
  const meeting = presentMeeting(view.meeting, now);
  const { row } = view.meeting;
  const items = view.items.map(presentAgendaItem);
  const titles = [...row.series.sections.map((section) => section.title)];
  for (const item of items) if (!titles.includes(item.section)) titles.push(item.section);
  const sections = titles.map((title) => {
    const list = items.filter((item) => item.section === title);
    return { title, minutes: list.reduce((sum, item) => sum + item.timeBoxMinutes, 0), items: list };
  });
  return {
    meeting,
    sections,
    totalMinutes: items.reduce((sum, item) => sum + item.timeBoxMinutes, 0),
    durationMinutes: Math.round((row.meeting.endsAt.getTime() - row.meeting.startsAt.getTime()) / 60_000),
    builtAt: meeting.preparedAt,
    frozen: meeting.frozen,
    missingSources: row.meeting.agendaSummary?.missingSources ?? [],
    more: (row.meeting.agendaSummary?.more ?? []) as Agenda["more"],
  };
}

export function presentOutcome(row: {
  outcome: {
    id: string;
    meetingId: string;
    agendaItemId: string | null;
    type: "decision" | "information" | "action_item";
    summary: string;
    reason: string | null;
    actionItemId: string | null;
    createdAt: Date;
  };
  request: { id: string | null; number: number | null; title: string | null } | null;
  createdBy: NullablePerson | null;
}): Outcome {
  const { outcome, request } = row;
  return {
    id: outcome.id,
    meetingId: outcome.meetingId,
    agendaItemId: outcome.agendaItemId,
    type: outcome.type,
    summary: outcome.summary,
    request:
      request && request.id !== null && request.title !== null
        ? { id: request.id, title: request.title, href: `/pipeline/requests/${request.id}` }
        : null,
    reason: outcome.reason,
    actionItemId: outcome.actionItemId,
    createdBy: presentPerson(row.createdBy),
    createdAt: outcome.createdAt.toISOString(),
  };
}

export function presentActionItem(row: ActionItemRow, today: string): ActionItem {
  const { item, source } = row;
  const owner = presentPerson(row.owner) as RitualPerson;
  return {
    id: item.id,
    title: item.title,
    owner,
    side: item.side,
    dueDate: item.dueDate,
    priority: item.priority,
    status: item.status,
    completedAt: item.completedAt ? item.completedAt.toISOString() : null,
    late: isLate(item, today),
    dueSoon: isDueSoon(item, today, RitualsLimits.reminderDaysBefore),
    sourceMeeting:
      source && source.id !== null && source.startsAt !== null && source.title !== null
        ? { id: source.id, title: source.title, startsAt: source.startsAt.toISOString() }
        : null,
    carriedOverCount: item.carriedOverCount,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}

/** Where an action item is shown. */
export const actionItemHref = (id: string) => RITUALS_PATHS.actionItem(id);
