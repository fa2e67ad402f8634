import { z } from "zod";
import { editableFields, Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";
import { TeamKind } from "./people";

// Rituals (issue 16): joint meeting series whose agendas build themselves from the live state of the partnership,
// their occurrences, outcomes and the action items ("commitments") they produce. Calendar invites, minutes and
// job swaps have their own contracts (the calendar helper's); this file is the core the others build on.

/** Limits shared by forms and the server. */
export const RitualsLimits = {
  titleMax: 200,
  textMax: 4000,
  notesMax: 20_000,
  reasonMax: 2000,
  sectionTitleMax: 120,
  sectionsMax: 12,
  participantsMax: 60,
  /** A meeting lasts 5 minutes to 8 hours. */
  durationMinMinutes: 5,
  durationMaxMinutes: 480,
  /** One agenda item's time box: 0 (just a mention) to the longest meeting. */
  timeBoxMaxMinutes: 480,
  agendaItemsMax: 150,
  /** Every N weeks: N from 2 to 26 (13 is quarterly). */
  intervalWeeksMax: 26,
  /** How many days before its due date an action item's owner is reminded. */
  reminderDaysBefore: 2,
} as const;

/** The two sides of the partnership; a person's side is their home team's kind (anything else is `other`). */
export const RitualSide = z.enum(["marketing", "it", "other"]);
export type RitualSide = z.infer<typeof RitualSide>;

/** A person's side from their home team's kind. */
export function sideOfTeamKind(kind: TeamKind | null | undefined): RitualSide {
  return kind === "marketing" ? "marketing" : kind === "it" ? "it" : "other";
}

/** A person as Rituals shows them: name, home team and side. */
export const RitualPerson = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }).nullable(),
  side: RitualSide,
});
export type RitualPerson = z.infer<typeof RitualPerson>;

/** The web paths of Rituals' pages (agenda links and notifications point at them). */
export const RITUALS_PATHS = {
  home: "/rituals",
  series: (id: string) => `/rituals/series/${id}`,
  meeting: (id: string) => `/rituals/meetings/${id}`,
  commitments: "/rituals/commitments",
  actionItem: (id: string) => `/rituals/commitments?item=${id}`,
} as const;

// ---------- cadence ----------

/** A day of the week, Monday first (ISO order). */
export const Weekday = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
export type Weekday = z.infer<typeof Weekday>;

/** A local time of day, 24-hour `HH:MM`. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time like 09:30" });

/** An IANA time zone the server knows (`Europe/Berlin`, `UTC`). */
export const TimeZone = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64)
  .refine(
    (value) => {
      // A zone's name, not a bare offset: Intl takes "+05:00", which is no IANA zone and no calendar's TZID.
      if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
      try {
        new Intl.DateTimeFormat("en", { timeZone: value });
        return true;
      } catch {
        return false;
      }
    },
    { error: "must be an IANA time zone like Europe/Berlin" },
  );

/**
 * When a series meets:
 * - `weekly` on a weekday;
 * - `every_n_weeks`: every `intervalWeeks` (2–26) weeks on a weekday, counted from the series' start date;
 * - `monthly_nth_weekday`: each month on the `nth` weekday (1–4, or -1 for the last).
 */
export const Cadence = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("weekly"), weekday: Weekday }),
  z.strictObject({
    kind: z.literal("every_n_weeks"),
    intervalWeeks: z.number().int().min(2).max(RitualsLimits.intervalWeeksMax),
    weekday: Weekday,
  }),
  z.strictObject({
    kind: z.literal("monthly_nth_weekday"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: Weekday,
  }),
]);
export type Cadence = z.infer<typeof Cadence>;

// ---------- agenda kinds and sections ----------

/** What an agenda item is about: built from live data, written by hand, or carried over from the last occurrence. */
export const AgendaItemKind = z.enum([
  "kpi",
  "request",
  "review",
  "renewal",
  "experiment",
  "clash",
  "action_item",
  "manual",
  "carried_over",
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

/** The kinds the builder finds in the live data (the others are written or carried over). */
export const BUILT_AGENDA_KINDS = [
  "kpi",
  "request",
  "review",
  "renewal",
  "experiment",
  "clash",
  "action_item",
] as const satisfies readonly AgendaItemKind[];

/** A section of a series' agendas: its title and the built kinds that land in it (manual items choose their own). */
export const AgendaSection = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.sectionTitleMax),
  kinds: z.array(AgendaItemKind).max(AgendaItemKind.options.length).default([]),
});
export type AgendaSection = z.infer<typeof AgendaSection>;

/** What an agenda item links to. */
export const AgendaLinkType = z.enum([
  "kpi",
  "request",
  "purchase_review",
  "tool",
  "experiment",
  "glossary_clash",
  "action_item",
  "agenda_item",
  "meeting",
  "url",
]);
export type AgendaLinkType = z.infer<typeof AgendaLinkType>;

/** A link to the record an agenda item is about; `href` is the web path (or an https URL for `url`). */
export const AgendaLink = z.object({
  type: AgendaLinkType,
  id: z.string(),
  label: z.string(),
  href: z.string(),
});
export type AgendaLink = z.infer<typeof AgendaLink>;

// ---------- templates ----------

/** The templates a series starts from (`custom`: start empty). */
export const SeriesTemplate = z.enum([
  "cmo_cio_weekly_sync",
  "joint_steering_monthly",
  "quarterly_business_review",
  "custom",
]);
export type SeriesTemplate = z.infer<typeof SeriesTemplate>;

/** What each template fills in; a create body may override any of it. */
export const SERIES_TEMPLATES: Record<
  SeriesTemplate,
  { title: string; cadence: Cadence; durationMinutes: number; sections: AgendaSection[]; description: string }
> = {
  cmo_cio_weekly_sync: {
    title: "CMO–CIO weekly sync",
    description: "The heads of marketing and IT, weekly: the numbers, what waits on a decision, and who does what.",
    cadence: { kind: "weekly", weekday: "tuesday" },
    durationMinutes: 45,
    sections: [
      { title: "Carried over", kinds: ["carried_over"] },
      { title: "Numbers", kinds: ["kpi"] },
      { title: "Waiting on a decision", kinds: ["request", "review", "experiment"] },
      { title: "Contracts and language", kinds: ["renewal", "clash"] },
      { title: "Commitments", kinds: ["action_item"] },
      { title: "Other business", kinds: ["manual"] },
    ],
  },
  joint_steering_monthly: {
    title: "Monthly joint steering",
    description: "Marketing and IT leads, monthly: priorities, budget, renewals and the decisions the sync escalated.",
    cadence: { kind: "monthly_nth_weekday", nth: 1, weekday: "thursday" },
    durationMinutes: 90,
    sections: [
      { title: "Carried over", kinds: ["carried_over"] },
      { title: "Scorecard", kinds: ["kpi"] },
      { title: "Pipeline and purchases", kinds: ["request", "review"] },
      { title: "Experiments", kinds: ["experiment"] },
      { title: "Renewals", kinds: ["renewal"] },
      { title: "Common language", kinds: ["clash"] },
      { title: "Commitments", kinds: ["action_item"] },
      { title: "Other business", kinds: ["manual"] },
    ],
  },
  quarterly_business_review: {
    title: "Quarterly business review",
    description: "Both teams' leadership, quarterly: objectives and KPIs, value delivered, the stack and next quarter.",
    cadence: { kind: "every_n_weeks", intervalWeeks: 13, weekday: "wednesday" },
    durationMinutes: 120,
    sections: [
      { title: "Carried over", kinds: ["carried_over"] },
      { title: "Objectives and KPIs", kinds: ["kpi"] },
      { title: "Decisions", kinds: ["request", "review", "experiment"] },
      { title: "Stack and contracts", kinds: ["renewal"] },
      { title: "Language", kinds: ["clash"] },
      { title: "Commitments", kinds: ["action_item"] },
      { title: "Other business", kinds: ["manual"] },
    ],
  },
  custom: {
    title: "",
    description: "",
    cadence: { kind: "weekly", weekday: "monday" },
    durationMinutes: 30,
    sections: [
      { title: "Carried over", kinds: ["carried_over"] },
      {
        title: "Agenda",
        kinds: ["kpi", "request", "review", "renewal", "experiment", "clash", "action_item", "manual"],
      },
    ],
  },
};

// ---------- series ----------

const sections = z
  .array(AgendaSection)
  .min(1, { error: "needs at least one section" })
  .max(RitualsLimits.sectionsMax)
  .refine((list) => new Set(list.map((s) => s.title.toLowerCase())).size === list.length, {
    error: "section titles must differ",
  });

const participantIds = z
  .array(Id)
  .max(RitualsLimits.participantsMax)
  .refine((ids) => new Set(ids).size === ids.length, { error: "lists a person twice" });

/**
 * The editable fields of a meeting series. A create body names a `template`; any field left out comes from it
 * (`title`, `cadence`, `durationMinutes`, `sections`).
 */
export const SeriesFields = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.titleMax),
  description: z.string().trim().max(RitualsLimits.textMax),
  cadence: Cadence,
  /** The first day the series may meet, in its time zone. */
  startDate: PlanDate,
  /** The last day it may meet (inclusive), or null for open-ended. */
  endDate: PlanDate.nullable(),
  /** The local start time in `timeZone`. */
  startTime: LocalTime,
  timeZone: TimeZone,
  durationMinutes: z.number().int().min(RitualsLimits.durationMinMinutes).max(RitualsLimits.durationMaxMinutes),
  participantIds,
  sections,
});

/** Creates a series from a template; the next occurrence is created with it. */
export const CreateSeriesBody = z.strictObject({
  template: SeriesTemplate.default("custom"),
  ...editableFields(SeriesFields.shape),
  startDate: PlanDate,
  startTime: LocalTime.default("10:00"),
  timeZone: TimeZone.default("UTC"),
  participantIds: participantIds.default([]),
});
export type CreateSeriesBody = z.infer<typeof CreateSeriesBody>;

/** Edits a series (future, not yet started occurrences follow the new cadence, time and duration). */
export const UpdateSeriesBody = z.strictObject({
  version: Version,
  ...editableFields(SeriesFields.shape),
  /** An ended series creates no more occurrences. */
  status: z.enum(["active", "ended"]).optional(),
});
export type UpdateSeriesBody = z.infer<typeof UpdateSeriesBody>;

/** A meeting series as the API shows it. */
export const MeetingSeries = z.object({
  id: Id,
  template: SeriesTemplate,
  title: z.string(),
  description: z.string(),
  cadence: Cadence,
  startDate: z.string(),
  endDate: z.string().nullable(),
  startTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  sections: z.array(AgendaSection),
  status: z.enum(["active", "ended"]),
  participants: z.array(RitualPerson),
  /** The sides (marketing, IT) with no participant: allowed, but flagged. */
  missingSides: z.array(z.enum(["marketing", "it"])),
  /** True when one side (or both) has no participant. */
  oneSided: z.boolean(),
  nextMeeting: z
    .object({ id: Id, startsAt: Timestamp, endsAt: Timestamp, status: z.enum(["scheduled", "held", "cancelled"]) })
    .nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type MeetingSeries = z.infer<typeof MeetingSeries>;

/** Query of the series list. */
export const SeriesListQuery = ListQuery.extend({
  status: z.enum(["active", "ended", "all"]).default("active"),
  /** Only series this person takes part in (`me` for the caller). */
  participant: z.union([z.literal("me"), Id]).optional(),
});
export type SeriesListQuery = z.infer<typeof SeriesListQuery>;
export const SeriesPage = page(MeetingSeries);
export type SeriesPage = z.infer<typeof SeriesPage>;

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
  attendeeIds: participantIds.optional(),
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

// ---------- outcomes ----------

export const OutcomeType = z.enum(["decision", "information", "action_item"]);
export type OutcomeType = z.infer<typeof OutcomeType>;

export const ActionPriority = z.enum(["high", "medium", "low"]);
export type ActionPriority = z.infer<typeof ActionPriority>;

const summary = z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.textMax);

/**
 * Records an outcome of a meeting (optionally on one agenda item):
 * - `decision`: names the request of this workspace it decides and the reason;
 * - `information`: something the meeting learned;
 * - `action_item`: creates an action item (owner, due date not in the past, priority).
 */
export const CreateOutcomeBody = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("decision"),
    agendaItemId: Id.nullable().default(null),
    summary,
    requestId: Id,
    reason: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.reasonMax),
  }),
  z.strictObject({
    type: z.literal("information"),
    agendaItemId: Id.nullable().default(null),
    summary,
  }),
  z.strictObject({
    type: z.literal("action_item"),
    agendaItemId: Id.nullable().default(null),
    summary,
    ownerId: Id,
    dueDate: PlanDate,
    priority: ActionPriority.default("medium"),
  }),
]);
export type CreateOutcomeBody = z.infer<typeof CreateOutcomeBody>;

/** An outcome as the API shows it. */
export const Outcome = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  type: OutcomeType,
  summary: z.string(),
  /** A decision's request (title and link), or null. */
  request: z.object({ id: Id, title: z.string(), href: z.string() }).nullable(),
  reason: z.string().nullable(),
  /** An action item outcome's action item, or null. */
  actionItemId: Id.nullable(),
  createdBy: RitualPerson.nullable(),
  createdAt: Timestamp,
});
export type Outcome = z.infer<typeof Outcome>;
export const OutcomeList = z.object({ items: z.array(Outcome) });
export type OutcomeList = z.infer<typeof OutcomeList>;

// ---------- action items ----------

export const ActionItemStatus = z.enum(["open", "done"]);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

/** An action item ("commitment"): carried over to each next occurrence until done. */
export const ActionItem = z.object({
  id: Id,
  title: z.string(),
  owner: RitualPerson,
  /** The owner's side when the item was created. */
  side: RitualSide,
  dueDate: z.string(),
  priority: ActionPriority,
  status: ActionItemStatus,
  completedAt: Timestamp.nullable(),
  /** Open past its due date, or done after it. */
  late: z.boolean(),
  /** Open and due within the reminder window or overdue. */
  dueSoon: z.boolean(),
  sourceMeeting: z.object({ id: Id, title: z.string(), startsAt: Timestamp }).nullable(),
  /** How many later occurrences it has been carried over to. */
  carriedOverCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** Creates an action item outside a meeting (a meeting's come from its outcomes). */
export const CreateActionItemBody = z.strictObject({
  title: summary,
  ownerId: Id,
  dueDate: PlanDate,
  priority: ActionPriority.default("medium"),
  sourceMeetingId: Id.nullable().default(null),
});
export type CreateActionItemBody = z.infer<typeof CreateActionItemBody>;

/** Edits an action item: mark done (or reopen), move the due date (not into the past), reassign, reprioritise. */
export const UpdateActionItemBody = z.strictObject({
  version: Version,
  title: summary.optional(),
  ownerId: Id.optional(),
  dueDate: PlanDate.optional(),
  priority: ActionPriority.optional(),
  status: ActionItemStatus.optional(),
});
export type UpdateActionItemBody = z.infer<typeof UpdateActionItemBody>;

/** Query of the action items list; `owner=me` is "my commitments". Sorted by due date. */
export const ActionItemListQuery = ListQuery.extend({
  owner: z.union([z.literal("me"), Id]).optional(),
  status: z.enum(["open", "done", "all"]).default("open"),
  side: RitualSide.optional(),
  sourceMeetingId: Id.optional(),
  /** Only open items due on or before this date (overdue included). */
  dueBy: PlanDate.optional(),
});
export type ActionItemListQuery = z.infer<typeof ActionItemListQuery>;
export const ActionItemPage = page(ActionItem);
export type ActionItemPage = z.infer<typeof ActionItemPage>;

/** Completion per side over a window: the share of due action items done, and how many on time. */
export const SideCompletion = z.object({
  side: RitualSide,
  /** Action items due in the window. */
  due: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  /** done / due, 0–1, or null when nothing was due. */
  completionRate: z.number().nullable(),
});
export type SideCompletion = z.infer<typeof SideCompletion>;

/** The Rituals figures the Health module and the commitments page use. */
export const RitualsCompletion = z.object({
  from: z.string(),
  to: z.string(),
  meetingsHeld: z.number().int(),
  meetingsHeldWithBothSides: z.number().int(),
  sides: z.array(SideCompletion),
});
export type RitualsCompletion = z.infer<typeof RitualsCompletion>;
/** Query of the completion figures: a date window (default: the last 90 days up to today). */
export const CompletionQuery = z.object({ from: PlanDate.optional(), to: PlanDate.optional() });
export type CompletionQuery = z.infer<typeof CompletionQuery>;
