// Customer segments and objectives.
import { z } from "zod";
import { editableFields, Id, ListQuery, page, Timestamp, Version } from "./common";
import { OwnerRef, ScorecardLimits } from "./scorecard-common";
import { CalendarDate } from "./stack";

/** The editable fields of a customer segment; priority 1 is the most important. */
export const SegmentFields = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(ScorecardLimits.segmentNameMax),
  description: z.string().trim().max(ScorecardLimits.textMax).default(""),
  priority: z.number().int().min(1).max(5).default(3),
});
/** Creates a customer segment. */
export const CreateSegmentBody = SegmentFields;
export type CreateSegmentBody = z.infer<typeof CreateSegmentBody>;
/** Edits a customer segment. */
export const UpdateSegmentBody = z.strictObject({ version: Version, ...editableFields(SegmentFields.shape) });
export type UpdateSegmentBody = z.infer<typeof UpdateSegmentBody>;

/** A customer segment as the API shows it. */
export const Segment = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  priority: z.number().int(),
  kpiCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Segment = z.infer<typeof Segment>;
/** Every segment of the workspace, most important first. */
export const SegmentList = z.object({ items: z.array(Segment) });

// ---------- objectives ----------

/** The editable fields of an objective. */
export const ObjectiveFields = z.strictObject({
  title: z.string().trim().min(1, { error: "is required" }).max(ScorecardLimits.titleMax),
  description: z.string().trim().max(ScorecardLimits.textMax).default(""),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  /** The owner on the marketing side: a person whose home team is a marketing team. */
  marketingOwnerId: Id.nullable().default(null),
  /** The owner on the IT side: a person whose home team is an IT team. */
  itOwnerId: Id.nullable().default(null),
  /** The company objective this one serves (one level of nesting). */
  parentId: Id.nullable().default(null),
});
/** Creates an objective. */
export const CreateObjectiveBody = ObjectiveFields;
export type CreateObjectiveBody = z.infer<typeof CreateObjectiveBody>;
/** Edits an objective: any of its fields, with the version it was read at. */
export const UpdateObjectiveBody = z.strictObject({ version: Version, ...editableFields(ObjectiveFields.shape) });
export type UpdateObjectiveBody = z.infer<typeof UpdateObjectiveBody>;

/** An objective as the API shows it; `shared` when both owners are present and each is on their side's team. */
export const Objective = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  marketingOwnerId: Id.nullable(),
  itOwnerId: Id.nullable(),
  marketingOwner: OwnerRef.nullable(),
  itOwner: OwnerRef.nullable(),
  parentId: Id.nullable(),
  shared: z.boolean(),
  /** Why it is not shared, in words ("no IT owner"), or null when shared. */
  notSharedReason: z.string().nullable(),
  kpiCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Objective = z.infer<typeof Objective>;

/** Filters of the objective list. */
export const ObjectiveListQuery = ListQuery.extend({
  /** Only objectives whose period contains this date. */
  activeOn: CalendarDate.optional(),
  shared: z.enum(["true", "false"]).optional(),
  parentId: Id.optional(),
});
export type ObjectiveListQuery = z.infer<typeof ObjectiveListQuery>;
/** A page of objectives, by period start then title. */
export const ObjectiveList = page(Objective);
