// IT's service levels: working calendars, targets per priority class and the report.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
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
} from "#contracts/pipeline";
import { ctxOf } from "../../plugins/request-context";
import {
  createCalendar,
  editCalendar,
  editSlaPolicy,
  listSlaPolicies,
  listWorkspaceCalendars,
  slaReport,
} from "./sla.service";

const _tags = ["pipeline"];

/** Service levels: calendars, targets and the report. */
export const serviceLevelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/calendars",
    { schema: { tags: ["service levels"], summary: "Working calendars", response: { 200: CalendarList } } },
    async (request) => listWorkspaceCalendars(ctxOf(request)),
  );

  app.post(
    "/calendars",
    {
      schema: {
        tags: ["service levels"],
        summary: "Add a working calendar",
        body: CreateCalendarBody,
        response: { 201: WorkCalendar },
      },
    },
    async (request, reply) => reply.status(201).send(await createCalendar(ctxOf(request), request.body)),
  );

  app.patch(
    "/calendars/:id",
    {
      schema: {
        tags: ["service levels"],
        summary: "Edit a working calendar (open clocks are recounted)",
        params: IdParams,
        body: UpdateCalendarBody,
        response: { 200: WorkCalendar },
      },
    },
    async (request) => editCalendar(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/sla/policies",
    {
      schema: {
        tags: ["service levels"],
        summary: "Service-level targets per priority class",
        response: { 200: SlaPolicyList },
      },
    },
    async (request) => listSlaPolicies(ctxOf(request)),
  );

  app.patch(
    "/sla/policies/:priority",
    {
      schema: {
        tags: ["service levels"],
        summary: "Change a priority class's targets (open clocks are recounted)",
        params: PriorityParams,
        body: UpdateSlaPolicyBody,
        response: { 200: SlaPolicy },
      },
    },
    async (request) => editSlaPolicy(ctxOf(request), request.params.priority, request.body),
  );

  app.get(
    "/sla/report",
    {
      schema: {
        tags: ["service levels"],
        summary: "Within-target shares, time to decision and the monthly trend",
        querystring: SlaReportQuery,
        response: { 200: SlaReport },
      },
    },
    async (request) => slaReport(ctxOf(request), request.query),
  );
};
