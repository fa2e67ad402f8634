import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
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
