import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { StackCategory } from "#contracts/stack";
import { searchDocument } from "../full-text";
import { at, id, timestamps, version } from "./columns";
import { users, workspaces } from "./people";

export const tools = pgTable(
  "tool",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    vendor: text("vendor").notNull().default(""),
    description: text("description").notNull().default(""),
    url: text("url"),
    category: text("category", {
      enum: ["advertising", "content", "social", "commerce", "data", "management"],
    }).notNull(),
    subcategory: text("subcategory").notNull(),
    capabilities: text("capabilities").array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: ["sanctioned", "under_review", "shadow"] }).notNull(),
    lifecycle: text("lifecycle", { enum: ["plan", "phase_in", "active", "phase_out", "retired"] }).notNull(),
    phaseInOn: date("phase_in_on", { mode: "string" }),
    activeOn: date("active_on", { mode: "string" }),
    phaseOutOn: date("phase_out_on", { mode: "string" }),
    retiredOn: date("retired_on", { mode: "string" }),
    businessOwnerId: uuid("business_owner_id").references(() => users.id),
    technicalOwnerId: uuid("technical_owner_id").references(() => users.id),
    functionalFit: smallint("functional_fit"),
    technicalFit: smallint("technical_fit"),
    annualCost: numeric("annual_cost", { precision: 15, scale: 2 }),
    currency: text("currency"),
    seatsBought: integer("seats_bought"),
    seatsUsed: integer("seats_used"),
    contractStart: date("contract_start", { mode: "string" }),
    renewalDate: date("renewal_date", { mode: "string" }),
    noticeDays: integer("notice_days"),
    autoRenew: boolean("auto_renew").notNull().default(false),
    dataClasses: text("data_classes").array().notNull().default(sql`'{}'::text[]`),
    sso: boolean("sso").notNull().default(false),
    dpaSigned: boolean("dpa_signed").notNull().default(false),
    securityReviewDate: date("security_review_date", { mode: "string" }),
    securityReviewExpiry: date("security_review_expiry", { mode: "string" }),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    hostingRegion: text("hosting_region").notNull().default(""),
    archivedAt: at("archived_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("tool_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    index("tool_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("tool_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("tool_workspace_renewal_idx").on(t.workspaceId, t.renewalDate, t.id),
    index("tool_workspace_category_idx").on(t.workspaceId, t.category, t.subcategory),
    index("tool_search_idx").using("gin", searchDocument(t.name, t.vendor)),
    index("tool_vendor_search_idx").using("gin", searchDocument(t.vendor)),
    check("tool_fit_range", sql`${t.functionalFit} BETWEEN 1 AND 5 AND ${t.technicalFit} BETWEEN 1 AND 5`),
    check("tool_cost_has_currency", sql`(${t.annualCost} IS NULL) = (${t.currency} IS NULL)`),
  ],
);

export const integrations = pgTable(
  "integration",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    fromToolId: uuid("from_tool_id")
      .notNull()
      .references(() => tools.id),
    toToolId: uuid("to_tool_id")
      .notNull()
      .references(() => tools.id),
    dataObjects: text("data_objects").array().notNull().default(sql`'{}'::text[]`),
    method: text("method", { enum: ["native", "api", "ipaas", "file", "manual"] }).notNull(),
    direction: text("direction", { enum: ["one_way", "two_way"] }).notNull(),
    ownerId: uuid("owner_id").references(() => users.id),
    description: text("description").notNull().default(""),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("integration_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("integration_from_idx").on(t.fromToolId),
    index("integration_to_idx").on(t.toToolId),
    check("integration_not_self", sql`${t.fromToolId} <> ${t.toToolId}`),
  ],
);

/** Renewal reminders sent, so each (tool, cancel-by date, days before) is told once even with several processes. */
export const renewalReminders = pgTable(
  "renewal_reminder",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    toolId: uuid("tool_id")
      .notNull()
      .references(() => tools.id),
    cancelBy: date("cancel_by", { mode: "string" }).notNull(),
    daysBefore: smallint("days_before").notNull(),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [uniqueIndex("renewal_reminder_key").on(t.toolId, t.cancelBy, t.daysBefore)],
);

/** A person's secret calendar-feed address (stored hashed): any calendar app can subscribe to the renewals. */
export const calendarFeeds = pgTable(
  "calendar_feed",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    secretHash: text("secret_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feed_user_key").on(t.userId), uniqueIndex("calendar_feed_secret_key").on(t.secretHash)],
);

/** An expense or card statement imported to discover software bought outside the catalog. */
export const expenseImports = pgTable(
  "expense_import",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    fileName: text("file_name").notNull(),
    importedById: uuid("imported_by_id")
      .notNull()
      .references(() => users.id),
    lineCount: integer("line_count").notNull(),
    matchedCount: integer("matched_count").notNull(),
    firstDate: date("first_date", { mode: "string" }),
    lastDate: date("last_date", { mode: "string" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("expense_import_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** One line of an imported statement, with the catalog tool it matched (if any) and its normalised merchant. */
export const expenseLines = pgTable(
  "expense_line",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    importId: uuid("import_id")
      .notNull()
      .references(() => expenseImports.id),
    line: integer("line").notNull(),
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    merchantKey: text("merchant_key").notNull(),
    amount: numeric("amount", { precision: 15, scale: 2 }).notNull(),
    currency: text("currency").notNull(),
    department: text("department").notNull().default(""),
    employee: text("employee").notNull().default(""),
    toolId: uuid("tool_id").references(() => tools.id),
    matchScore: real("match_score"),
    softwareLike: boolean("software_like").notNull().default(false),
  },
  (t) => [
    index("expense_line_workspace_merchant_idx").on(t.workspaceId, t.merchantKey),
    index("expense_line_import_idx").on(t.importId),
    index("expense_line_tool_idx").on(t.toolId),
  ],
);

/** A merchant someone decided is not a software tool: it is no longer proposed. */
export const discoveryDismissals = pgTable(
  "discovery_dismissal",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    merchantKey: text("merchant_key").notNull(),
    dismissedById: uuid("dismissed_by_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull().default(""),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("discovery_dismissal_key").on(t.workspaceId, t.merchantKey)],
);

/** A workspace's own subcategories per top category (the built-in taxonomy until an admin edits it). */
export const stackTaxonomies = pgTable("stack_taxonomy", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  subcategories: jsonb("subcategories").$type<Record<StackCategory, string[]>>().notNull(),
  ...timestamps(),
  version: version(),
});
