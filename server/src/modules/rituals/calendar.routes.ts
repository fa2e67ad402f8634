import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ritualsCalendarApi } from "#contracts/api/rituals-calendar";
import { AppError } from "../../errors";
import { routeOf } from "../../lib/route";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { getMeetingInvite, getSeriesCalendar, renderPersonCalendar } from "./calendar.service";
import { getMeetingMinutes } from "./minutes.service";

const CALENDAR = "text/calendar; charset=utf-8";

/** The calendar side of Rituals: an occurrence's invite, a series' calendar, the person's feed, and the minutes. */
export const ritualsCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = () => app.publicUrl ?? null;

  app.route({
    ...routeOf(ritualsCalendarApi.meetingInvite),
    handler: async (request, reply) => {
      const ics = await getMeetingInvite(ctxOf(request), request.params.id, publicUrl());
      return reply
        .header("content-type", CALENDAR)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="invite.ics"')
        .send(ics);
    },
  });

  app.route({
    ...routeOf(ritualsCalendarApi.seriesCalendar),
    handler: async (request, reply) => {
      const ics = await getSeriesCalendar(ctxOf(request), request.params.id, publicUrl());
      return reply
        .header("content-type", CALENDAR)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="series.ics"')
        .send(ics);
    },
  });

  app.route({
    ...routeOf(ritualsCalendarApi.minutes),
    handler: async (request) => getMeetingMinutes(ctxOf(request), request.params.id, publicUrl()),
  });

  app.route({
    ...routeOf(ritualsCalendarApi.personCalendar),
    config: { access: "public" },
    handler: async (request, reply) => {
      const { database, now } = publicCtxOf(request);
      const feed = await renderPersonCalendar(database, request.query.key, now, publicUrl());
      if (feed === null) {
        throw new AppError("not_found", "This calendar address is not valid (it may have been replaced or revoked)");
      }
      return reply
        .header("content-type", CALENDAR)
        .header("cache-control", "no-store")
        .header("content-disposition", 'inline; filename="tandem.ics"')
        .send(feed);
    },
  });
};
