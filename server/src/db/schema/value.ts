import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AttributionRun, ModelResult, RunModel } from "#contracts/value";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";

/** One CSV import into the Value ledger: what it was and what it did (its rows point back to it). */
export const valueImports = pgTable(
  "value_import",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: ["spend", "conversions", "paths", "touchpoints"] }).notNull(),
    fileName: text("file_name").notNull().default(""),
    lines: integer("lines").notNull(),
    imported: integer("imported").notNull(),
    skipped: integer("skipped").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [index("value_import_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

/** Money spent (or planned) on a channel, campaign or initiative on a day. */
export const spendLines = pgTable(
  "spend_line",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    channel: text("channel").notNull(),
    campaign: text("campaign").notNull().default(""),
    initiative: text("initiative").notNull().default(""),
    kind: text("kind", { enum: ["planned", "actual"] }).notNull(),
    amount: numeric("amount", { precision: 15, scale: 2 }).notNull(),
    currency: text("currency").notNull(),
    importId: uuid("import_id").references(() => valueImports.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("spend_line_workspace_date_idx").on(t.workspaceId, t.spentOn, t.id),
    index("spend_line_workspace_amount_idx").on(t.workspaceId, t.amount, t.id),
    index("spend_line_workspace_channel_idx").on(t.workspaceId, t.channel, t.spentOn),
    index("spend_line_search_idx").using("gin", searchDocument(t.channel, t.campaign, t.initiative)),
    check("spend_line_amount_nonnegative", sql`${t.amount} >= 0`),
  ],
);

/** A conversion (an outcome) of a customer journey, with its value. */
export const outcomes = pgTable(
  "outcome",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    journeyId: text("journey_id").notNull(),
    occurredAt: at("occurred_at").notNull(),
    value: doublePrecision("value").notNull().default(0),
    importId: uuid("import_id").references(() => valueImports.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    // With the id: attribution runs read conversions by keyset over (occurred_at, id).
    index("outcome_workspace_time_id_idx").on(t.workspaceId, t.occurredAt, t.id),
    check("outcome_value_nonnegative", sql`${t.value} >= 0`),
  ],
);

/** One touch of a journey on a channel. */
export const touchpoints = pgTable(
  "touchpoint",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    journeyId: text("journey_id").notNull(),
    occurredAt: at("occurred_at").notNull(),
    channel: text("channel").notNull(),
    importId: uuid("import_id").references(() => valueImports.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  // With the id: attribution runs read touchpoints by keyset over (occurred_at, id), in chunks of rows.
  (t) => [index("touchpoint_workspace_time_id_idx").on(t.workspaceId, t.occurredAt, t.id)],
);

/** Aggregated journey paths (channels joined by " > ") over a period, as analytics tools export them. */
export const journeyPaths = pgTable(
  "journey_path",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    channels: text("channels").array().notNull(),
    conversions: doublePrecision("conversions").notNull(),
    value: doublePrecision("value").notNull(),
    nulls: doublePrecision("nulls").notNull(),
    importId: uuid("import_id").references(() => valueImports.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("journey_path_workspace_period_idx").on(t.workspaceId, t.periodStart, t.periodEnd),
    check("journey_path_period", sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

// A run keeps the engine's floating-point credit (a decimal string in older runs); the API answers it rounded to
// cents.
type StoredMoney = number | string;

/** What a run read, as it keeps it. */
export type StoredRunInputs = Omit<NonNullable<AttributionRun["inputs"]>, "unmatched"> & {
  unmatched: { conversions: number; value: StoredMoney };
};

/** One model's results, as a run keeps them. */
export type StoredModelResult = Omit<ModelResult, "totals" | "channels"> & {
  totals: { conversions: number; value: StoredMoney };
  channels: (Omit<ModelResult["channels"][number], "value"> & { value: StoredMoney })[];
};

/** An attribution run: its settings, what it read, and every model's results. */
export const attributionRuns = pgTable(
  "attribution_run",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull().default(""),
    status: text("status", { enum: ["queued", "running", "done", "failed", "cancelled"] }).notNull(),
    // Where a background run is: 0 to 1, and what it is doing.
    progress: doublePrecision("progress").notNull().default(1),
    progressNote: text("progress_note").notNull().default(""),
    source: text("source", { enum: ["touchpoints", "paths"] }).notNull(),
    models: text("models").array().$type<RunModel[]>().notNull(),
    markovOrder: integer("markov_order").notNull(),
    lookbackDays: integer("lookback_days").notNull(),
    halfLifeDays: doublePrecision("half_life_days").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    inputs: jsonb("inputs").$type<StoredRunInputs>(),
    results: jsonb("results").$type<StoredModelResult[]>().notNull().default(sql`'[]'::jsonb`),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("attribution_run_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    // One running run per workspace: the others wait, queued, behind it.
    uniqueIndex("attribution_run_one_running_idx").on(t.workspaceId).where(sql`${t.status} = 'running'`),
    check("attribution_run_status", sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled')`),
  ],
);
