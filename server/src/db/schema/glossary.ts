import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TeamDefinitions } from "#contracts/glossary";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";

const termStatuses = ["draft", "proposed", "approved", "retired"] as const;
const revisionStatuses = ["draft", "proposed", "approved", "rejected", "superseded"] as const;
const teamKinds = ["marketing", "it", "security", "legal", "finance", "other"] as const;

// A term is an identity; its content lives in revisions. `approved_revision_id` is what everyone sees once approved,
// `pending_revision_id` the draft or proposed revision under review (both may be set: an edit of an approved term).
// name/acronym/context/search_text repeat the shown revision (approved, else pending) for lists, search and clashes.
export const glossaryTerms = pgTable(
  "glossary_term",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    status: text("status", { enum: termStatuses }).notNull(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    context: text("context").notNull().default(""),
    approvedRevisionId: uuid("approved_revision_id").references((): AnyPgColumn => glossaryTermRevisions.id),
    pendingRevisionId: uuid("pending_revision_id").references((): AnyPgColumn => glossaryTermRevisions.id),
    // Names, acronym, synonyms and definitions of the shown revision, for full-text search.
    searchText: text("search_text").notNull().default(""),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("glossary_term_workspace_name_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index("glossary_term_search_idx").using("gin", sql`to_tsvector('english', ${t.searchText})`),
  ],
);

export const glossaryTermRevisions = pgTable(
  "glossary_term_revision",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    termId: uuid("term_id")
      .notNull()
      .references((): AnyPgColumn => glossaryTerms.id),
    number: integer("number").notNull(),
    status: text("status", { enum: revisionStatuses }).notNull(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    context: text("context").notNull().default(""),
    canonicalDefinition: text("canonical_definition").notNull().default(""),
    definitions: jsonb("definitions").$type<TeamDefinitions>().notNull().default({}),
    examples: jsonb("examples").$type<string[]>().notNull().default([]),
    synonyms: jsonb("synonyms").$type<string[]>().notNull().default([]),
    relatedTermIds: jsonb("related_term_ids").$type<string[]>().notNull().default([]),
    kpiIds: jsonb("kpi_ids").$type<string[]>().notNull().default([]),
    toolIds: jsonb("tool_ids").$type<string[]>().notNull().default([]),
    ownerId: uuid("owner_id").references(() => users.id),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex("glossary_term_revision_number_key").on(t.termId, t.number)],
);

// One decision per person per revision: the same person never counts twice.
export const glossaryApprovals = pgTable(
  "glossary_approval",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => glossaryTermRevisions.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // The person's home team kind when they decided.
    teamKind: text("team_kind", { enum: teamKinds }).notNull(),
    decision: text("decision", { enum: ["approve", "reject"] }).notNull(),
    reason: text("reason"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("glossary_approval_revision_user_key").on(t.revisionId, t.userId)],
);

// A clash settled for one exact set of terms sharing a form key; a new term with the form opens the clash again.
export const glossaryClashResolutions = pgTable(
  "glossary_clash_resolution",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    key: text("key").notNull(),
    // The term ids, sorted.
    termIds: jsonb("term_ids").$type<string[]>().notNull(),
    resolution: text("resolution", { enum: ["one_meaning", "keep_both"] }).notNull(),
    keptTermId: uuid("kept_term_id").references(() => glossaryTerms.id),
    note: text("note").notNull().default(""),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [index("glossary_clash_resolution_key_idx").on(t.workspaceId, t.key)],
);

// The glossary version of each workspace: bumped in the transaction of every term change, read (one row by key)
// before annotating, so every process rebuilds its cached matcher after any process changed the glossary.
export const glossaryStates = pgTable("glossary_state", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  version: integer("version").notNull().default(0),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
