import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id, timestamps, version } from "./columns";
import { teams, users, workspaces } from "./people";

// Health (issue 17): the item bank, pulses, anonymous answers and their released aggregates.
//
// Anonymity is in the tables' shape: `health_response` and `health_answer` hold no user id and no time (a random
// id, the pulse, the side and the home team only); `health_participation` records who took part, apart from what
// they answered, also without a time. `health_release` holds the aggregates the API reads: for an open pulse, the
// per-side sums released each time a side's count reaches a multiple of k; for a closed pulse, per side and team.

export const healthItems = pgTable(
  "health_item",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    code: text("code").notNull(),
    criterion: text("criterion", {
      enum: [
        "communications",
        "value_measurement",
        "governance",
        "partnership",
        "scope_architecture",
        "skills",
        "outcome",
      ],
    }).notNull(),
    textMarketing: text("text_marketing").notNull(),
    textIt: text("text_it").notNull(),
    shipped: boolean("shipped").notNull().default(false),
    status: text("status", { enum: ["active", "retired"] })
      .notNull()
      .default("active"),
    // Set when a launched pulse first asks it: from then on its wording never changes.
    live: boolean("live").notNull().default(false),
    publishedFigure: text("published_figure", {
      enum: ["strategic_partner", "it_involved_in_buying", "shared_vision"],
    }),
    position: integer("position").notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("health_item_workspace_code_key").on(t.workspaceId, t.code)],
);

export type SignalSnapshot = {
  criterion: string;
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}[];

export const healthSurveys = pgTable(
  "health_survey",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    title: text("title").notNull(),
    status: text("status", { enum: ["draft", "open", "closed"] })
      .notNull()
      .default("draft"),
    k: integer("k").notNull().default(5),
    itemsPerPulse: integer("items_per_pulse").notNull().default(6),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    launchedOn: date("launched_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    invitedMarketing: integer("invited_marketing").notNull().default(0),
    invitedIt: integer("invited_it").notNull().default(0),
    // The cadence's launch day a pulse was launched for (null: an admin's own pulse). Unique per workspace, so two
    // processes (or a retried job) launching the same day's pulse make one.
    scheduledOn: date("scheduled_on", { mode: "string" }),
    // The behavioural signals as of the close, so the trend explains each point with the signals of its day.
    signals: jsonb("signals").$type<SignalSnapshot>(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("health_survey_workspace_idx").on(t.workspaceId, t.status, t.closedOn),
    check("health_survey_k_range", sql`${t.k} between 3 and 10`),
    uniqueIndex("health_survey_scheduled_key").on(t.workspaceId, t.scheduledOn),
  ],
);

/**
 * A workspace's pulse cadence (admins): off, every two weeks or monthly from `starts_on`, with the k, the items per
 * pulse and the days a pulse stays open that the hourly job launches each pulse with.
 */
export const healthCadences = pgTable(
  "health_cadence",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id),
    cadence: text("cadence", { enum: ["off", "every_2_weeks", "monthly"] })
      .notNull()
      .default("off"),
    startsOn: date("starts_on", { mode: "string" }),
    k: integer("k").notNull().default(5),
    itemsPerPulse: integer("items_per_pulse").notNull().default(8),
    lengthDays: integer("length_days").notNull().default(10),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    check("health_cadence_k_range", sql`${t.k} between 3 and 10`),
    check("health_cadence_items_range", sql`${t.itemsPerPulse} between 6 and 8`),
    check("health_cadence_length_range", sql`${t.lengthDays} between 1 and 28`),
  ],
);

/**
 * What the Alignment Index reads from Health without an audit event: a response that releases a side's results
 * (responses are never audited) bumps it, so the cached index is never stale. Such a bump keeps no time.
 */
export const healthStates = pgTable("health_state", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  version: integer("version").notNull().default(1),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const healthSurveyItems = pgTable(
  "health_survey_item",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => healthSurveys.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => healthItems.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.itemId] })],
);

/** Who took part: no time, and nothing that points at the answer. */
export const healthParticipation = pgTable(
  "health_participation",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => healthSurveys.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    side: text("side", { enum: ["marketing", "it"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.userId] })],
);

/** One person's answers: no user id, no time; a random id. */
export const healthResponses = pgTable(
  "health_response",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => healthSurveys.id, { onDelete: "cascade" }),
    side: text("side", { enum: ["marketing", "it"] }).notNull(),
    teamId: uuid("team_id").references(() => teams.id),
    comment: text("comment"),
  },
  (t) => [index("health_response_survey_idx").on(t.surveyId, t.side)],
);

export const healthAnswers = pgTable(
  "health_answer",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => healthResponses.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => healthItems.id),
    value: smallint("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.itemId] }),
    check("health_answer_scale", sql`${t.value} between 1 and 5`),
  ],
);

/**
 * Released aggregates: per pulse, group (`side` marketing/it, or `team` with the team's id) and item, the number
 * of respondents of the group, answers, their sum and how many agreed (4–5).
 */
export const healthReleases = pgTable(
  "health_release",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => healthSurveys.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: ["side", "team"] }).notNull(),
    groupKey: text("group_key").notNull(),
    side: text("side", { enum: ["marketing", "it"] }).notNull(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => healthItems.id),
    respondents: integer("respondents").notNull(),
    answers: integer("answers").notNull(),
    total: integer("total").notNull(),
    agree: integer("agree").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.scope, t.groupKey, t.itemId] })],
);
