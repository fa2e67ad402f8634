// IT's service levels: working calendars, targets per priority class and the report.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceLevelsApi } from "#contracts/api/pipeline-sla";
import { routeOf } from "../../lib/route";
import { ctxOf } from "../../plugins/request-context";
import { presentCalendar, presentPolicy } from "./pipeline.presenter";
import { slaReport } from "./sla.service";
import {
  createCalendar,
  editCalendar,
  editSlaPolicy,
  listSlaPolicies,
  listWorkspaceCalendars,
} from "./sla-settings.service";

/** Service levels: calendars, targets and the report. */
export const serviceLevelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(serviceLevelsApi.calendars),
    handler: async (request) => ({ items: (await listWorkspaceCalendars(ctxOf(request))).map(presentCalendar) }),
  });

  app.route({
    ...routeOf(serviceLevelsApi.createCalendar),
    handler: async (request, reply) =>
      reply.status(201).send(presentCalendar(await createCalendar(ctxOf(request), request.body))),
  });

  app.route({
    ...routeOf(serviceLevelsApi.updateCalendar),
    handler: async (request) => presentCalendar(await editCalendar(ctxOf(request), request.params.id, request.body)),
  });

  app.route({
    ...routeOf(serviceLevelsApi.policies),
    handler: async (request) => ({ items: (await listSlaPolicies(ctxOf(request))).map(presentPolicy) }),
  });

  app.route({
    ...routeOf(serviceLevelsApi.updatePolicy),
    handler: async (request) =>
      presentPolicy(await editSlaPolicy(ctxOf(request), request.params.priority, request.body)),
  });

  app.route({
    ...routeOf(serviceLevelsApi.report),
    handler: async (request) => slaReport(ctxOf(request), request.query),
  });
};
