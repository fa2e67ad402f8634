// The calendar side of Rituals: the .ics of an occurrence and of a series, the person's feed (the Stack's renewals
// and their meetings at their secret address), and the announcements job: an invite per occurrence (again once its
// agenda is built, and on each SEQUENCE), the cancellation, and the minutes once the meeting is closed. Emails go out
// through the notifications (their email job sends them, with the .ics, when SMTP is configured).
import { RITUALS_PATHS } from "#contracts/rituals";
import type { Ctx } from "../../context";
import type { Database, Tx } from "../../db/client";
import { readTogether } from "../../db/reads";
import { assertFound } from "../../errors";
import { authorize } from "../../policy";
import { notify } from "../notifications/notifications.commands";
import { openCalendarFeed, readRenewalCalendarEntries } from "../stack/stack.commands";
import {
  agendaText,
  type IcsAgendaLine,
  type IcsMeeting,
  type IcsPerson,
  type IcsSeries,
  renderMeetingInvite,
  renderPersonFeed,
  renderSeriesInvite,
} from "./calendar.ics";
import {
  claimAnnouncement,
  findMeetingWithSeries,
  findSeriesWithOrganizer,
  listAgendaLines,
  listMeetingsToCancel,
  listMeetingsToInvite,
  listMeetingsToMinute,
  listPersonMeetingIds,
  listSeriesOccurrences,
  listSeriesPeople,
  type MeetingWithSeries,
} from "./calendar.queries";
import { buildMinutes, formatWhen, meetingPeople, minutesPath } from "./minutes.service";
import { dateOfDay, dayNumber, localDate, occurrenceDays, type SeriesTiming, slotOn } from "./rituals.rules";

const absolute = (path: string, publicUrl: string | null) => (publicUrl ? new URL(path, publicUrl).toString() : null);

const personOf = (row: { name: string; email: string }): IcsPerson => ({ name: row.name, email: row.email });

function organizerOf(row: { organizer: { name: string | null; email: string | null; status: string | null } | null }) {
  const organizer = row.organizer;
  return organizer?.name && organizer.email && organizer.status === "active"
    ? { name: organizer.name, email: organizer.email }
    : null;
}

// The agenda in the series' section order, each item with its time box and owner.
async function agendaLines(tx: Tx, row: MeetingWithSeries): Promise<IcsAgendaLine[]> {
  const order = new Map(row.series.sections.map((section, index) => [section.title, index]));
  const items = await listAgendaLines(tx, row.meeting.id);
  return items
    .sort((a, b) => (order.get(a.section) ?? 99) - (order.get(b.section) ?? 99) || a.position - b.position)
    .map((item) => ({ section: item.section, title: item.title, minutes: item.timeBoxMinutes, owner: item.ownerName }));
}

/** Whether an instant is an instance of the series' RRULE as it is now: a day of its cadence, at its time. */
export function isRuleInstance(series: SeriesTiming, at: Date): boolean {
  const day = dayNumber(localDate(at, series.timeZone));
  const [first] = occurrenceDays(series, day, 1);
  return first === day && slotOn(series, day).startsAt.getTime() === at.getTime();
}

type Identity = Pick<IcsMeeting, "uid" | "recurrenceId" | "sequence">;

/**
 * An occurrence's one calendar identity (RFC 5545), the same in its invite, the series file and the person's feed:
 * standing for an instance of the series' RRULE (where it was planned, even if moved since), it is that instance:
 * the series' UID with a RECURRENCE-ID, and a SEQUENCE of the series' plus its own (both only grow, so it never
 * falls below the series'). Off the cadence (added by hand, or planned under an earlier rule) it is an event of its
 * own, with its own UID.
 */
export function occurrenceIdentity(
  series: SeriesTiming & { icsUid: string; icsSequence: number },
  meeting: { startsAt: Date; icsUid: string; icsSequence: number; icsRecurrenceAt: Date | null },
): Identity {
  const instance = meeting.icsRecurrenceAt ?? meeting.startsAt;
  return isRuleInstance(series, instance)
    ? { uid: series.icsUid, recurrenceId: instance, sequence: series.icsSequence + meeting.icsSequence }
    : { uid: meeting.icsUid, recurrenceId: null, sequence: meeting.icsSequence };
}

/** An occurrence as its invite shows it. */
export async function meetingForInvite(tx: Tx, row: MeetingWithSeries, publicUrl: string | null): Promise<IcsMeeting> {
  const [people, agenda] = await readTogether(tx, [() => meetingPeople(tx, row), () => agendaLines(tx, row)]);
  return {
    ...occurrenceIdentity(row.series, row.meeting),
    title: row.series.title,
    startsAt: row.meeting.startsAt,
    endsAt: row.meeting.endsAt,
    timeZone: row.series.timeZone,
    cancelled: row.meeting.status === "cancelled",
    organizer: organizerOf(row),
    attendees: people.map(personOf),
    agenda,
    url: absolute(RITUALS_PATHS.meeting(row.meeting.id), publicUrl),
  };
}

/** The .ics of one occurrence: METHOD:REQUEST, or METHOD:CANCEL once it is cancelled. */
export async function getMeetingInvite(ctx: Ctx, id: string, publicUrl: string | null) {
  authorize(ctx.actor, "ritual.read");
  const db = ctx.database.db;
  const row = assertFound(await findMeetingWithSeries(db, ctx.actor.workspaceId, id), "Meeting");
  return renderMeetingInvite(await meetingForInvite(db, row, publicUrl), ctx.now);
}

/**
 * The .ics of a series: one recurring event (RRULE in its zone, cancelled instances excluded), an override per moved
 * instance and the occurrences off the cadence, each with the identity its own invite has.
 */
export async function getSeriesCalendar(ctx: Ctx, id: string, publicUrl: string | null) {
  authorize(ctx.actor, "ritual.read");
  const db = ctx.database.db;
  const row = assertFound(await findSeriesWithOrganizer(db, ctx.actor.workspaceId, id), "Meeting series");
  const { series } = row;
  const [people, occurrences] = await Promise.all([
    listSeriesPeople(db, series.id),
    listSeriesOccurrences(db, series.id),
  ]);
  const attendees = people.filter((person) => person.status === "active").map(personOf);
  const [first] = occurrenceDays(series, dayNumber(series.startDate), 1);
  const cancelledDates = new Set<string>();
  const exceptions: IcsMeeting[] = [];
  for (const occurrence of occurrences) {
    const identity = occurrenceIdentity(series, occurrence);
    if (occurrence.status === "cancelled") {
      // A cancelled instance leaves the rule (EXDATE); a cancelled single event is simply not in the file.
      if (identity.recurrenceId) cancelledDates.add(localDate(identity.recurrenceId, series.timeZone));
      continue;
    }
    const atInstance =
      identity.recurrenceId !== null &&
      occurrence.startsAt.getTime() === identity.recurrenceId.getTime() &&
      occurrence.endsAt.getTime() - occurrence.startsAt.getTime() === series.durationMinutes * 60_000;
    if (atInstance) continue;
    exceptions.push({
      ...identity,
      title: series.title,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      timeZone: series.timeZone,
      cancelled: false,
      organizer: organizerOf(row),
      attendees,
      agenda: [],
      url: absolute(RITUALS_PATHS.meeting(occurrence.id), publicUrl),
    });
  }
  const calendar: IcsSeries = {
    uid: series.icsUid,
    sequence: series.icsSequence,
    title: series.title,
    description: series.description,
    cadence: series.cadence,
    firstDate: first === undefined ? series.startDate : dateOfDay(first),
    startTime: series.startTime,
    timeZone: series.timeZone,
    durationMinutes: series.durationMinutes,
    endDate: series.endDate,
    cancelledDates: [...cancelledDates].sort(),
    exceptions,
    ended: series.status === "ended",
    organizer: organizerOf(row),
    attendees,
    url: absolute(RITUALS_PATHS.series(series.id), publicUrl),
  };
  return renderSeriesInvite(calendar, ctx.now);
}

// How far back the feed keeps meetings, and how many it carries at most.
const FEED_PAST_MS = 90 * 86_400_000;
const FEED_MAX_MEETINGS = 500;

/**
 * A person's feed at their secret address: the Stack's renewals and the meetings they take part in (the last 90
 * days and all ahead). Null for an unknown or revoked address.
 */
export async function renderPersonCalendar(database: Database, secret: string, now: Date, publicUrl: string | null) {
  const feed = await openCalendarFeed(database, secret);
  if (!feed) return null;
  const db = database.db;
  const [days, ids] = await Promise.all([
    readRenewalCalendarEntries(database, feed.workspaceId),
    listPersonMeetingIds(db, feed.workspaceId, feed.userId, new Date(now.getTime() - FEED_PAST_MS), FEED_MAX_MEETINGS),
  ]);
  const meetings: IcsMeeting[] = [];
  for (const id of ids) {
    const row = await findMeetingWithSeries(db, feed.workspaceId, id);
    if (row) meetings.push(await meetingForInvite(db, row, publicUrl));
  }
  return renderPersonFeed({ name: `Tandem · ${feed.name}`, days, meetings, now });
}

// ---------- announcements (the job) ----------

const BATCH = 50;
// Minutes go out for meetings that ended and were closed in the last week (older ones: no flood of old minutes).
const MINUTES_WINDOW_MS = 7 * 86_400_000;

function origin(row: MeetingWithSeries, now: Date) {
  // actorId null: everyone invited gets it, the organizer too (their calendar needs it as much).
  return { workspaceId: row.meeting.workspaceId, actorId: null, now };
}

async function sendInvite(tx: Tx, row: MeetingWithSeries, now: Date, publicUrl: string | null) {
  const withAgenda = row.meeting.preparedAt !== null;
  const claimed = await claimAnnouncement(tx, {
    workspaceId: row.meeting.workspaceId,
    meetingId: row.meeting.id,
    kind: "invite",
    sequence: row.meeting.icsSequence,
    withAgenda,
    sentAt: now,
  });
  if (!claimed) return false;
  const invite = await meetingForInvite(tx, row, publicUrl);
  const people = await meetingPeople(tx, row);
  const when = formatWhen(row.meeting.startsAt, row.series.timeZone);
  const updated = row.meeting.icsSequence > 0 ? "Updated invitation" : withAgenda ? "Agenda" : "Invitation";
  await notify(
    tx,
    origin(row, now),
    people.map((person) => person.id),
    {
      kind: "rituals.invite",
      title: `${updated}: ${row.series.title}, ${when}`,
      body: agendaText(invite.agenda),
      link: RITUALS_PATHS.meeting(row.meeting.id),
      attachment: { fileName: "invite.ics", content: renderMeetingInvite(invite, now), calendarMethod: "REQUEST" },
    },
  );
  return true;
}

async function sendCancellation(tx: Tx, row: MeetingWithSeries, now: Date, publicUrl: string | null) {
  const claimed = await claimAnnouncement(tx, {
    workspaceId: row.meeting.workspaceId,
    meetingId: row.meeting.id,
    kind: "cancel",
    sequence: row.meeting.icsSequence,
    sentAt: now,
  });
  if (!claimed) return false;
  const invite = await meetingForInvite(tx, row, publicUrl);
  const people = await meetingPeople(tx, row);
  await notify(
    tx,
    origin(row, now),
    people.map((person) => person.id),
    {
      kind: "rituals.cancelled",
      title: `Cancelled: ${row.series.title}, ${formatWhen(row.meeting.startsAt, row.series.timeZone)}`,
      body: "This occurrence will not take place. Open items carry over to the next one.",
      link: RITUALS_PATHS.meeting(row.meeting.id),
      attachment: { fileName: "cancel.ics", content: renderMeetingInvite(invite, now), calendarMethod: "CANCEL" },
    },
  );
  return true;
}

async function sendMinutes(tx: Tx, row: MeetingWithSeries, now: Date, publicUrl: string | null) {
  const claimed = await claimAnnouncement(tx, {
    workspaceId: row.meeting.workspaceId,
    meetingId: row.meeting.id,
    kind: "minutes",
    sequence: row.meeting.icsSequence,
    sentAt: now,
  });
  if (!claimed) return false;
  const minutes = await buildMinutes(tx, row, publicUrl);
  const people = await meetingPeople(tx, row);
  await notify(
    tx,
    origin(row, now),
    people.map((person) => person.id),
    {
      kind: "rituals.minutes",
      title: `Minutes: ${row.series.title}, ${formatWhen(row.meeting.startsAt, row.series.timeZone)}`,
      body: minutes.text,
      link: minutesPath(row.meeting.id),
    },
  );
  return true;
}

/**
 * Announces what changed since the last run, each at most once however many processes run it: invites of
 * scheduled occurrences (per SEQUENCE; again once the agenda is built), cancellations of invited ones, and the
 * minutes of meetings closed in the last week. Returns how many of each went out.
 */
export async function announceMeetings(database: Database, now: Date, publicUrl: string | null) {
  const db = database.db;
  const counts = { invites: 0, cancellations: 0, minutes: 0 };
  const work = [
    { list: () => listMeetingsToInvite(db, now, BATCH), send: sendInvite, count: "invites" as const },
    { list: () => listMeetingsToCancel(db, now, BATCH), send: sendCancellation, count: "cancellations" as const },
    {
      list: () => listMeetingsToMinute(db, new Date(now.getTime() - MINUTES_WINDOW_MS), BATCH),
      send: sendMinutes,
      count: "minutes" as const,
    },
  ];
  for (const step of work) {
    for (const { id } of await step.list()) {
      const sent = await db.transaction(async (tx) => {
        const row = await findMeetingWithSeries(tx, null, id);
        return row ? step.send(tx, row, now, publicUrl) : false;
      });
      if (sent) counts[step.count]++;
    }
  }
  return counts;
}
