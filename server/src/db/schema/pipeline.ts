import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";
import { teams, users, workspaces } from "./people";

// Backlog positions compare byte by byte whatever the database's locale, so the column's collation is "C".
const rankKey = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

export const REQUEST_TYPES = ["change", "capability", "data", "purchase", "project"] as const;
export const PRIORITIES = ["crucial", "secondary", "nice_to_have"] as const;
export const STAGES = [
  "draft",
  "submitted",
  "triage",
  "planning",
  "decision",
  "delivery",
  "delivered",
  "value_review",
  "closed",
  "declined",
  "withdrawn",
] as const;
export const DECISIONS = ["approved", "declined", "deferred", "alternative"] as const;
export const RACI_ROLES = ["R", "A", "C", "I"] as const;

/** A working calendar: the clock of every service level counts only its business hours. */
export const workCalendars = pgTable(
  "work_calendar",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    workingDays: smallint("working_days").array().notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    holidays: date("holidays", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    isDefault: boolean("is_default").notNull().default(false),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("work_calendar_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    uniqueIndex("work_calendar_workspace_default_key").on(t.workspaceId).where(sql`${t.isDefault}`),
  ],
);

/** Targets per priority class, in business minutes of the calendar. */
export const slaPolicies = pgTable(
  "sla_policy",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => workCalendars.id),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    decisionMinutes: integer("decision_minutes").notNull(),
    deliveryMinutes: integer("delivery_minutes").notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.priority] }),
    check(
      "sla_policy_positive",
      sql`${t.firstResponseMinutes} > 0 AND ${t.decisionMinutes} > 0 AND ${t.deliveryMinutes} > 0`,
    ),
  ],
);

/** The workspace's scoring formula for the backlog. */
export const pipelineSettings = pgTable("pipeline_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  scoring: jsonb("scoring").notNull(),
  /** The share of requests within their service-level targets the workspace aims for, in percent. */
  slaGoal: smallint("sla_goal").notNull().default(80),
  ...timestamps(),
  version: version(),
});

export const requests = pgTable(
  "request",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    number: integer("number").notNull(),
    type: text("type", { enum: REQUEST_TYPES }).notNull(),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    beneficiaries: text("beneficiaries").notNull().default(""),
    objectives: text("objectives").notNull().default(""),
    deadline: date("deadline", { mode: "string" }),
    deadlineReason: text("deadline_reason").notNull().default(""),
    dataClasses: text("data_classes").array().notNull().default(sql`'{}'::text[]`),
    expectedBenefit: numeric("expected_benefit", { precision: 15, scale: 2 }),
    softHours: numeric("soft_hours", { precision: 12, scale: 2 }),
    hourlyRate: numeric("hourly_rate", { precision: 12, scale: 2 }),
    costEstimate: numeric("cost_estimate", { precision: 15, scale: 2 }),
    currency: text("currency").notNull().default("EUR"),
    confidence: smallint("confidence"),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => users.id),
    sponsorId: uuid("sponsor_id").references(() => users.id),
    itPartnerId: uuid("it_partner_id").references(() => users.id),
    teamId: uuid("team_id").references(() => teams.id),
    priority: text("priority", { enum: PRIORITIES }),
    reach: numeric("reach", { precision: 12, scale: 2 }),
    valueScore: smallint("value_score"),
    urgencyScore: smallint("urgency_score"),
    riskScore: smallint("risk_score"),
    effort: numeric("effort", { precision: 8, scale: 2 }),
    score: doublePrecision("score"),
    // A fractional-indexing key (modules/pipeline/pipeline.rank.ts); the default is the key of 0, "unscored".
    rank: rankKey("rank").notNull().default("kAzL8n0Y58m8"),
    rankedManually: boolean("ranked_manually").notNull().default(false),
    stage: text("stage", { enum: STAGES }).notNull(),
    stageChangedAt: at("stage_changed_at").notNull(),
    waitingOnRequester: boolean("waiting_on_requester").notNull().default(false),
    architectureNotes: text("architecture_notes").notNull().default(""),
    integrationNotes: text("integration_notes").notNull().default(""),
    securityNotes: text("security_notes").notNull().default(""),
    complianceNotes: text("compliance_notes").notNull().default(""),
    toolIds: uuid("tool_ids").array().notNull().default(sql`'{}'::uuid[]`),
    // The request template: the business view's success measure, the technical view's systems, data and
    // non-functional needs (outcome, beneficiaries, data classes and security notes are the other parts).
    successMeasure: text("success_measure").notNull().default(""),
    systems: text("systems").notNull().default(""),
    dataNeeds: text("data_needs").notNull().default(""),
    nonFunctionalNeeds: text("non_functional_needs").notNull().default(""),
    // The meaning intended for each clashing glossary term written in the request: [{form, termId}].
    termMeanings: jsonb("term_meanings")
      .$type<{ form: string; termId: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // A purchase request's details for the purchase policy (contracts/guardrails PurchaseDetails).
    purchase: jsonb("purchase"),
    decision: text("decision", { enum: DECISIONS }),
    decisionReason: text("decision_reason"),
    alternatives: jsonb("alternatives").notNull().default(sql`'[]'::jsonb`),
    decidedById: uuid("decided_by_id").references(() => users.id),
    appealedAt: at("appealed_at"),
    appealComment: text("appeal_comment"),
    alternativeAcceptedAt: at("alternative_accepted_at"),
    reviewDueOn: date("review_due_on", { mode: "string" }),
    realisedBenefit: numeric("realised_benefit", { precision: 15, scale: 2 }),
    reviewNotes: text("review_notes").notNull().default(""),
    reviewedAt: at("reviewed_at"),
    // The service-level clocks: when each target event happened, the business minutes it took, whether the
    // target was met, and when a running clock is due. Derived from request_event by the service.
    submittedAt: at("submitted_at"),
    firstResponseAt: at("first_response_at"),
    decidedAt: at("decided_at"),
    deliveredAt: at("delivered_at"),
    firstResponseMinutes: doublePrecision("first_response_minutes"),
    decisionMinutes: doublePrecision("decision_minutes"),
    deliveryMinutes: doublePrecision("delivery_minutes"),
    firstResponseMet: boolean("first_response_met"),
    decisionMet: boolean("decision_met"),
    deliveryMet: boolean("delivery_met"),
    firstResponseDueAt: at("first_response_due_at"),
    decisionDueAt: at("decision_due_at"),
    deliveryDueAt: at("delivery_due_at"),
    breached: boolean("breached").notNull().default(false),
    atRiskNotifiedAt: at("at_risk_notified_at"),
    breachNotifiedAt: at("breach_notified_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("request_workspace_number_key").on(t.workspaceId, t.number),
    index("request_workspace_rank_idx").on(t.workspaceId, t.rank, t.id),
    index("request_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("request_workspace_stage_idx").on(t.workspaceId, t.stage),
    index("request_workspace_submitted_idx").on(t.workspaceId, t.submittedAt),
    index("request_requester_idx").on(t.requesterId),
    index("request_search_idx").using("gin", searchDocument(t.title)),
    check("request_confidence_range", sql`${t.confidence} BETWEEN 0 AND 100`),
    check(
      "request_scores_range",
      sql`${t.valueScore} BETWEEN 1 AND 10 AND ${t.urgencyScore} BETWEEN 1 AND 10 AND ${t.riskScore} BETWEEN 1 AND 10`,
    ),
  ],
);

/** Every change of a request's stage, pause, decision and review: the clocks' source and the timeline. */
export const requestEvents = pgTable(
  "request_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    kind: text("kind", {
      enum: ["stage", "paused", "resumed", "decision", "appeal", "alternative_accepted", "review", "ranked", "raci"],
    }).notNull(),
    fromStage: text("from_stage", { enum: STAGES }),
    toStage: text("to_stage", { enum: STAGES }),
    actorId: uuid("actor_id").references(() => users.id),
    at: at("at").notNull(),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("request_event_request_idx").on(t.requestId, t.at, t.id)],
);

/** Who does what, per request type: the workspace's rules of engagement. */
export const raciTemplates = pgTable(
  "raci_template",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestType: text("request_type", { enum: REQUEST_TYPES }).notNull(),
    activities: jsonb("activities").notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("raci_template_workspace_type_key").on(t.workspaceId, t.requestType)],
);

/** A request's activities with the people or teams assigned to them. */
export const requestRaci = pgTable(
  "request_raci",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    activity: text("activity").notNull(),
    role: text("role", { enum: RACI_ROLES }).notNull(),
    teamId: uuid("team_id").references(() => teams.id),
    userId: uuid("user_id").references(() => users.id),
    position: smallint("position").notNull(),
  },
  // An activity may be unassigned for a while; the move to decision refuses it until someone is named.
  (t) => [index("request_raci_request_idx").on(t.requestId, t.position)],
);

export const comments = pgTable(
  "request_comment",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    mentions: uuid("mentions").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("request_comment_request_idx").on(t.requestId, t.createdAt, t.id)],
);

export const watchers = pgTable(
  "request_watcher",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index("request_watcher_user_idx").on(t.userId)],
);
