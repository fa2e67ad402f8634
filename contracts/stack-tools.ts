import { z } from "zod";
import { editableFields, Id, ListQuery, PlanDate, page, sortParam, Timestamp, Version } from "./common";
import { StackCategory } from "./stack-taxonomy";

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
