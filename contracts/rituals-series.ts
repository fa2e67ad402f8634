import { z } from "zod";
import { editableFields, Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";
import { RitualPerson, RitualsLimits } from "./rituals-core";

// Rituals: a series' cadence, its agenda's sections and link kinds, the templates it starts from, the series.

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

/** People of a series or a meeting, each once. */
export const ParticipantIds = z
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
  participantIds: ParticipantIds,
  sections,
});

/** Creates a series from a template; the next occurrence is created with it. */
export const CreateSeriesBody = z.strictObject({
  template: SeriesTemplate.default("custom"),
  ...editableFields(SeriesFields.shape),
  startDate: PlanDate,
  startTime: LocalTime.default("10:00"),
  timeZone: TimeZone.default("UTC"),
  participantIds: ParticipantIds.default([]),
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
