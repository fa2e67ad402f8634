// A meeting's minutes: the one-page summary of a held meeting (decisions with reasons, action items with owners and
// due dates, what it learned, notes, links), read by the printable page and emailed when the meeting is closed.
import type { MeetingMinutes } from "#contracts/minutes";
import { type AgendaLink, RITUALS_PATHS, type RitualSide, sideOfTeamKind } from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { readTogether } from "../../db/reads";
import { assertFound } from "../../errors";
import { authorize } from "../../policy";
import {
  findMeetingWithSeries,
  findNextMeetingAfter,
  listAgendaLines,
  listMeetingPeople,
  listMinutesActionItems,
  listMinutesOutcomes,
  listSeriesPeople,
  type MeetingWithSeries,
} from "./calendar.queries";

/** The web path of a meeting's printable minutes. */
export const minutesPath = (meetingId: string) => `${RITUALS_PATHS.meeting(meetingId)}/minutes`;
const requestPath = (id: string) => `/pipeline/requests/${id}`;

/** The people of a meeting: its recorded attendees once held, else its series' participants (active ones). */
export async function meetingPeople(tx: Tx, row: MeetingWithSeries) {
  const people = row.meeting.attendanceRecorded
    ? await listMeetingPeople(tx, row.meeting.id)
    : await listSeriesPeople(tx, row.series.id);
  return people.filter((person) => person.status === "active" || row.meeting.attendanceRecorded);
}

/** A local date and time in the meeting's zone, for words ("Tue 1 Dec 2026, 10:00 (Europe/Berlin)"). */
export function formatWhen(at: Date, timeZone: string) {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${text} (${timeZone})`;
}

/** Builds a meeting's minutes from its outcomes, action items, agenda and attendance. */
export async function buildMinutes(tx: Tx, row: MeetingWithSeries, publicUrl: string | null): Promise<MeetingMinutes> {
  const { meeting, series } = row;
  const [people, outcomes, actions, agenda, next] = await readTogether(tx, [
    () => meetingPeople(tx, row),
    () => listMinutesOutcomes(tx, meeting.id),
    () => listMinutesActionItems(tx, meeting.id),
    () => listAgendaLines(tx, meeting.id),
    () => findNextMeetingAfter(tx, series.id, meeting.startsAt),
  ]);
  const itemTitles = new Map(agenda.map((item) => [item.id, item.title]));
  const decisions = outcomes
    .filter((outcome) => outcome.type === "decision")
    .map((outcome) => ({
      id: outcome.id,
      summary: outcome.summary,
      reason: outcome.reason,
      request: outcome.request ? { ...outcome.request, href: requestPath(outcome.request.id) } : null,
      agendaItemTitle: outcome.agendaItemId ? (itemTitles.get(outcome.agendaItemId) ?? null) : null,
    }));
  const actionItems = actions.map((item) => ({
    id: item.id,
    title: item.title,
    owner: { id: item.ownerId, name: item.ownerName },
    dueDate: item.dueDate,
    priority: item.priority,
    status: item.status,
    href: RITUALS_PATHS.actionItem(item.id),
  }));
  const information = outcomes
    .filter((outcome) => outcome.type === "information")
    .map((outcome) => ({ id: outcome.id, summary: outcome.summary }));
  const sectionOrder = new Map(series.sections.map((section, index) => [section.title, index]));
  const ordered = [...agenda].sort(
    (a, b) => (sectionOrder.get(a.section) ?? 99) - (sectionOrder.get(b.section) ?? 99) || a.position - b.position,
  );
  const notes = ordered
    .filter((item) => item.notes.trim() !== "")
    .map((item) => ({ section: item.section, title: item.title, notes: item.notes }));
  const seen = new Set<string>();
  const links: AgendaLink[] = [];
  for (const item of ordered) {
    if (!item.link || seen.has(`${item.link.type}:${item.link.id}`)) continue;
    seen.add(`${item.link.type}:${item.link.id}`);
    links.push(item.link);
  }
  const minutes: Omit<MeetingMinutes, "text"> = {
    meeting: {
      id: meeting.id,
      seriesId: series.id,
      title: series.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      timeZone: series.timeZone,
      status: meeting.status,
      href: RITUALS_PATHS.meeting(meeting.id),
    },
    attendees: people.map((person) => ({
      id: person.id,
      name: person.name,
      side: sideOfTeamKind(person.teamKind) as RitualSide,
    })),
    decisions,
    actionItems,
    information,
    notes,
    links,
    nextMeeting: next
      ? { id: next.id, startsAt: next.startsAt.toISOString(), href: RITUALS_PATHS.meeting(next.id) }
      : null,
  };
  return { ...minutes, text: minutesText(minutes, publicUrl) };
}

const absolute = (path: string, publicUrl: string | null) =>
  publicUrl && path.startsWith("/") ? new URL(path, publicUrl).toString() : path;

/** The minutes as plain text (the email's body): every section, empty ones said so. */
export function minutesText(minutes: Omit<MeetingMinutes, "text">, publicUrl: string | null): string {
  const { meeting } = minutes;
  const lines = [
    `Minutes: ${meeting.title}`,
    formatWhen(new Date(meeting.startsAt), meeting.timeZone),
    `Attended: ${minutes.attendees.map((person) => person.name).join(", ") || "nobody recorded"}`,
    "",
    "Decisions",
  ];
  if (minutes.decisions.length === 0) lines.push("- None recorded.");
  for (const decision of minutes.decisions) {
    const request = decision.request ? ` (REQ-${decision.request.number} ${decision.request.title})` : "";
    lines.push(`- ${decision.summary}${request}${decision.reason ? `. Why: ${decision.reason}` : ""}`);
  }
  lines.push("", "Action items");
  if (minutes.actionItems.length === 0) lines.push("- None.");
  for (const item of minutes.actionItems) {
    lines.push(`- ${item.title}: ${item.owner.name}, due ${item.dueDate} (${item.priority} priority)`);
  }
  if (minutes.information.length > 0) {
    lines.push("", "Information");
    for (const info of minutes.information) lines.push(`- ${info.summary}`);
  }
  if (minutes.notes.length > 0) {
    lines.push("", "Notes");
    for (const note of minutes.notes) lines.push(`- ${note.title}: ${note.notes}`);
  }
  if (minutes.links.length > 0) {
    lines.push("", "Links");
    for (const link of minutes.links) lines.push(`- ${link.label}: ${absolute(link.href, publicUrl)}`);
  }
  if (minutes.nextMeeting) {
    lines.push("", `Next meeting: ${formatWhen(new Date(minutes.nextMeeting.startsAt), meeting.timeZone)}`);
  }
  lines.push("", `Printable minutes: ${absolute(minutesPath(meeting.id), publicUrl)}`);
  return lines.join("\n");
}

/** A meeting's minutes (404 for another workspace's meeting). */
export async function getMeetingMinutes(ctx: Ctx, id: string, publicUrl: string | null) {
  authorize(ctx.actor, "ritual.read");
  const db = ctx.database.db;
  const row = assertFound(await findMeetingWithSeries(db, ctx.actor.workspaceId, id), "Meeting");
  return buildMinutes(db, row, publicUrl);
}
