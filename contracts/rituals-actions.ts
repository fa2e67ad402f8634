import { z } from "zod";
import { Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";
import { RitualPerson, RitualSide, RitualsLimits } from "./rituals-core";

// Rituals: what meetings produce — outcomes and action items ("commitments") — and their completion per side.

// ---------- outcomes ----------

export const OutcomeType = z.enum(["decision", "information", "action_item"]);
export type OutcomeType = z.infer<typeof OutcomeType>;

export const ActionPriority = z.enum(["high", "medium", "low"]);
export type ActionPriority = z.infer<typeof ActionPriority>;

const summary = z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.textMax);

/**
 * Records an outcome of a meeting (optionally on one agenda item):
 * - `decision`: names the request of this workspace it decides and the reason;
 * - `information`: something the meeting learned;
 * - `action_item`: creates an action item (owner, due date not in the past, priority).
 */
export const CreateOutcomeBody = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("decision"),
    agendaItemId: Id.nullable().default(null),
    summary,
    requestId: Id,
    reason: z.string().trim().min(1, { error: "is required" }).max(RitualsLimits.reasonMax),
  }),
  z.strictObject({
    type: z.literal("information"),
    agendaItemId: Id.nullable().default(null),
    summary,
  }),
  z.strictObject({
    type: z.literal("action_item"),
    agendaItemId: Id.nullable().default(null),
    summary,
    ownerId: Id,
    dueDate: PlanDate,
    priority: ActionPriority.default("medium"),
  }),
]);
export type CreateOutcomeBody = z.infer<typeof CreateOutcomeBody>;

/** An outcome as the API shows it. */
export const Outcome = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  type: OutcomeType,
  summary: z.string(),
  /** A decision's request (title and link), or null. */
  request: z.object({ id: Id, title: z.string(), href: z.string() }).nullable(),
  reason: z.string().nullable(),
  /** An action item outcome's action item, or null. */
  actionItemId: Id.nullable(),
  createdBy: RitualPerson.nullable(),
  createdAt: Timestamp,
});
export type Outcome = z.infer<typeof Outcome>;
export const OutcomeList = z.object({ items: z.array(Outcome) });
export type OutcomeList = z.infer<typeof OutcomeList>;

// ---------- action items ----------

export const ActionItemStatus = z.enum(["open", "done"]);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

/** An action item ("commitment"): carried over to each next occurrence until done. */
export const ActionItem = z.object({
  id: Id,
  title: z.string(),
  owner: RitualPerson,
  /** The owner's side when the item was created. */
  side: RitualSide,
  dueDate: z.string(),
  priority: ActionPriority,
  status: ActionItemStatus,
  completedAt: Timestamp.nullable(),
  /** Open past its due date, or done after it. */
  late: z.boolean(),
  /** Open and due within the reminder window or overdue. */
  dueSoon: z.boolean(),
  sourceMeeting: z.object({ id: Id, title: z.string(), startsAt: Timestamp }).nullable(),
  /** How many later occurrences it has been carried over to. */
  carriedOverCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** Creates an action item outside a meeting (a meeting's come from its outcomes). */
export const CreateActionItemBody = z.strictObject({
  title: summary,
  ownerId: Id,
  dueDate: PlanDate,
  priority: ActionPriority.default("medium"),
  sourceMeetingId: Id.nullable().default(null),
});
export type CreateActionItemBody = z.infer<typeof CreateActionItemBody>;

/** Edits an action item: mark done (or reopen), move the due date (not into the past), reassign, reprioritise. */
export const UpdateActionItemBody = z.strictObject({
  version: Version,
  title: summary.optional(),
  ownerId: Id.optional(),
  dueDate: PlanDate.optional(),
  priority: ActionPriority.optional(),
  status: ActionItemStatus.optional(),
});
export type UpdateActionItemBody = z.infer<typeof UpdateActionItemBody>;

/** Query of the action items list; `owner=me` is "my commitments". Sorted by due date. */
export const ActionItemListQuery = ListQuery.extend({
  owner: z.union([z.literal("me"), Id]).optional(),
  status: z.enum(["open", "done", "all"]).default("open"),
  side: RitualSide.optional(),
  sourceMeetingId: Id.optional(),
  /** Only open items due on or before this date (overdue included). */
  dueBy: PlanDate.optional(),
});
export type ActionItemListQuery = z.infer<typeof ActionItemListQuery>;
export const ActionItemPage = page(ActionItem);
export type ActionItemPage = z.infer<typeof ActionItemPage>;

/** Completion per side over a window: the share of due action items done, and how many on time. */
export const SideCompletion = z.object({
  side: RitualSide,
  /** Action items due in the window. */
  due: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  /** done / due, 0–1, or null when nothing was due. */
  completionRate: z.number().nullable(),
});
export type SideCompletion = z.infer<typeof SideCompletion>;

/** The Rituals figures the Health module and the commitments page use. */
export const RitualsCompletion = z.object({
  from: z.string(),
  to: z.string(),
  meetingsHeld: z.number().int(),
  meetingsHeldWithBothSides: z.number().int(),
  sides: z.array(SideCompletion),
});
export type RitualsCompletion = z.infer<typeof RitualsCompletion>;
/** Query of the completion figures: a date window (default: the last 90 days up to today). */
export const CompletionQuery = z.object({ from: PlanDate.optional(), to: PlanDate.optional() });
export type CompletionQuery = z.infer<typeof CompletionQuery>;
