import { z } from "zod";
import {
  editableFields,
  Id,
  ListQuery,
  PlanDate,
  page,
  sortParam,
  Timestamp,
  Version,
  VersionOrDefault,
} from "./common";

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

/** A calendar date (YYYY-MM-DD) in a plan or a record: from 1970 to 2100. */
export const CalendarDate = PlanDate;

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

/** Creates a tool. */
export const CreateToolBody = ToolFields;
export type CreateToolBody = z.infer<typeof CreateToolBody>;

/** Edits a tool: any of its fields, with the version it was read at. */
export const UpdateToolBody = z.strictObject({ version: Version, ...editableFields(ToolFields.shape) });
export type UpdateToolBody = z.infer<typeof UpdateToolBody>;

const PersonRef = z.object({ id: Id, name: z.string(), status: z.enum(["active", "deactivated"]) });

/**
 * A compliance finding as the API shows it: a gap (breaks a rule), a warning, or unknown (something that must be
 * recorded before anyone can say the tool is compliant).
 */
export const ComplianceGap = z.object({
  code: z.string(),
  severity: z.enum(["gap", "warning", "unknown"]),
  message: z.string(),
});

/** A tool's compliance: compliant, unknown (data or owners not recorded), at risk (warnings) or non-compliant. */
export const ComplianceStatus = z.enum(["compliant", "unknown", "at_risk", "non_compliant"]);
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

/** A tool as the API shows it, with what Tandem computes about it. */
export const Tool = z.object({
  id: Id,
  name: z.string(),
  vendor: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  category: StackCategory,
  subcategory: z.string(),
  capabilities: z.array(z.string()),
  status: ToolStatus,
  lifecycle: Lifecycle,
  lifecycleDates: z.object({
    phaseIn: z.string().nullable(),
    active: z.string().nullable(),
    phaseOut: z.string().nullable(),
    retired: z.string().nullable(),
  }),
  businessOwner: PersonRef.nullable(),
  technicalOwner: PersonRef.nullable(),
  functionalFit: z.number().int().nullable(),
  technicalFit: z.number().int().nullable(),
  timeClass: TimeClass.nullable(),
  annualCost: Money.nullable(),
  seatsBought: z.number().int().nullable(),
  seatsUsed: z.number().int().nullable(),
  utilisation: z.number().nullable(),
  contractStart: z.string().nullable(),
  renewalDate: z.string().nullable(),
  noticeDays: z.number().int().nullable(),
  cancelBy: z.string().nullable(),
  autoRenew: z.boolean(),
  dataClasses: z.array(DataClass),
  sso: z.boolean(),
  dpaSigned: z.boolean(),
  securityReviewDate: z.string().nullable(),
  securityReviewExpiry: z.string().nullable(),
  certifications: z.array(z.string()),
  hostingRegion: z.string(),
  compliance: z.object({ status: ComplianceStatus, gaps: z.array(ComplianceGap) }),
  ownershipGaps: z.array(z.string()),
  archived: z.boolean(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Tool = z.infer<typeof Tool>;

export const ToolList = page(Tool);
export const ToolListQuery = ListQuery.extend({
  sort: sortParam(["name", "updatedAt"], "name"),
  category: StackCategory.optional(),
  status: ToolStatus.optional(),
  lifecycle: Lifecycle.optional(),
  /** `true` lists archived tools instead of live ones. */
  archived: z.enum(["true", "false"]).default("false"),
  /** Only tools that need an owner. */
  needsOwner: z.enum(["true", "false"]).optional(),
});
export type ToolListQuery = z.infer<typeof ToolListQuery>;

/** Creates an integration between two tools. */
export const CreateIntegrationBody = z.strictObject({
  fromToolId: Id,
  toToolId: Id,
  dataObjects: z.array(tag).max(StackLimits.tagsMax).default([]),
  method: IntegrationMethod,
  direction: IntegrationDirection.default("one_way"),
  ownerId: Id.nullable().default(null),
  description: z.string().trim().max(StackLimits.textMax).default(""),
});
export type CreateIntegrationBody = z.infer<typeof CreateIntegrationBody>;

/** Edits an integration. */
export const UpdateIntegrationBody = z.strictObject({
  version: Version,
  dataObjects: z.array(tag).max(StackLimits.tagsMax).optional(),
  method: IntegrationMethod.optional(),
  direction: IntegrationDirection.optional(),
  ownerId: Id.nullable().optional(),
  description: z.string().trim().max(StackLimits.textMax).optional(),
});
export type UpdateIntegrationBody = z.infer<typeof UpdateIntegrationBody>;

/** An integration as the API shows it. */
export const Integration = z.object({
  id: Id,
  from: z.object({ id: Id, name: z.string() }),
  to: z.object({ id: Id, name: z.string() }),
  dataObjects: z.array(z.string()),
  method: IntegrationMethod,
  direction: IntegrationDirection,
  owner: z.object({ id: Id, name: z.string() }).nullable(),
  description: z.string(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Integration = z.infer<typeof Integration>;

export const IntegrationList = page(Integration);
export const IntegrationListQuery = ListQuery.extend({
  sort: sortParam(["createdAt"], "createdAt"),
  toolId: Id.optional(),
});
export type IntegrationListQuery = z.infer<typeof IntegrationListQuery>;

/** Tools of one subcategory sharing capabilities. */
export const OverlapGroup = z.object({
  category: StackCategory,
  subcategory: z.string(),
  sharedCapabilities: z.array(z.string()),
  tools: z.array(
    z.object({
      id: Id,
      name: z.string(),
      status: ToolStatus,
      annualCost: Money.nullable(),
      utilisation: z.number().nullable(),
    }),
  ),
  annualCost: z.array(Money),
  seatsBought: z.number().int(),
  seatsUsed: z.number().int(),
  utilisation: z.number().nullable(),
});
export const OverlapList = z.object({ items: z.array(OverlapGroup) });

/** A contract coming up for renewal. */
export const Renewal = z.object({
  tool: z.object({ id: Id, name: z.string(), vendor: z.string() }),
  renewalDate: z.string(),
  cancelBy: z.string(),
  daysToCancelBy: z.number().int(),
  noticeDays: z.number().int().nullable(),
  autoRenew: z.boolean(),
  annualCost: Money.nullable(),
  businessOwner: z.object({ id: Id, name: z.string() }).nullable(),
  technicalOwner: z.object({ id: Id, name: z.string() }).nullable(),
  reminderDates: z.array(z.string()),
});
export type Renewal = z.infer<typeof Renewal>;
export const RenewalList = z.object({ items: z.array(Renewal) });
export const RenewalQuery = z.object({
  /** Renewals whose cancel-by date falls within this many days (default 365); past ones are included from 30 days back. */
  withinDays: z.coerce.number().int().min(1).max(1095).default(365),
});

/** The workspace's compliance at a glance. */
export const ComplianceSummary = z.object({
  counts: z.object({
    compliant: z.number().int(),
    unknown: z.number().int(),
    atRisk: z.number().int(),
    nonCompliant: z.number().int(),
  }),
  tools: z.array(
    z.object({
      tool: z.object({ id: Id, name: z.string() }),
      status: ComplianceStatus,
      gaps: z.array(ComplianceGap),
      ownershipGaps: z.array(z.string()),
    }),
  ),
});

/** What the graph draws of a tool: its name, kind, status, data and compliance (the page has the rest). */
export const GraphTool = z.object({
  id: Id,
  name: z.string(),
  category: StackCategory,
  status: ToolStatus,
  lifecycle: Lifecycle,
  dataClasses: z.array(DataClass),
  compliance: z.object({
    status: ComplianceStatus,
    gaps: z.array(z.object({ message: z.string() })),
  }),
});
export type GraphTool = z.infer<typeof GraphTool>;

/** What the graph draws of an integration: which way data goes between two tools. */
export const GraphIntegration = z.object({
  id: Id,
  from: z.object({ id: Id }),
  to: z.object({ id: Id }),
  direction: IntegrationDirection,
});
export type GraphIntegration = z.infer<typeof GraphIntegration>;

/**
 * The whole live stack in one answer, for the integration graph: every live tool and every integration between
 * them, with only the fields the graph draws (a 5,000-tool stack stays a few megabytes).
 */
export const StackGraph = z.object({ tools: z.array(GraphTool), integrations: z.array(GraphIntegration) });

/** The martech taxonomy offered by the API. */
export const Taxonomy = z.object({
  categories: z.array(z.object({ key: StackCategory, label: z.string(), subcategories: z.array(z.string()) })),
  /** Whether the workspace edited it (false: the built-in taxonomy). */
  isCustom: z.boolean(),
  /** The version to send with an edit; 0 for the built-in taxonomy. */
  version: z.number().int(),
});

const subcategoryList = z
  .array(z.string().trim().min(1, { error: "is empty" }).max(80))
  .min(1, { error: "needs at least one subcategory" })
  .max(40)
  .refine((list) => new Set(list.map((item) => item.toLowerCase())).size === list.length, {
    error: "lists a subcategory twice",
  });

/** Replaces the workspace's subcategories (the six top categories stay). */
export const UpdateTaxonomyBody = z.strictObject({
  subcategories: z.strictObject({
    advertising: subcategoryList,
    content: subcategoryList,
    social: subcategoryList,
    commerce: subcategoryList,
    data: subcategoryList,
    management: subcategoryList,
  }),
  version: VersionOrDefault,
});
export type UpdateTaxonomyBody = z.infer<typeof UpdateTaxonomyBody>;

/** The signed-in person's calendar feed of renewals. */
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: Timestamp.nullable() });
/**
 * A new feed address, shown once: `path` carries the renewals; `calendarPath` (the same secret) the renewals and the
 * person's meetings (Rituals), one calendar to subscribe to.
 */
export const CalendarFeedCreated = z.object({ path: z.string(), calendarPath: z.string(), createdAt: Timestamp });
export const CalendarFeedQuery = z.object({ key: z.string().min(1).max(200) });

/** A catalog file to check (dry run) or import. */
export const ImportToolsBody = z.strictObject({
  csv: z
    .string()
    .min(1, { error: "is empty" })
    .max(4 * 1024 * 1024),
  dryRun: z.boolean().default(true),
  /** Import the good lines and skip the bad ones (each still reported); by default a bad line imports nothing. */
  onlyValid: z.boolean().default(false),
});
/** What an import did (or, in a dry run, would do), with every problem by line and column. */
export const ImportToolsResult = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  lines: z.array(z.object({ line: z.number().int(), action: z.enum(["create", "update"]), name: z.string() })),
  /** The first 1,000 problems, by line. */
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  /** How many problems the file has in all. */
  errorCount: z.number().int(),
});
export type ImportToolsResult = z.infer<typeof ImportToolsResult>;
export const ToolExportQuery = ToolListQuery.omit({ cursor: true, limit: true });

/** An expense or card statement to check (dry run) or import for shadow-IT discovery. */
export const ImportExpensesBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default("statement.csv"),
  csv: z
    .string()
    .min(1, { error: "is empty" })
    .max(16 * 1024 * 1024),
  /** dry_run: check and match, write nothing; import: all lines or none; import_valid: skip the bad lines. */
  mode: z.enum(["dry_run", "import", "import_valid"]).default("dry_run"),
});
export const ImportExpensesResult = z.object({
  mode: z.enum(["dry_run", "import", "import_valid"]),
  imported: z.boolean(),
  importId: Id.nullable(),
  lines: z.number().int(),
  matchedLines: z.number().int(),
  candidates: z.number().int(),
  /** The first 1,000 problems, by line. */
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  /** How many problems the file has in all. */
  errorCount: z.number().int(),
});
export type ImportExpensesResult = z.infer<typeof ImportExpensesResult>;
export const ExpenseImportList = z.object({
  items: z.array(
    z.object({
      id: Id,
      fileName: z.string(),
      importedBy: z.object({ id: Id, name: z.string() }),
      lines: z.number().int(),
      matchedLines: z.number().int(),
      firstDate: z.string().nullable(),
      lastDate: z.string().nullable(),
      createdAt: Timestamp,
    }),
  ),
});
/** A software-like merchant of the statements that is in no catalog tool: a shadow-IT candidate. */
export const ShadowCandidate = z.object({
  merchantKey: z.string(),
  label: z.string(),
  example: z.string(),
  lines: z.number().int(),
  months: z.number().int(),
  isRecurring: z.boolean(),
  employees: z.number().int(),
  departments: z.array(z.string()),
  firstDate: z.string(),
  lastDate: z.string(),
  spend: z.array(z.object({ currency: z.string(), total: z.string(), yearly: z.string() })),
});
export type ShadowCandidate = z.infer<typeof ShadowCandidate>;
export const ShadowCandidateList = z.object({ items: z.array(ShadowCandidate) });
export const AdoptCandidateBody = z.strictObject({
  merchantKey: z.string().min(1).max(200),
  name: z.string().trim().min(1, { error: "is required" }).max(StackLimits.nameMax),
  vendor: z.string().trim().max(StackLimits.vendorMax).default(""),
  category: StackCategory,
  subcategory: z.string().trim().min(1, { error: "is required" }).max(80),
});
export const AdoptCandidateResult = z.object({ toolId: Id, requestId: Id, requestNumber: z.number().int() });
export const DismissCandidateBody = z.strictObject({
  merchantKey: z.string().min(1).max(200),
  reason: z.string().trim().max(500).default(""),
});
