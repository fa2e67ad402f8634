// IT's service levels: working calendars, the targets per priority class and the report.
import { z } from "zod";
import { editableFields, Id, Version } from "./common";
import { PipelineLimits, Priority, RequestType } from "./pipeline-request";
import { CalendarDate } from "./stack";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time like 09:00" });

export const CalendarFields = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(80),
  timeZone: z.string().trim().min(1, { error: "is required" }).max(64),
  workingDays: z.array(z.number().int().min(1).max(7)).min(1, { error: "needs at least one day" }).max(7),
  workingHours: z.strictObject({ start: clockTime, end: clockTime }),
  holidays: z.array(CalendarDate).max(PipelineLimits.holidaysMax).default([]),
});
export const CreateCalendarBody = CalendarFields.extend({ isDefault: z.boolean().default(false) });
export const UpdateCalendarBody = z.strictObject({
  version: Version,
  ...editableFields(CalendarFields.shape),
  isDefault: z.literal(true).optional(),
});
export const WorkCalendar = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  workingDays: z.array(z.number().int()),
  workingHours: z.object({ start: z.string(), end: z.string() }),
  holidays: z.array(z.string()),
  isDefault: z.boolean(),
  version: Version,
});
export type WorkCalendar = z.infer<typeof WorkCalendar>;
export const CalendarList = z.object({ items: z.array(WorkCalendar) });

const targetMinutes = z.number().int().min(1).max(10_000_000);
export const SlaPolicy = z.object({
  priority: Priority,
  calendarId: Id,
  firstResponseMinutes: z.number().int(),
  decisionMinutes: z.number().int(),
  deliveryMinutes: z.number().int(),
  version: Version,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export const SlaPolicyList = z.object({ items: z.array(SlaPolicy) });
export const UpdateSlaPolicyBody = z.strictObject({
  calendarId: Id.optional(),
  firstResponseMinutes: targetMinutes.optional(),
  decisionMinutes: targetMinutes.optional(),
  deliveryMinutes: targetMinutes.optional(),
  version: Version,
});
export const PriorityParams = z.object({ priority: Priority });

export const SlaReportQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  type: RequestType.optional(),
});
export type SlaReportQuery = z.infer<typeof SlaReportQuery>;
const Share = z.object({ total: z.number().int(), met: z.number().int(), share: z.number().nullable() });
/** The share of requests within their service-level targets a workspace aims for, in percent (the charts' goal line). */
export const SlaGoal = z.number().int().min(1).max(100);
export const SlaReport = z.object({
  from: z.string(),
  to: z.string(),
  /** The workspace's goal for the share within target, in percent (pipeline settings). */
  goal: SlaGoal,
  byClass: z.array(
    z.object({
      priority: Priority,
      firstResponse: Share,
      decision: Share,
      delivery: Share,
    }),
  ),
  overall: z.object({ firstResponse: Share, decision: Share, delivery: Share }),
  /** Business hours from submission to decision. */
  timeToDecision: z.object({ median: z.number().nullable(), p90: z.number().nullable(), count: z.number().int() }),
  trend: z.array(
    z.object({
      month: z.string(),
      submitted: z.number().int(),
      firstResponseShare: z.number().nullable(),
      decisionShare: z.number().nullable(),
      deliveryShare: z.number().nullable(),
      medianDecisionHours: z.number().nullable(),
    }),
  ),
  open: z.object({ total: z.number().int(), breached: z.number().int(), waitingOnRequester: z.number().int() }),
});
export type SlaReport = z.infer<typeof SlaReport>;
