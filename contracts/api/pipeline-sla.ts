import { IdParams } from "../common";
import {
  CalendarList,
  CreateCalendarBody,
  PriorityParams,
  SlaPolicy,
  SlaPolicyList,
  SlaReport,
  SlaReportQuery,
  UpdateCalendarBody,
  UpdateSlaPolicyBody,
  WorkCalendar,
} from "../pipeline";
import { defineRoute } from "../route";

const tags = ["service levels"];

/** IT's service levels: working calendars, targets per priority class and the report. */
export const serviceLevelsApi = {
  calendars: defineRoute({
    method: "GET",
    path: "/calendars",
    tags,
    summary: "Working calendars",
    response: { 200: CalendarList },
  }),
  createCalendar: defineRoute({
    method: "POST",
    path: "/calendars",
    tags,
    summary: "Add a working calendar",
    body: CreateCalendarBody,
    response: { 201: WorkCalendar },
  }),
  updateCalendar: defineRoute({
    method: "PATCH",
    path: "/calendars/:id",
    tags,
    summary: "Edit a working calendar (open clocks are recounted)",
    params: IdParams,
    body: UpdateCalendarBody,
    response: { 200: WorkCalendar },
  }),
  policies: defineRoute({
    method: "GET",
    path: "/sla/policies",
    tags,
    summary: "Service-level targets per priority class",
    response: { 200: SlaPolicyList },
  }),
  updatePolicy: defineRoute({
    method: "PATCH",
    path: "/sla/policies/:priority",
    tags,
    summary: "Change a priority class's targets (open clocks are recounted)",
    params: PriorityParams,
    body: UpdateSlaPolicyBody,
    response: { 200: SlaPolicy },
  }),
  report: defineRoute({
    method: "GET",
    path: "/sla/report",
    tags,
    summary: "Within-target shares, time to decision and the monthly trend",
    query: SlaReportQuery,
    response: { 200: SlaReport },
  }),
};
