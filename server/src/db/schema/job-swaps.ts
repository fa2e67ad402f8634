import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";
import { meetings } from "./rituals";

/**
 * Job swaps and shadowing (Rituals, issue 16): a marketing person and an IT person for a period (first and last
 * day, inclusive) with goals, and each one's reflection written once the period ended.
 */
export const jobSwaps = pgTable(
  "job_swap",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: ["swap", "shadowing"] })
      .notNull()
      .default("swap"),
    marketingPersonId: uuid("marketing_person_id")
      .notNull()
      .references(() => users.id),
    itPersonId: uuid("it_person_id")
      .notNull()
      .references(() => users.id),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    goals: text("goals").notNull(),
    marketingReflection: text("marketing_reflection"),
    marketingReflectedAt: at("marketing_reflected_at"),
    itReflection: text("it_reflection"),
    itReflectedAt: at("it_reflected_at"),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("job_swap_workspace_start_idx").on(t.workspaceId, t.startDate, t.id),
    index("job_swap_workspace_end_idx").on(t.workspaceId, t.endDate, t.id),
    index("job_swap_marketing_person_idx").on(t.marketingPersonId),
    index("job_swap_it_person_idx").on(t.itPersonId),
    check("job_swap_date_order", sql`${t.endDate} >= ${t.startDate}`),
    check("job_swap_two_people", sql`${t.marketingPersonId} <> ${t.itPersonId}`),
    check(
      "job_swap_marketing_reflection_dated",
      sql`(${t.marketingReflection} IS NULL) = (${t.marketingReflectedAt} IS NULL)`,
    ),
    check("job_swap_it_reflection_dated", sql`(${t.itReflection} IS NULL) = (${t.itReflectedAt} IS NULL)`),
  ],
);

/**
 * What Rituals has emailed about a meeting (Rituals, issue 16): the invite of each SEQUENCE (once without the agenda,
 * once more when the agenda is built), the cancellation, the minutes. A row claims the sending: with several
 * processes, each announcement goes out once.
 */
export const meetingAnnouncements = pgTable(
  "meeting_announcement",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["invite", "cancel", "minutes"] }).notNull(),
    sequence: integer("sequence").notNull().default(0),
    withAgenda: boolean("with_agenda").notNull().default(false),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [uniqueIndex("meeting_announcement_key").on(t.meetingId, t.kind, t.sequence, t.withAgenda)],
);
