import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ComputedFrom, KpiThresholds } from "#contracts/scorecard";
import { searchDocument } from "../full-text";
import { id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";
import { requests } from "./pipeline";
import { tools } from "./stack";

export const customerSegments = pgTable(
  "customer_segment",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // 1 is the most important.
    priority: integer("priority").notNull().default(3),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("customer_segment_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`)],
);

export const objectives = pgTable(
  "objective",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    marketingOwnerId: uuid("marketing_owner_id").references(() => users.id),
    itOwnerId: uuid("it_owner_id").references(() => users.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => objectives.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("objective_workspace_period_idx").on(t.workspaceId, t.periodStart, t.id),
    index("objective_parent_idx").on(t.parentId),
    index("objective_search_idx").using("gin", searchDocument(t.title)),
    check("objective_period_order", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

export const kpis = pgTable(
  "kpi",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => objectives.id),
    name: text("name").notNull(),
    definition: text("definition").notNull().default(""),
    unit: text("unit", { enum: ["count", "percent", "money", "duration_days", "duration_hours"] }).notNull(),
    currency: text("currency"),
    direction: text("direction", { enum: ["up", "down"] }).notNull(),
    baseline: doublePrecision("baseline").notNull(),
    target: doublePrecision("target").notNull(),
    thresholds: jsonb("thresholds").$type<KpiThresholds>(),
    cadence: text("cadence", { enum: ["weekly", "monthly", "quarterly"] }).notNull(),
    category: text("category", {
      enum: ["revenue", "acquisition", "retention", "customer_experience", "operations"],
    }).notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    segmentId: uuid("segment_id").references(() => customerSegments.id),
    source: text("source", { enum: ["manual", "computed"] }).notNull(),
    measure: text("measure"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("kpi_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("kpi_objective_idx").on(t.objectiveId),
    index("kpi_owner_idx").on(t.ownerId),
    index("kpi_segment_idx").on(t.segmentId),
    index("kpi_search_idx").using("gin", searchDocument(t.name)),
    check("kpi_target_differs", sql`${t.target} <> ${t.baseline}`),
    check("kpi_computed_has_measure", sql`(${t.source} = 'computed') = (${t.measure} IS NOT NULL)`),
  ],
);

export const kpiMeasurements = pgTable(
  "kpi_measurement",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpis.id),
    date: date("date", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    comment: text("comment").notNull().default(""),
    confidence: integer("confidence"),
    source: text("source", { enum: ["check_in", "csv", "api", "computed"] }).notNull(),
    // For a computed value: the figures and period it was computed from.
    computedFrom: jsonb("computed_from").$type<ComputedFrom>(),
    recordedById: uuid("recorded_by_id").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    // One value per KPI and date: imports and pushes are idempotent by it; the series reads by it.
    uniqueIndex("kpi_measurement_kpi_date_key").on(t.kpiId, t.date),
    index("kpi_measurement_workspace_idx").on(t.workspaceId),
    check("kpi_measurement_confidence_range", sql`${t.confidence} IS NULL OR ${t.confidence} BETWEEN 1 AND 5`),
  ],
);

export const requestKpis = pgTable(
  "request_kpi",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpis.id),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.kpiId] }), index("request_kpi_kpi_idx").on(t.kpiId)],
);

export const toolKpis = pgTable(
  "tool_kpi",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    toolId: uuid("tool_id")
      .notNull()
      .references(() => tools.id),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpis.id),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.toolId, t.kpiId] }), index("tool_kpi_kpi_idx").on(t.kpiId)],
);
