import { z } from "zod";
import { Id, ListQuery, page, sortParam, Timestamp, Version } from "./common";

/** Limits shared by forms and the server. */
export const StackLimits = {
  nameMax: 120,
  vendorMax: 120,
  textMax: 4000,
  tagMax: 60,
  tagsMax: 40,
  noticeDaysMax: 730,
  seatsMax: 10_000_000,
} as const;

/**
 * The built-in martech taxonomy: six top categories (after the marketing technology landscape's
 * standard grouping), each with its usual subcategories. Workspaces may use their own subcategories.
 */
export const STACK_TAXONOMY = {
  advertising: {
    label: "Advertising & promotion",
    subcategories: [
      "Display & programmatic",
      "Search & social advertising",
      "Native & content advertising",
      "Video advertising",
      "Print",
      "Public relations",
    ],
  },
  content: {
    label: "Content & experience",
    subcategories: [
      "Web experience & CMS",
      "Email marketing",
      "Marketing automation",
      "Personalization & testing",
      "Digital asset management",
      "SEO",
      "Interactive content",
      "Video marketing",
      "Mobile apps",
    ],
  },
  social: {
    label: "Social & relationships",
    subcategories: [
      "CRM",
      "Account-based marketing",
      "Social media management",
      "Events & webinars",
      "Advocacy, loyalty & referrals",
      "Feedback & chat",
      "Community & reviews",
      "Call analytics",
    ],
  },
  commerce: {
    label: "Commerce & sales",
    subcategories: [
      "E-commerce platforms",
      "E-commerce marketing",
      "Affiliate marketing",
      "Channel & partner marketing",
      "Sales enablement",
      "Retail & proximity",
    ],
  },
  data: {
    label: "Data",
    subcategories: [
      "Customer data platform",
      "Marketing analytics & attribution",
      "Web & mobile analytics",
      "Dashboards & visualization",
      "Data integration & tag management",
      "Audience data & enrichment",
      "Governance, compliance & privacy",
      "Business intelligence & data science",
    ],
  },
  management: {
    label: "Management",
    subcategories: [
      "Collaboration",
      "Projects & workflow",
      "Budgeting & finance",
      "Product management",
      "Talent management",
      "Vendor management",
    ],
  },
} as const;

/** One of the six top categories. */
export const StackCategory = z.enum(["advertising", "content", "social", "commerce", "data", "management"]);
export type StackCategory = z.infer<typeof StackCategory>;

/** Where a tool is in its life. */
export const Lifecycle = z.enum(["plan", "phase_in", "active", "phase_out", "retired"]);
export type Lifecycle = z.infer<typeof Lifecycle>;

/** Gartner's TIME: what to do with a tool given its functional and technical fit. */
export const TimeClass = z.enum(["tolerate", "invest", "migrate", "eliminate"]);
export type TimeClass = z.infer<typeof TimeClass>;

/** Whether IT and marketing stand behind a tool. */
export const ToolStatus = z.enum(["sanctioned", "under_review", "shadow"]);
export type ToolStatus = z.infer<typeof ToolStatus>;

/** The kinds of data a tool handles. */
export const DataClass = z.enum(["none", "personal", "sensitive_personal", "payment", "confidential"]);
export type DataClass = z.infer<typeof DataClass>;

/** How two tools exchange data. */
export const IntegrationMethod = z.enum(["native", "api", "ipaas", "file", "manual"]);
export type IntegrationMethod = z.infer<typeof IntegrationMethod>;

/** Which way data moves between the two tools of an integration. */
export const IntegrationDirection = z.enum(["one_way", "two_way"]);

/** An ISO-4217 currency code. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, { error: "must be a three-letter currency code like EUR" });

/** Money as a decimal string and its currency. */
export const Money = z.object({
  amount: z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "must be a non-negative amount like 12345.67" }),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** A calendar date (YYYY-MM-DD). */
export const CalendarDate = z.iso.date({ error: "must be a date like 2026-03-01" });

/** A fit score from 1 (poor) to 5 (excellent). */
export const FitScore = z.number().int().min(1).max(5);

const tag = z.string().trim().min(1).max(StackLimits.tagMax);

/** The editable fields of a tool, as created. */
export const ToolFields = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(StackLimits.nameMax),
  vendor: z.string().trim().max(StackLimits.vendorMax).default(""),
  description: z.string().trim().max(StackLimits.textMax).default(""),
  url: z.url().max(500).nullable().default(null),
  category: StackCategory,
  subcategory: z.string().trim().min(1, { error: "is required" }).max(80),
  capabilities: z.array(tag).max(StackLimits.tagsMax).default([]),
  status: ToolStatus.default("under_review"),
  lifecycle: Lifecycle.default("plan"),
  lifecycleDates: z
    .strictObject({
      phaseIn: CalendarDate.nullable().default(null),
      active: CalendarDate.nullable().default(null),
      phaseOut: CalendarDate.nullable().default(null),
      retired: CalendarDate.nullable().default(null),
    })
    .default({ phaseIn: null, active: null, phaseOut: null, retired: null }),
  businessOwnerId: Id.nullable().default(null),
  technicalOwnerId: Id.nullable().default(null),
  functionalFit: FitScore.nullable().default(null),
  technicalFit: FitScore.nullable().default(null),
  annualCost: Money.nullable().default(null),
  seatsBought: z.number().int().min(0).max(StackLimits.seatsMax).nullable().default(null),
  seatsUsed: z
    .number()
    .int()
    .min(0, { error: "cannot be negative" })
    .max(StackLimits.seatsMax)
    .nullable()
    .default(null),
  contractStart: CalendarDate.nullable().default(null),
  renewalDate: CalendarDate.nullable().default(null),
  noticeDays: z.number().int().min(0).max(StackLimits.noticeDaysMax).nullable().default(null),
  autoRenew: z.boolean().default(false),
  dataClasses: z.array(DataClass).max(5).default([]),
  sso: z.boolean().default(false),
  dpaSigned: z.boolean().default(false),
  securityReviewDate: CalendarDate.nullable().default(null),
  securityReviewExpiry: CalendarDate.nullable().default(null),
  certifications: z.array(tag).max(StackLimits.tagsMax).default([]),
  hostingRegion: z.string().trim().max(60).default(""),
});
export type ToolFields = z.infer<typeof ToolFields>;
