import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "#contracts/common";
import { MeetingMinutes } from "#contracts/minutes";
import { CalendarFeedQuery } from "#contracts/stack";
import { AppError } from "../../errors";
import { ctxOf, publicCtxOf } from "../../plugins/request-context";
import { getMeetingInvite, getSeriesCalendar, renderPersonCalendar } from "./calendar.service";
import { getMeetingMinutes } from "./minutes.service";

const tags = ["rituals"];
const CALENDAR = "text/calendar; charset=utf-8";

/** The calendar side of Rituals: an occurrence's invite, a series' calendar, the person's feed, and the minutes. */
export const ritualsCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = () => app.publicUrl ?? null;

  app.get(
    "/meetings/:id/invite.ics",
    {
      schema: {
        tags,
        summary: "An occurrence's invite (METHOD:REQUEST, or METHOD:CANCEL once cancelled)",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const ics = await getMeetingInvite(ctxOf(request), request.params.id, publicUrl());
      return reply
        .header("content-type", CALENDAR)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="invite.ics"')
        .send(ics);
    },
  );

  app.get(
    "/meeting-series/:id/calendar.ics",
    {
      schema: {
        tags,
        summary: "A series as one recurring event (RRULE in its time zone)",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const ics = await getSeriesCalendar(ctxOf(request), request.params.id, publicUrl());
      return reply
        .header("content-type", CALENDAR)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="series.ics"')
        .send(ics);
    },
  );

  app.get(
    "/meetings/:id/minutes",
    {
      schema: {
        tags,
        summary: "A meeting's minutes: decisions with reasons, action items, information, notes and links",
        params: IdParams,
        response: { 200: MeetingMinutes },
      },
    },
    async (request) => getMeetingMinutes(ctxOf(request), request.params.id, publicUrl()),
  );

  app.get(
    "/calendar.ics",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "My calendar feed: the Stack's renewals and my meetings (the secret address from POST /me/calendar-feed)",
        querystring: CalendarFeedQuery,
      },
    },
    async (request, reply) => {
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
  );
};
