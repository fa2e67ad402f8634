import { z } from "zod";
import { Id, ListQuery, page, Timestamp, Version } from "./common";
import { RitualPerson, RitualsLimits } from "./rituals-core";
import { AgendaItemKind, AgendaLink, ParticipantIds, SeriesTemplate } from "./rituals-series";

// Rituals: meetings (a series' occurrences) and their agendas.

// ---------- meetings (occurrences) ----------

export const MeetingStatus = z.enum(["scheduled", "held", "cancelled"]);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** A meeting: one occurrence of a series. */
export const Meeting = z.object({
  id: Id,
  seriesId: Id,
  seriesTitle: z.string(),
  template: SeriesTemplate,
  title: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: z.string(),
  status: MeetingStatus,
  /** When the agenda was last built from live data, or null if never. */
  preparedAt: Timestamp.nullable(),
  /** True once the meeting has started (or is no longer scheduled): its built agenda no longer refreshes. */
  frozen: z.boolean(),
  /** Who attended (set when it is held); the series' participants otherwise. */
  attendees: z.array(RitualPerson),
  /** Both sides attended (a marketing and an IT person among the attendees). */
  attendedByBothSides: z.boolean(),
  agendaItemCount: z.number().int(),
  outcomeCount: z.number().int(),
  previousMeetingId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

/** Adds an extra occurrence to a series (it must not overlap another occurrence of the same series). */
export const CreateMeetingBody = z.strictObject({
  seriesId: Id,
  startsAt: Timestamp,
  /** Defaults to the series' duration. */
  endsAt: Timestamp.optional(),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

/** Moves, holds or cancels a meeting; `attendeeIds` records who attended. */
export const UpdateMeetingBody = z.strictObject({
  version: Version,
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
  status: MeetingStatus.optional(),
  attendeeIds: ParticipantIds.optional(),
});
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

/** Query of the meetings list, soonest first (`upcoming`) or latest first (`past`). */
export const MeetingListQuery = ListQuery.extend({
  seriesId: Id.optional(),
  status: MeetingStatus.optional(),
  when: z.enum(["upcoming", "past", "all"]).default("all"),
  /** Only meetings of series this person takes part in (`me` for the caller). */
  participant: z.union([z.literal("me"), Id]).optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;
export const MeetingPage = page(Meeting);
export type MeetingPage = z.infer<typeof MeetingPage>;

// ---------- agenda ----------

export const AgendaItemStatus = z.enum(["open", "discussed"]);
export type AgendaItemStatus = z.infer<typeof AgendaItemStatus>;

/** One item on a meeting's agenda. */
export const AgendaItem = z.object({
  id: Id,
  meetingId: Id,
  kind: AgendaItemKind,
  /** For a carried-over item: the kind it had when first put on an agenda. */
  originKind: AgendaItemKind.nullable(),
  section: z.string(),
  position: z.number().int(),
  title: z.string(),
  /** Why the builder put it here, in words ("Off track: 61% against a target of 80%"). */
  detail: z.string(),
  link: AgendaLink.nullable(),
  owner: RitualPerson.nullable(),
  timeBoxMinutes: z.number().int(),
  /** Set by someone (kept on refresh); the other items share what the set ones leave of the meeting. */
  timeBoxFixed: z.boolean(),
  notes: z.string(),
  status: AgendaItemStatus,
  /** Built from live data (refreshed until the meeting starts), or written/carried over (kept). */
  source: z.enum(["built", "manual", "carried_over"]),
  /** The item on the previous occurrence this one carries over. */
  carriedFromItemId: Id.nullable(),
  outcomeCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A meeting's agenda: its items in order, grouped by section, with time boxes adding up to the meeting's length. */
export const Agenda = z.object({
  meeting: Meeting,
  sections: z.array(z.object({ title: z.string(), minutes: z.number().int(), items: z.array(AgendaItem) })),
  totalMinutes: z.number().int(),
  durationMinutes: z.number().int(),
  builtAt: Timestamp.nullable(),
  frozen: z.boolean(),
  /** Agenda sources that are not available in this installation (their module is missing). */
  missingSources: z.array(z.string()),
  /** Built kinds with more records than the agenda has room for: how many were left off, and where to see them. */
  more: z.array(
    z.object({
      kind: AgendaItemKind,
      count: z.number().int(),
      /** True when the source was read only so far: at least `count` more. */
      atLeast: z.boolean(),
      href: z.string(),
    }),
  ),
});
export type Agenda = z.infer<typeof Agenda>;

/** Adds a manual item to an agenda. */
export const CreateAgendaItemBody = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.titleMax),
  detail: z.string().trim().max(RitualsLimits.textMax).default(""),
  /** A section of the series; the last section when left out. */
  section: z.string().trim().min(1).max(RitualsLimits.sectionTitleMax).optional(),
  ownerId: Id.nullable().default(null),
  /** Minutes for this item; left out, the meeting's time is shared again among the items. */
  timeBoxMinutes: z.number().int().min(0).max(RitualsLimits.timeBoxMaxMinutes).optional(),
  /** An https link to a document, if any. */
  url: z
    .url({ protocol: /^https$/, error: "must be an https URL" })
    .max(2000)
    .nullable()
    .default(null),
});
export type CreateAgendaItemBody = z.infer<typeof CreateAgendaItemBody>;

/** Edits an agenda item during preparation or the meeting: notes, time box, owner, section, order, status. */
export const UpdateAgendaItemBody = z.strictObject({
  version: Version,
  title: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.titleMax).optional(),
  notes: z.string().max(RitualsLimits.notesMax).optional(),
  timeBoxMinutes: z.number().int().min(0).max(RitualsLimits.timeBoxMaxMinutes).optional(),
  ownerId: Id.nullable().optional(),
  section: z.string().trim().min(1).max(RitualsLimits.sectionTitleMax).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  status: AgendaItemStatus.optional(),
});
export type UpdateAgendaItemBody = z.infer<typeof UpdateAgendaItemBody>;

/** Builds (or refreshes) a scheduled meeting's agenda from live data; refused once the meeting has started. */
export const PrepareMeetingBody = z.strictObject({ version: Version.optional() }).default({});
export type PrepareMeetingBody = z.infer<typeof PrepareMeetingBody>;

/** The path parameters of one item of a meeting's agenda. */
export const AgendaItemParams = z.object({ id: Id, itemId: Id });
