import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  ExperimentHeadline,
  MetricAggregates,
  MetricDefinition,
  SecondaryMetric,
  VariantDefinition,
} from "#contracts/experiments";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";
import { kpis } from "./scorecard";

export const experiments = pgTable(
  "experiment",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    hypothesisChange: text("hypothesis_change").notNull(),
    hypothesisOutcome: text("hypothesis_outcome").notNull(),
    hypothesisMeasure: text("hypothesis_measure").notNull(),
    hypothesisRationale: text("hypothesis_rationale").notNull().default(""),
    kpi: text("kpi").notNull(),
    // The Scorecard KPI it should move; the free-text `kpi` stays readable beside it.
    kpiId: uuid("kpi_id").references((): AnyPgColumn => kpis.id),
    channel: text("channel").notNull().default(""),
    // The Pipeline request it informs: stored as given; the foreign key comes with the request table.
    requestId: uuid("request_id"),
    parentId: uuid("parent_id").references((): AnyPgColumn => experiments.id),
    ownerId: uuid("owner_id").references(() => users.id),
    itPartnerId: uuid("it_partner_id").references(() => users.id),
    status: text("status", { enum: ["draft", "running", "stopped", "decided"] }).notNull(),
    variants: jsonb("variants").$type<VariantDefinition[]>().notNull(),
    primaryMetric: jsonb("primary_metric").$type<MetricDefinition>().notNull(),
    otherMetrics: jsonb("other_metrics").$type<SecondaryMetric[]>().notNull().default([]),
    startedAt: at("started_at"),
    stoppedAt: at("stopped_at"),
    outcome: text("outcome", { enum: ["shipped", "rolled_back", "iterate"] }),
    decisionReason: text("decision_reason"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: at("decided_at"),
    learnings: text("learnings").notNull().default(""),
    headline: jsonb("headline").$type<ExperimentHeadline>(),
    snapshotCount: integer("snapshot_count").notNull().default(0),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("experiment_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("experiment_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("experiment_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("experiment_workspace_decided_idx").on(t.workspaceId, t.decidedAt, t.id),
    index("experiment_parent_idx").on(t.parentId),
    index("experiment_kpi_idx").on(t.kpiId),
    index("experiment_search_idx").using("gin", searchDocument(t.name)),
    check(
      "experiment_decided_has_decision",
      sql`(${t.status} = 'decided') = (${t.outcome} IS NOT NULL AND ${t.decisionReason} IS NOT NULL AND ${t.decidedAt} IS NOT NULL)`,
    ),
  ],
);

export const experimentSnapshots = pgTable(
  "experiment_snapshot",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id),
    /** 1, 2, 3… per experiment: the order snapshots were entered in. */
    seq: integer("seq").notNull(),
    source: text("source", { enum: ["form", "csv", "json", "api"] }).notNull(),
    note: text("note").notNull().default(""),
    enteredById: uuid("entered_by_id").references(() => users.id),
    metrics: jsonb("metrics").$type<MetricAggregates[]>().notNull(),
    totalUnits: doublePrecision("total_units").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("experiment_snapshot_seq_key").on(t.experimentId, t.seq)],
);
