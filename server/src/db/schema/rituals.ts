import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AgendaLink, AgendaSection, Cadence } from "#contracts/rituals";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";
import { requests } from "./pipeline";

// Rituals (issue 16): meeting series, their occurrences, agenda items, outcomes and action items.
// `ics_uid` and `ics_sequence` on series and meetings are the calendar's: a stable UID per series / occurrence
// and the SEQUENCE raised on each change the invite reflects.

export const meetingSeries = pgTable(
  "meeting_series",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    template: text("template", {
      enum: ["cmo_cio_weekly_sync", "joint_steering_monthly", "quarterly_business_review", "custom"],
    }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    cadence: jsonb("cadence").$type<Cadence>().notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    // Local HH:MM in the series' time zone.
    startTime: text("start_time").notNull(),
    timeZone: text("time_zone").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    sections: jsonb("sections").$type<AgendaSection[]>().notNull(),
    status: text("status", { enum: ["active", "ended"] })
      .notNull()
      .default("active"),
    icsUid: text("ics_uid").notNull(),
    icsSequence: integer("ics_sequence").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("meeting_series_workspace_title_idx").on(t.workspaceId, t.title, t.id),
    uniqueIndex("meeting_series_ics_uid_key").on(t.icsUid),
    index("meeting_series_search_idx").using("gin", searchDocument(t.title)),
    check("meeting_series_duration_range", sql`${t.durationMinutes} BETWEEN 5 AND 480`),
    check("meeting_series_date_order", sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

export const meetingSeriesParticipants = pgTable(
  "meeting_series_participant",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => meetingSeries.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.userId] }), index("meeting_series_participant_user_idx").on(t.userId)],
);

export const meetings = pgTable(
  "meeting",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => meetingSeries.id),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    status: text("status", { enum: ["scheduled", "held", "cancelled"] })
      .notNull()
      .default("scheduled"),
    // When the agenda was last built from live data, and what that build left off or could not read.
    preparedAt: at("prepared_at"),
    agendaSummary: jsonb("agenda_summary").$type<{
      more: { kind: string; count: number; atLeast: boolean; href: string }[];
      missingSources: string[];
    }>(),
    // Set once the attendance is recorded (held meetings); null means the series' participants.
    attendanceRecorded: boolean("attendance_recorded").notNull().default(false),
    icsUid: text("ics_uid").notNull(),
    icsSequence: integer("ics_sequence").notNull().default(0),
    // The start of the series' recurrence instance this occurrence stands for (its iCalendar RECURRENCE-ID) once it
    // was moved off it; null while it is at it.
    icsRecurrenceAt: at("ics_recurrence_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("meeting_workspace_starts_idx").on(t.workspaceId, t.startsAt, t.id),
    index("meeting_series_starts_idx").on(t.seriesId, t.startsAt),
    uniqueIndex("meeting_ics_uid_key").on(t.icsUid),
    check("meeting_time_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const meetingAttendees = pgTable(
  "meeting_attendee",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // The attendee's side when recorded (their home team's kind then).
    side: text("side", { enum: ["marketing", "it", "other"] }).notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index("meeting_attendee_user_idx").on(t.userId)],
);

export const agendaItems = pgTable(
  "agenda_item",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", {
      enum: ["kpi", "request", "review", "renewal", "experiment", "clash", "action_item", "manual", "carried_over"],
    }).notNull(),
    originKind: text("origin_kind"),
    source: text("source", { enum: ["built", "manual", "carried_over"] }).notNull(),
    // The built item's identity ("kpi:<id>"), so that a refresh keeps notes of items still on the agenda.
    sourceKey: text("source_key"),
    section: text("section").notNull(),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    link: jsonb("link").$type<AgendaLink>(),
    ownerId: uuid("owner_id").references(() => users.id),
    timeBoxMinutes: integer("time_box_minutes").notNull().default(0),
    // True when a person set the time box (the builder then keeps it).
    timeBoxFixed: boolean("time_box_fixed").notNull().default(false),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: ["open", "discussed"] })
      .notNull()
      .default("open"),
    carriedFromItemId: uuid("carried_from_item_id").references((): AnyPgColumn => agendaItems.id, {
      onDelete: "set null",
    }),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("agenda_item_meeting_idx").on(t.meetingId, t.position),
    uniqueIndex("agenda_item_meeting_source_key").on(t.meetingId, t.sourceKey),
    index("agenda_item_carried_from_idx").on(t.carriedFromItemId),
    check("agenda_item_time_box_range", sql`${t.timeBoxMinutes} BETWEEN 0 AND 480`),
  ],
);

export const actionItems = pgTable(
  "action_item",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    title: text("title").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    // The owner's side when the item was created or reassigned.
    side: text("side", { enum: ["marketing", "it", "other"] }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    priority: text("priority", { enum: ["high", "medium", "low"] })
      .notNull()
      .default("medium"),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    completedAt: at("completed_at"),
    sourceMeetingId: uuid("source_meeting_id").references(() => meetings.id),
    carriedOverCount: integer("carried_over_count").notNull().default(0),
    // The due date the last reminder was sent for (a moved due date is reminded again).
    remindedForDue: date("reminded_for_due", { mode: "string" }),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("action_item_workspace_due_idx").on(t.workspaceId, t.status, t.dueDate, t.id),
    index("action_item_owner_idx").on(t.ownerId, t.status, t.dueDate),
    index("action_item_source_meeting_idx").on(t.sourceMeetingId),
    index("action_item_search_idx").using("gin", searchDocument(t.title)),
    check("action_item_done_has_time", sql`(${t.status} = 'done') = (${t.completedAt} IS NOT NULL)`),
  ],
);

export const meetingOutcomes = pgTable(
  "meeting_outcome",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    type: text("type", { enum: ["decision", "information", "action_item"] }).notNull(),
    summary: text("summary").notNull(),
    requestId: uuid("request_id").references(() => requests.id),
    reason: text("reason"),
    actionItemId: uuid("action_item_id").references(() => actionItems.id),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("meeting_outcome_meeting_idx").on(t.meetingId, t.createdAt),
    index("meeting_outcome_request_idx").on(t.requestId),
    index("meeting_outcome_action_item_idx").on(t.actionItemId),
    check(
      "meeting_outcome_decision_links_request",
      sql`(${t.type} = 'decision') = (${t.requestId} IS NOT NULL AND ${t.reason} IS NOT NULL)`,
    ),
    check("meeting_outcome_action_links_item", sql`(${t.type} = 'action_item') = (${t.actionItemId} IS NOT NULL)`),
  ],
);
