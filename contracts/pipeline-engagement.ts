// Who does what and how the backlog is scored: comments, the rules of engagement (RACI templates), a request's
// RACI and the scoring settings.
import { z } from "zod";
import { Id, Timestamp, Version, VersionOrDefault } from "./common";
import { PipelineLimits, RaciRole, RequestType } from "./pipeline-request";
import { SlaGoal } from "./pipeline-sla";

const PersonRef = z.object({ id: Id, name: z.string() });

export const CreateCommentBody = z.strictObject({
  body: z.string().trim().min(1, { error: "is required" }).max(PipelineLimits.commentMax),
  mentions: z.array(Id).max(20).default([]),
});
export const RequestComment = z.object({
  id: Id,
  author: PersonRef,
  body: z.string(),
  mentions: z.array(PersonRef),
  createdAt: Timestamp,
});
export const CommentList = z.object({ items: z.array(RequestComment) });

/** Who a template's activity names: a team of a kind, or a person of the request. */
export const RaciAssignee = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("team"), teamKind: z.enum(["marketing", "it", "security", "legal", "finance"]) }),
  z.strictObject({ kind: z.literal("requester") }),
  z.strictObject({ kind: z.literal("sponsor") }),
  z.strictObject({ kind: z.literal("it_partner") }),
]);
export type RaciAssignee = z.infer<typeof RaciAssignee>;

export const RaciTemplateActivity = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(PipelineLimits.activityNameMax),
  assignments: z
    .array(
      z.strictObject({
        role: RaciRole,
        assignee: RaciAssignee,
        /** Only when the request's cost estimate is above this amount. */
        costAbove: z.number().min(0).nullable().default(null),
      }),
    )
    .min(1)
    .max(12),
});
export type RaciTemplateActivity = z.infer<typeof RaciTemplateActivity>;

export const RaciTemplate = z.object({
  requestType: RequestType,
  activities: z.array(RaciTemplateActivity),
  version: z.number().int(),
  isDefault: z.boolean(),
});
export type RaciTemplate = z.infer<typeof RaciTemplate>;
export const RaciTemplateList = z.object({ items: z.array(RaciTemplate) });
export const UpdateRaciTemplateBody = z.strictObject({
  activities: z.array(RaciTemplateActivity).min(1).max(PipelineLimits.activitiesMax),
  /** The version read; 0 when the template was still the built-in default. */
  version: VersionOrDefault,
});

/** Replaces a request's who-does-what. */
export const UpdateRaciBody = z.strictObject({
  version: Version,
  rows: z
    .array(
      z.strictObject({
        activity: z.string().trim().min(1, { error: "is required" }).max(PipelineLimits.activityNameMax),
        role: RaciRole,
        teamId: Id.nullable().default(null),
        userId: Id.nullable().default(null),
      }),
    )
    .max(200),
});
export type UpdateRaciBody = z.infer<typeof UpdateRaciBody>;

/** The backlog's scoring formula. */
export const ScoringPreset = z.enum(["rice", "wsjf", "weighted"]);
export const Scoring = z.strictObject({
  preset: ScoringPreset,
  /** Weights of the weighted preset; ignored by RICE and WSJF. */
  weights: z
    .strictObject({
      value: z.number().min(0).max(10),
      urgency: z.number().min(0).max(10),
      risk: z.number().min(0).max(10),
      confidence: z.number().min(0).max(10),
      effort: z.number().min(0).max(10),
    })
    .default({ value: 3, urgency: 2, risk: 1, confidence: 1, effort: 2 }),
});
export type Scoring = z.infer<typeof Scoring>;
export const PipelineSettings = z.object({
  scoring: Scoring,
  formula: z.string(),
  slaGoal: SlaGoal,
  version: z.number().int(),
});
/** `slaGoal` left out keeps the current goal. */
export const UpdatePipelineSettingsBody = z.strictObject({
  scoring: Scoring,
  slaGoal: SlaGoal.optional(),
  version: VersionOrDefault,
});
