import { z } from "zod";
import { Id, Timestamp } from "./common";
import { ActionItemStatus, ActionPriority, AgendaLink, MeetingStatus, RitualSide } from "./rituals";

// A meeting's minutes (issue 16, item 6): the one-page summary of what a held meeting decided (with reasons), who
// does what by when, what it learned and where to read more. The printable page reads it; the same text is emailed
// to the participants when the meeting is closed.

/** A decision as the minutes list it. */
export const MinutesDecision = z.object({
  id: Id,
  summary: z.string(),
  reason: z.string().nullable(),
  /** The request it decides, with its web path. */
  request: z.object({ id: Id, number: z.number().int(), title: z.string(), href: z.string() }).nullable(),
  /** The agenda item it was recorded on, if any. */
  agendaItemTitle: z.string().nullable(),
});

/** An action item as the minutes list it. */
export const MinutesActionItem = z.object({
  id: Id,
  title: z.string(),
  owner: z.object({ id: Id, name: z.string() }),
  dueDate: z.string(),
  priority: ActionPriority,
  status: ActionItemStatus,
  href: z.string(),
});

/** A meeting's minutes. */
export const MeetingMinutes = z.object({
  meeting: z.object({
    id: Id,
    seriesId: Id,
    title: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    timeZone: z.string(),
    status: MeetingStatus,
    href: z.string(),
  }),
  /** Who attended (the series' participants until attendance is recorded). */
  attendees: z.array(z.object({ id: Id, name: z.string(), side: RitualSide })),
  decisions: z.array(MinutesDecision),
  actionItems: z.array(MinutesActionItem),
  information: z.array(z.object({ id: Id, summary: z.string() })),
  /** The agenda items discussed or with notes, in order. */
  notes: z.array(z.object({ section: z.string(), title: z.string(), notes: z.string() })),
  /** The records the meeting talked about (from its agenda items' links), each once. */
  links: z.array(AgendaLink),
  nextMeeting: z.object({ id: Id, startsAt: Timestamp, href: z.string() }).nullable(),
  /** The minutes as plain text, as they are emailed. */
  text: z.string(),
});
export type MeetingMinutes = z.infer<typeof MeetingMinutes>;
